export { type ConsentSigner, openSigners, sealSigners, SIGNERS_FIELD } from './consent-signers.js';
export * from './personal-number.js';
export * from './youth-rules.js';
export { YouthCaseSearch } from './youth-case-search.service.js';
export * from './youth.module.js';
export {
  caseReference,
  CONSENT_EXPIRY_DEADLINE,
  MEETING_DEADLINE,
  PLAN_ITEM_DEADLINE,
  PRELIMINARY_ASSESSMENT_DEADLINE,
  REVIEW_DEADLINE,
} from './youth-deadlines.js';
// The sealed row of a young person, for the demo data (apps/api/src/seed) as for registration.
export { INSERT_SUBJECT, subjectValues } from './youth-subjects.service.js';
export * from './youth.views.js';
