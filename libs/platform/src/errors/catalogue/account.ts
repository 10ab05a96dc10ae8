import { field, problem } from './define.js';

/** Refusals of the account life cycle (libs/identity/src/account): invitations, password reset, sessions. */
export const ACCOUNT_CODES = {
  'account_token.not_found': problem(404, 'The link is not valid. Check that the whole link from the e-mail was used.'),
  'account_token.used': problem(410, 'The link has already been used; each link works once.'),
  'account_token.expired': problem(410, 'The link has expired; ask for a new one.'),
  'account.rate_limited': problem(429, 'Too many attempts from this address; try again in {retryAfterSeconds} s.', {
    retryAfterSeconds: 'seconds until the next attempt is taken',
  }),
  'account.mail_unavailable': problem(503, 'The e-mail could not be sent; try again later.'),
  'invitation.already_accepted': problem(409, 'The user has already set a password; no invitation is needed.'),
  'invitation.user_inactive': problem(409, 'The user is deactivated; reactivate the account before inviting.'),
  'password.current_wrong': field('{field}: the current password is wrong.'),
} as const;
