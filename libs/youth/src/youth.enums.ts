import {
  CASE_FORM_KEYS,
  CASE_STATUSES,
  CATEGORY_KEYS,
  CONSENT_STATES,
  DISCLOSURE_GROUND_KEYS,
  ENTRY_KINDS,
  MEETING_KINDS,
  PARTICIPANT_ROLES,
  PLAN_ITEM_STATUSES,
  RETENTION_CLASS_KEYS,
  RISK_FACTOR_KEYS,
  SIGNER_ROLES,
  VISIBILITIES,
} from './youth-rules.js';

/**
 * The youth vocabularies as named enums of the OpenAPI document, for requests (youth.dto.ts) and
 * answers (youth.views.ts) alike: one schema per vocabulary over the lib's own arrays, and the
 * generated schema.ts exports each one's values (e.g. `youthCaseStatusValues`) for the web client.
 * Spread into `@ApiProperty` (with `isArray: true` for a list).
 */
export const YOUTH_ENUM = {
  form: { enum: CASE_FORM_KEYS, enumName: 'YouthCaseForm' },
  status: { enum: CASE_STATUSES, enumName: 'YouthCaseStatus' },
  category: { enum: CATEGORY_KEYS, enumName: 'YouthInformationCategory' },
  riskFactor: { enum: RISK_FACTOR_KEYS, enumName: 'YouthRiskFactor' },
  ground: { enum: DISCLOSURE_GROUND_KEYS, enumName: 'YouthDisclosureGround' },
  signerRole: { enum: SIGNER_ROLES, enumName: 'YouthSignerRole' },
  consentState: { enum: CONSENT_STATES, enumName: 'YouthConsentState' },
  participantRole: { enum: PARTICIPANT_ROLES, enumName: 'YouthParticipantRole' },
  retentionClass: { enum: RETENTION_CLASS_KEYS, enumName: 'YouthRetentionClass' },
  entryKind: { enum: ENTRY_KINDS, enumName: 'YouthEntryKind' },
  visibility: { enum: VISIBILITIES, enumName: 'YouthEntryVisibility' },
  planItemStatus: { enum: PLAN_ITEM_STATUSES, enumName: 'YouthPlanItemStatus' },
  meetingKind: { enum: MEETING_KINDS, enumName: 'YouthMeetingKind' },
} as const;
