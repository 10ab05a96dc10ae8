import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ACCESS_METADATA, type RouteAccess } from '@samverkan/platform';
import type { Permission } from './permissions.js';

export { ACCESS_METADATA, Public, type RouteAccess } from '@samverkan/platform';

/** Any signed-in user (their own profile, for example). */
export const Authenticated = () =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies RouteAccess),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
  );

/**
 * The caller must hold `permission` through some role. Which records it reaches is decided by the
 * service with scopeCondition / AccessService.authorize (404 outside scope, 403 forbidden action).
 */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies RouteAccess),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
    ApiForbiddenResponse({ description: `Requires the permission ${permission}` }),
  );

/**
 * Like RequirePermission, but for areas whose very existence is kept from outsiders (police
 * operations): a caller without the permission gets 404, not 403.
 */
export const RequireHiddenPermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'permission', permission, hidden: true } satisfies RouteAccess),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
    ApiNotFoundResponse({ description: 'Not found (also what callers without access get)' }),
  );
