import { problem } from './define.js';

/** Refusals of libs/access: a visible record or route the caller's roles do not reach. */
export const ACCESS_CODES = {
  'access.route_undeclared': problem(403, 'This route declares no access rule.'),
  'access.permission_required': problem(403, 'Requires the permission {permission}.', { permission: 'the permission missing (see GET /roles)' }),
  'access.record_denied': problem(403, 'You may not {action} this {resourceType}.', {
    action: 'what was attempted (read, update, …)',
    resourceType: 'the kind of record',
  }),
  // Strong authentication (issue #18, libs/access strong-auth.ts)
  'auth.strong_required': problem(
    403,
    'Requires a strong session for {permission}: sign in with stronger authentication (an identity provider’s eID, or a password with a second factor).',
    { permission: 'the permission that needs a strong session (HSLF-FS 2016:40 4 kap 4 §, brottsdatalagen 3 kap 8 §)' },
  ),
  'auth.step_up_required': problem(403, 'Your last strong authentication is more than {maxAgeMinutes} minutes old; authenticate strongly again.', {
    maxAgeMinutes: 'how old the last strong authentication may be (STEP_UP_MAX_AGE_MINUTES)',
  }),
} as const;
