/**
 * The catalogue of BullMQ queues and job names. A queue name appears nowhere else as a literal.
 * Job names are `<area>.<action>`; BullMQ job *ids* (when we set them) must not contain ':' nor be
 * all digits.
 */
export const QueueName = {
  /** Platform jobs: round-trip pings the readiness tooling uses. */
  System: 'system',
  /** Reminder and escalation deliveries, the reconciler and the morning digest. */
  Deadlines: 'deadlines',
  /** E-mail sending. */
  Notifications: 'notifications',
  /** Alcohol supervision's calendar jobs: the yearly opening of restaurant reports. */
  Supervision: 'supervision',
  /** Youth cases: consent expiry notices and nightly retention (gallring). */
  Youth: 'youth',
  /** The audit trail: anchoring the hash chain outside the database. */
  Audit: 'audit',
  /** The audit trail: verifying the hash chain in pages, apart from the anchors so a long run never delays one. */
  AuditVerification: 'audit-verification',
  /** Documents issued as PDF: rendering one, and sweeping expired previews. */
  Documents: 'documents',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  SystemPing: 'system.ping',
  DeadlineRemind: 'deadline.remind',
  DeadlineReconcile: 'deadline.reconcile',
  EmailSend: 'email.send',
  EmailOutbox: 'email.outbox',
  DigestRun: 'digest.run',
  RestaurantReportsOpen: 'restaurant_reports.open',
  YouthConsentExpiry: 'youth.consent_expiry',
  YouthRetentionPurge: 'youth.retention_purge',
  AuditAnchor: 'audit.anchor',
  AuditVerify: 'audit.verify',
  DocumentRender: 'document.render',
  DocumentPreviewSweep: 'document.preview_sweep',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];
