import type { Messages } from './sv';

/** English, behind the language switch. */
export const en: Messages = {
  app: { name: 'Samverkan', skip: 'Skip to content', language: 'På svenska', languageCode: 'sv', signOut: 'Sign out', loading: 'Loading…', menu: 'Main menu' },
  nav: { home: 'Home', promise: 'Citizen promise', inspections: 'Inspections', youth: 'Youth cases', operations: 'Operations', summaries: 'Operation results', notifications: 'Notifications', audit: 'Audit trail', admin: 'Administration' },
  signIn: {
    title: 'Sign in', email: 'E-mail address', password: 'Password', submit: 'Sign in', failed: 'Wrong e-mail address or password, or the account is locked.',
    expired: 'You have been inactive for a while and were signed out. Sign in again to continue.', tooMany: 'Too many attempts. Wait a minute and try again.',
  },
  home: {
    greeting: 'Hello {{name}}', deadlines: 'My deadlines', noDeadlines: 'You have no open deadlines. Anything given a due date will show up here.',
    overdue: 'Overdue', due: 'Due', notifications: 'Latest notifications', noNotifications: 'No new notifications.', roles: 'Your roles',
  },
  youth: {
    title: 'Youth cases', empty: 'There are no cases you can see. Cases reach the police only with consent or after a recorded disclosure.',
    reference: 'Case', person: 'Young person', number: 'Personal number', form: 'Form', status: 'Status', coordinator: 'Coordinator', review: 'Review',
    shared: 'You see this case through sharing. Categories: {{categories}}', riskFactors: 'Risk factors', entries: 'Notes', noEntries: 'No notes you can see.',
    plan: 'Plan', noPlan: 'No plan yet, or the sharing does not cover the plan.', reveal: 'Show full personal number', revealReason: 'Reason (kept in the audit trail)',
    revealSubmit: 'Show', cancel: 'Cancel', consents: 'Consents', disclosures: 'Disclosures', back: 'Back to the cases',
  },
  operations: {
    title: 'Operations', empty: 'No operations in your police area.', restricted: 'Restricted', window: 'Planned time', intelligence: 'Intelligence basis (commanders only)',
    conditions: 'Conditions of the decision', decide: 'Decide the operation', counts: 'Arrests {{arrests}}, reports {{reports}}, persons checked {{persons}}, places {{places}}.',
    to: { executing: 'Start the operation', completed: 'Mark as completed', outcome_reported: 'Report the outcome' },
    participants: 'Participants', outcome: 'Outcome', release: 'Release summary',
  },
  inspections: {
    title: 'Inspections', empty: 'No inspections to show.', premises: 'Premises', when: 'When', type: 'Type', status: 'Status', inspectors: 'Inspectors',
    protocol: 'Protocol', save: 'Save the protocol', saved: 'The protocol is saved.', note: 'Note', results: { ok: 'OK', remark: 'Remark', not_applicable: 'Not applicable', not_checked: 'Not checked' },
  },
  notifications: {
    title: 'Notifications', empty: 'No notifications. Reminders about deadlines and events in your cases show up here.', new: 'New', markRead: 'Mark as read', markAll: 'Mark all as read',
    emailMode: 'E-mail about notifications', saved: 'The setting is saved.', modes: { immediate: 'At once, one e-mail each', digest: 'A summary every morning at 07:00', off: 'No e-mail' },
  },
  consents: {
    title: 'Consents', empty: 'No consents recorded.', signers: 'Signed by', validity: 'Valid', categories: 'Categories', withdraw: 'Withdraw',
    withdrawReason: 'Reason for the withdrawal', withdrawSubmit: 'Withdraw the consent', states: { valid: 'Valid', expired: 'Expired', withdrawn: 'Withdrawn', pending: 'Not yet valid' },
  },
  disclosures: { title: 'Disclosures', empty: 'No disclosures recorded.', ground: 'Ground', to: 'To', when: 'When' },
  accessLog: { title: 'Access log', who: 'Who', what: 'What', when: 'When' },
  promise: { title: 'Citizen promise', commitments: 'Commitments', progress: 'Progress', overdueActions: 'Overdue actions', empty: 'No citizen promise to show.' },
  errors: { generic: 'Something went wrong. Try again, and quote {{requestId}} to support if it persists.', notFound: 'The page does not exist, or you may not see it.', fields: 'Please correct:' },
  statuses: {
    concern_raised: 'Concern raised', assessment: 'Assessment', awaiting_consent: 'Awaiting consent', mapping: 'Mapping', plan_active: 'Plan active', follow_up: 'Follow-up', closed: 'Closed', purged: 'Purged',
    proposed: 'Proposed', decided: 'Decided', executing: 'Executing', completed: 'Completed', outcome_reported: 'Outcome reported', cancelled: 'Cancelled',
    planned: 'Planned', performed: 'Performed', attempted: 'Attempted (nobody there)', report_sent: 'Report sent', response_received: 'Response received', escalated: 'Escalated',
  },
};
