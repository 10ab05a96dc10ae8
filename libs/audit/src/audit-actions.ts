/**
 * The areas an audit event belongs to, in the order the filter lists them.
 * `system` holds what the platform records on its own (a request that recorded nothing richer).
 */
export const AUDIT_AREAS = ['sign_in', 'administration', 'audit', 'promise', 'inspections', 'youth', 'operations', 'system'] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];

/**
 * Every action string recorded anywhere in Samverkan (`<resource>.<verb>`), with its area: the one
 * list the audit trail's filter offers and the web client words (pages/audit/messages.ts).
 * apps/api/test/audit-actions.spec.ts fails when code records an action missing here. Denials
 * recorded by libs/access are `<resource>.<verb>` of the permission that was lacking, so every
 * permission has its entry too.
 */
export const AUDIT_ACTIONS = {
  // Signing in (libs/identity auth)
  'auth.login': 'sign_in',
  'auth.logout': 'sign_in',
  'auth.lockout': 'sign_in',
  'auth.refresh': 'sign_in',
  'auth.refresh_reuse': 'sign_in',
  'auth.mfa_login': 'sign_in',
  'auth.passkey_login': 'sign_in',
  'auth.step_up': 'sign_in',
  'mfa.totp_start': 'sign_in',
  'mfa.totp_confirm': 'sign_in',
  'mfa.totp_disable': 'sign_in',
  'mfa.recovery_codes_regenerate': 'sign_in',
  'mfa.passkey_add': 'sign_in',
  'mfa.passkey_rename': 'sign_in',
  'mfa.passkey_remove': 'sign_in',
  'account.invitation_accept': 'sign_in',
  'account.password_reset_request': 'sign_in',
  'account.password_reset': 'sign_in',
  'account.password_change': 'sign_in',
  'account.sessions_read': 'sign_in',
  'account.session_end': 'sign_in',
  'account.sessions_end_others': 'sign_in',
  // Sign-in through the organisation's identity provider (libs/identity oidc, issue #18)
  'oidc.start': 'sign_in',
  'oidc.login': 'sign_in',
  'oidc.account_created': 'sign_in',
  'access.unauthenticated': 'sign_in',
  'access.denied': 'sign_in',
  'access.strong_required': 'sign_in',
  'access.step_up_required': 'sign_in',

  // Administration (organisations, users, roles, grants, reminder rules)
  'organisation.create': 'administration',
  'organisation.read': 'administration',
  'organisation.manage': 'administration',
  'organisation.details': 'administration',
  'organisation.unit_create': 'administration',
  'organisation.update': 'administration',
  'collaboration.manage': 'administration',
  'collaboration.create': 'administration',
  'collaboration.partner_add': 'administration',
  'collaboration.partner_remove': 'administration',
  'identity_provider.create': 'administration',
  'identity_provider.update': 'administration',
  'user.create': 'administration',
  'user.read': 'administration',
  'user.manage': 'administration',
  'user.deactivate': 'administration',
  'user.reactivate': 'administration',
  'user.invite': 'administration',
  'user.sessions_read': 'administration',
  'user.sessions_end': 'administration',
  'membership.create': 'administration',
  'membership.end': 'administration',
  'record_grant.grant': 'administration',
  'record_grant.deny': 'administration',
  'record_grant.revoke': 'administration',
  'reminder_rules.replace': 'administration',
  'reminder_rule.manage': 'administration',
  'operations.read': 'administration',
  'work_queue.read': 'administration',

  // The audit trail itself
  'audit.read': 'audit',
  'audit.verify': 'audit',
  'audit.verify_start': 'audit',
  'audit.verify_complete': 'audit',

  // Citizen promises (medborgarlöften)
  'promise.create': 'promise',
  'promise.read': 'promise',
  'promise.update': 'promise',
  'promise.delete': 'promise',
  'promise.manage': 'promise',
  'promise.report': 'promise',
  'promise.add_problem_area': 'promise',
  'promise.report_export': 'promise',
  'promise.start_successor': 'promise',
  'commitment.create': 'promise',
  'commitment.update': 'promise',
  'commitment.delete': 'promise',
  'action.create': 'promise',
  'action.update': 'promise',
  'action.note': 'promise',
  'action.delete': 'promise',
  'action.carry_over': 'promise',
  'promise_action.update': 'promise',
  'promise_action.reassign': 'promise',
  'activity.create': 'promise',
  'activity.update': 'promise',
  'activity.delete': 'promise',
  'place.create': 'promise',
  'place.update': 'promise',
  'place.delete': 'promise',
  'finding.create': 'promise',
  'finding.update': 'promise',
  'finding.record': 'promise',
  'finding.photo_add': 'promise',
  'finding.photo_remove': 'promise',
  'finding_photo.read': 'promise',
  'follow_up.create': 'promise',
  'follow_up.update': 'promise',
  'follow_up.freeze': 'promise',
  'follow_up.approve': 'promise',

  // Alcohol licence supervision
  'premises.create': 'inspections',
  'premises.read': 'inspections',
  'premises.update': 'inspections',
  'premises.delete': 'inspections',
  'premises.manage': 'inspections',
  'premises.tip': 'inspections',
  'licence_holder.create': 'inspections',
  'licence_holder.update': 'inspections',
  'licence.create': 'inspections',
  'licence.read': 'inspections',
  'licence.status': 'inspections',
  'licence.terms': 'inspections',
  'licence.serving_managers': 'inspections',
  'restaurant_report.submit': 'inspections',
  'restaurant_reports.open': 'inspections',
  'supervision_plan.generate': 'inspections',
  'supervision_plan.edit': 'inspections',
  'checklist_template.create': 'inspections',
  'calendar_feed.issue': 'inspections',
  'calendar_feed.revoke': 'inspections',
  'inspection.read': 'inspections',
  'inspection.plan': 'inspections',
  'inspection.perform': 'inspections',
  'inspection.schedule': 'inspections',
  'inspection.findings': 'inspections',
  'inspection.photo_add': 'inspections',
  'inspection.photo_remove': 'inspections',
  'inspection_photo.read': 'inspections',
  'inspection.report_export': 'inspections',
  'inspection.performed': 'inspections',
  'inspection.attempted': 'inspections',
  'inspection.report_sent': 'inspections',
  'inspection.response_received': 'inspections',
  'inspection.closed': 'inspections',
  'inspection.escalated': 'inspections',
  'inspection.cancelled': 'inspections',
  'sanction.propose': 'inspections',
  'sanction.decide': 'inspections',
  'sanction.considered': 'inspections',
  'sanction.hearing': 'inspections',
  'sanction.hearing_response': 'inspections',
  'premises_tip.list': 'inspections',
  'premises_tip.read': 'inspections',
  'premises_tip.acknowledge': 'inspections',

  // Youth cases
  'youth_case.create': 'youth',
  'youth_case.list': 'youth',
  'youth_case.read': 'youth',
  'youth_case.update': 'youth',
  'youth_case.share': 'youth',
  'youth_case.disclose': 'youth',
  'youth_case.close': 'youth',
  'youth_case.access_log': 'youth',
  'youth_case.access_log_read': 'youth',
  'youth_case.statistics': 'youth',
  'youth_case.caseload': 'youth',
  'youth_case.participant_add': 'youth',
  'youth_case.participant_remove': 'youth',
  'youth_case.report_of_concern': 'youth',
  'youth_case.consents_read': 'youth',
  'youth_case.disclosures_read': 'youth',
  'youth_case.purge': 'youth',
  'youth_case.assessment': 'youth',
  'youth_case.awaiting_consent': 'youth',
  'youth_case.mapping': 'youth',
  'youth_case.plan_active': 'youth',
  'youth_case.follow_up': 'youth',
  'youth_case.closed': 'youth',
  'youth_concern.report': 'youth',
  'youth_statistics.read': 'youth',
  'youth_entry.create': 'youth',
  'youth_meeting.plan': 'youth',
  'youth_plan_item.create': 'youth',
  'youth_plan_item.update': 'youth',
  'youth_consent.record': 'youth',
  'youth_consent.withdraw': 'youth',
  'youth_consent.expired': 'youth',
  'youth_disclosure.record': 'youth',
  'youth_subject.create': 'youth',
  'youth_subject.find': 'youth',
  'youth_subject.read': 'youth',
  'youth_subject.reveal': 'youth',
  'youth_subject.extract': 'youth',
  'youth_subject.register_extract': 'youth',

  // Police operations
  'operation.propose': 'operations',
  'operation.list': 'operations',
  'operation.read': 'operations',
  'operation.decide': 'operations',
  'operation.report': 'operations',
  'operation.participants': 'operations',
  'operation.outcome': 'operations',
  'operation.referral': 'operations',
  'operation.release': 'operations',
  'operation.decided': 'operations',
  'operation.executing': 'operations',
  'operation.completed': 'operations',
  'operation.outcome_reported': 'operations',
  'operation.cancelled': 'operations',
  'operation_summary.list': 'operations',
  'operation_summary.read': 'operations',
  'operation_summary.totals': 'operations',
  'licensing_referral.list': 'operations',
  'licensing_referral.acknowledge': 'operations',
  'licensing_referral.read': 'operations',

  // The header search (libs/search): what kinds it reached and how much it found
  'search.performed': 'system',

  // The map (libs/map): which layers it drew and how much each held
  'map.viewed': 'system',

  // Attachments on records (libs/attachments, issue #21). Each event's resource is the record (a
  // youth case, an inspection, ...), so the trail finds them by record; they span areas, hence `system`.
  'attachment.add': 'system',
  'attachment.list': 'system',
  'attachment.read': 'system',
  'attachment.remove': 'system',

  // Documents issued as PDF (libs/documents, issue #21): the resource is the record it was issued from.
  'document.preview': 'system',
  'document.issue': 'system',
  'document.list': 'system',
  'document.read': 'system',
  'document.sent': 'system',

  // Recorded by the platform
  'http.request': 'system',
} as const satisfies Record<string, AuditArea>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The catalogue as the api serves it (GET /audit-events/actions), in catalogue order. */
export function auditActionList(): { action: AuditAction; area: AuditArea }[] {
  return (Object.entries(AUDIT_ACTIONS) as [AuditAction, AuditArea][]).map(([action, area]) => ({ action, area }));
}
