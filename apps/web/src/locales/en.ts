import type { Messages } from './sv';
import { en as accountEn } from '../pages/account/messages';
import { en as adminEn } from '../pages/admin/messages';
import { en as auditEn } from '../pages/audit/messages';
import { en as inspectionsEn } from '../pages/inspections/messages';
import { en as operationsEn } from '../pages/operations/messages';
import { en as promiseEn } from '../pages/promise/messages';
import { en as strongAuthEn } from '../pages/strong-auth/messages';
import { en as searchEn } from '../pages/search/messages';
import { en as publicEn } from '../pages/public/messages';
import { en as workQueueEn } from '../pages/work-queue/messages';
import { en as youthEn } from '../pages/youth/messages';
import { en as oidcEn } from '../pages/oidc/messages';

/** English, behind the language switch. */
export const en: Messages = {
  ...accountEn,
  ...adminEn,
  ...auditEn,
  ...inspectionsEn,
  ...operationsEn,
  ...promiseEn,
  ...publicEn,
  ...searchEn,
  ...strongAuthEn,
  ...youthEn,
  ...workQueueEn,
  ...oidcEn,
  app: {
    name: 'Samverkan',
    skip: 'Skip to content',
    language: 'På svenska',
    languageCode: 'sv',
    signOut: 'Sign out',
    loading: 'Loading…',
    menu: 'Main menu',
    cancel: 'Cancel',
  },
  pager: { label: 'Pages', showing: 'Showing {{from}}–{{to}} of {{total}} (page {{page}} of {{pages}})', previous: 'Previous page', next: 'Next page' },

  nav: {
    home: 'Home',
    promise: 'Citizen promise',
    inspections: 'Inspections',
    youth: 'Youth cases',
    operations: 'Operations',
    summaries: 'Operation results',
    notifications: 'Notifications',
    audit: 'Audit trail',
    admin: 'Administration',
    workQueue: 'Work queue',
  },
  signIn: {
    title: 'Sign in',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Wrong e-mail address or password, or the account is locked.',
    expired: 'You have been inactive for a while and were signed out. Sign in again to continue.',
    tooMany: 'Too many attempts. Wait a minute and try again.',
  },
  home: {
    greeting: 'Hello {{name}}',
    deadlines: 'My deadlines',
    noDeadlines: 'You have no open deadlines. Anything given a due date will show up here.',
    overdue: 'Overdue',
    due: 'Due',
    notifications: 'Latest notifications',
    noNotifications: 'No new notifications.',
    roles: 'Your roles',
    teamOrganisation: 'Overdue and due soon in your organisation',
    teamUnit: 'Overdue and due soon in your unit',
    noTeamDeadlines: 'Nothing is overdue or due within 14 days.',
    responsible: 'Responsible',
    openQueue: 'Open the work queue ({{count}} overdue or due soon)',
  },
  notifications: {
    title: 'Notifications',
    empty: 'No notifications. Reminders about deadlines and events in your cases show up here.',
    new: 'New',
    markRead: 'Mark as read',
    markAll: 'Mark all as read',
    emailMode: 'E-mail about notifications',
    saved: 'The setting is saved.',
    modes: { immediate: 'At once, one e-mail each', digest: 'A summary every morning at 07:00', off: 'No e-mail' },
  },
  errors: {
    generic: 'Something went wrong. Try again, and quote {{requestId}} to support if it persists.',
    notFound: 'The page does not exist, or you may not see it.',
    fields: 'Please correct:',
    reference: 'Reference: {{requestId}}.',
  },
  statuses: {
    concern_raised: 'Concern raised',
    assessment: 'Assessment',
    awaiting_consent: 'Awaiting consent',
    mapping: 'Mapping',
    plan_active: 'Plan active',
    follow_up: 'Follow-up',
    closed: 'Closed',
    purged: 'Purged',
    proposed: 'Proposed',
    decided: 'Decided',
    executing: 'Executing',
    completed: 'Completed',
    outcome_reported: 'Outcome reported',
    cancelled: 'Cancelled',
    planned: 'Planned',
    performed: 'Performed',
    attempted: 'Attempted (nobody there)',
    report_sent: 'Report sent',
    response_received: 'Response received',
    escalated: 'Escalated',
  },
  commonLabels: {
    deadlineStatuses: { open: 'Open', met: 'Met', cancelled: 'Cancelled' },
    deadlineScopes: { mine: 'Mine', unit: 'My unit', all: 'All' },
  },
};
