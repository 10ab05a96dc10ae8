/**
 * Sign-in rules in one place. Five failed logins within fifteen minutes lock the account for
 * fifteen minutes; the caller is never told whether the address exists.
 */
export const MAX_FAILED_LOGINS = 5;
export const FAILED_LOGIN_WINDOW_MINUTES = 15;
export const LOCKOUT_MINUTES = 15;
export const LOGIN_RATE_WINDOW_SECONDS = 60;
export const MIN_PASSWORD_LENGTH = 12;

/** The one answer to every failed login: unknown address, wrong password, locked or deactivated. */
export const INVALID_CREDENTIALS = 'Fel e-postadress eller lösenord (Invalid email or password).';
