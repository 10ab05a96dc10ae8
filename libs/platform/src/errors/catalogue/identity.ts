import { field, problem } from './define.js';

/** Refusals of libs/identity: sign-in, users and their roles. */
export const IDENTITY_CODES = {
  'auth.rate_limited': problem(429, 'Too many login attempts from this address; try again in {retryAfterSeconds} s.', {
    retryAfterSeconds: 'seconds until the next attempt is taken',
  }),
  'user.email_taken': problem(409, 'A user with that e-mail address already exists.'),
  'user.cannot_deactivate_self': problem(409, 'You cannot deactivate your own account.'),
  'user.own_memberships': problem(403, 'Nobody gives or ends their own roles; another administrator does.'),
  'user.organisation_not_administered': problem(403, 'You may only manage users and roles in an organisation you administer.'),
  'user.system_admin_only': problem(403, 'Only a system administrator may grant system_admin.'),
  'user.domain_role_needs_own_admin': problem(
    403,
    'The role {role} is given or ended only by an administrator of the organisation the membership is in; a system administrator appoints administrators, not domain roles.',
    { role: 'the role asked for' },
  ),
  'organisation.name_taken': problem(409, 'An organisation named {name} already exists.', { name: 'the name asked for' }),
  'organisation.appeal_court_municipality': field('{field}: only a municipality names the administrative court its decisions are appealed to.'),
  'unit.name_taken': problem(409, 'The organisation already has a unit named {name}.', { name: 'the name asked for' }),
  'collaboration.name_taken': problem(409, 'A collaboration named {name} already exists.', { name: 'the name asked for' }),
  'collaboration.pair_taken': problem(409, 'The police organisation and the municipality already collaborate, as {name}.', {
    name: 'the name of their collaboration',
  }),
  'collaboration.party_kind': field('{field}: the organisation must be of the kind {organisationKind}.', {
    organisationKind: 'the kind the party must have (police or municipality)',
  }),
  'collaboration.partner_kind': field(
    '{field}: a partner is a rescue service or another organisation; {organisationKind} takes part as a party of its own collaboration.',
    {
      organisationKind: 'the organisation’s kind',
    },
  ),
  'membership.not_current': problem(409, 'The membership has already ended or not yet begun.'),
  'password.too_simple': field('{field}: the password is too simple (one character repeated, whitespace, a run or a keyboard walk).'),
  'password.too_common': field('{field}: the password is among the most common or published passwords.'),
  'password.contains_personal_data': field('{field}: the password is built from the person’s name or e-mail address.'),
  'role.organisation_kind': field('{field}: the role {role} cannot be held in {organisationKind}.', {
    role: 'the role asked for',
    organisationKind: 'the kind of the unit’s organisation (police, municipality, …)',
  }),
} as const;
