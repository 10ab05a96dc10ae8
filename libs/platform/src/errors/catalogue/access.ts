import { problem } from './define.js';

/** Refusals of libs/access: a visible record or route the caller's roles do not reach. */
export const ACCESS_CODES = {
  'access.route_undeclared': problem(403, 'This route declares no access rule.'),
  'access.permission_required': problem(403, 'Requires the permission {permission}.', { permission: 'the permission missing (see GET /roles)' }),
  'access.record_denied': problem(403, 'You may not {action} this {resourceType}.', {
    action: 'what was attempted (read, update, …)',
    resourceType: 'the kind of record',
  }),
} as const;
