import { field, problem } from './define.js';

/** Refusals of libs/identity's second factors: TOTP, recovery codes, passkeys and step-up (issue #18). */
export const MFA_CODES = {
  'mfa.challenge_invalid': problem(401, 'The sign-in step has expired or was already used; sign in again.'),
  'mfa.code_invalid': problem(401, 'The code is wrong or already used.'),
  'mfa.passkey_invalid': problem(401, 'The passkey could not be verified.'),
  'mfa.totp_already_enabled': problem(409, 'An authenticator app is already set up; turn it off before setting up another.'),
  'mfa.totp_not_enabled': problem(409, 'No authenticator app is set up.'),
  'mfa.no_second_factor': problem(409, 'You have no authenticator app or passkey to confirm with; add one under Security.'),
  'mfa.recent_strong_required': problem(403, 'Your account already has a second factor: sign in again with it (or step up) before changing your factors.'),
  'mfa.code_wrong': field('{field}: the code is wrong or already used.'),
  'mfa.passkey_not_verified': field('{field}: the passkey could not be verified.'),
} as const;
