import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
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
