import { field, problem } from './define.js';

/** Refusals of sign-in through an organisation's identity provider (libs/identity oidc, issue #18). */
export const OIDC_CODES = {
  'oidc.state_unknown': problem(400, 'This sign-in attempt is unknown, expired or already used; start the sign-in again.'),
  'oidc.provider_refused': problem(401, 'The identity provider did not sign you in ({error}); start the sign-in again.', {
    error: 'the error code the identity provider gave',
  }),
  'oidc.provider_unavailable': problem(502, 'The identity provider could not be reached; try again in a while.'),
  'oidc.id_token_invalid': problem(401, 'The identity provider’s answer could not be verified; start the sign-in again or contact your administrator.'),
  'oidc.nonce_mismatch': problem(401, 'The identity provider’s answer belongs to another sign-in attempt; start the sign-in again.'),
  'oidc.claim_missing': problem(401, 'The identity provider did not say who you are (the claim {claim} is missing); contact your administrator.', {
    claim: 'the claim the provider is configured to name the user by',
  }),
  'oidc.no_account': problem(401, 'You are signed in at the identity provider, but no active account here matches you; ask your administrator for an account.'),
  'oidc.invitation_mismatch': problem(
    409,
    'You signed in at the identity provider as someone else than the person invited; sign in there with your own account, or choose a password instead.',
  ),
  'identity_provider.issuer_https': field('{field}: an identity provider must be reached over https.'),
  'identity_provider.name_taken': problem(409, 'The organisation already has an identity provider named {name}.', { name: 'the name asked for' }),
} as const;
