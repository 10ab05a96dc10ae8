import { ACCESS_CODES } from './access.js';
import { ACCOUNT_CODES } from './account.js';
import { ATTACHMENTS_CODES } from './attachments.js';
import { AUDIT_CODES } from './audit.js';
import { DEADLINES_CODES } from './deadlines.js';
import { DOCUMENTS_CODES } from './documents.js';
import type { CodeSpec, FieldCodeSpec, ProblemCodeSpec } from './define.js';
import { IDENTITY_CODES } from './identity.js';
import { INSPECTIONS_CODES } from './inspections.js';
import { MFA_CODES } from './mfa.js';
import { NOTIFICATIONS_CODES } from './notifications.js';
import { OIDC_CODES } from './oidc.js';
import { OPERATIONS_CODES } from './operations.js';
import { PLATFORM_CODES } from './platform.js';
import { PROMISES_CODES } from './promises.js';
import { YOUTH_CODES } from './youth.js';

export { type ErrorParams, interpolate } from './define.js';

/**
 * The one catalogue of error codes the api answers with, one file per lib so each area keeps its
 * own. Documented in the OpenAPI document (the `Problem` and `FieldError` schemas); a unit test
 * checks that every code thrown anywhere is here and every code here is thrown somewhere.
 */
export const ERROR_CODES = {
  ...PLATFORM_CODES,
  ...ACCESS_CODES,
  ...IDENTITY_CODES,
  ...MFA_CODES,
  ...ACCOUNT_CODES,
  ...OIDC_CODES,
  ...AUDIT_CODES,
  ...PROMISES_CODES,
  ...INSPECTIONS_CODES,
  ...YOUTH_CODES,
  ...OPERATIONS_CODES,
  ...DEADLINES_CODES,
  ...NOTIFICATIONS_CODES,
  ...ATTACHMENTS_CODES,
  ...DOCUMENTS_CODES,
} as const satisfies Record<string, CodeSpec>;

type Catalogue = typeof ERROR_CODES;
export type ErrorCode = keyof Catalogue;
/** Codes of top-level refusals (`code` beside `detail`). */
export type ProblemCode = { [C in ErrorCode]: Catalogue[C] extends ProblemCodeSpec ? C : never }[ErrorCode];
/** Codes of field errors (`errors[].code`). */
export type FieldCode = { [C in ErrorCode]: Catalogue[C] extends FieldCodeSpec ? C : never }[ErrorCode];

export const problemSpec = (code: ProblemCode): ProblemCodeSpec => ERROR_CODES[code];
export const fieldSpec = (code: FieldCode): FieldCodeSpec => ERROR_CODES[code];
export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);
