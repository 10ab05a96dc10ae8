import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ALL_PERMISSIONS,
  CurrentPrincipal,
  grantableRoles,
  grantAuthority,
  PERMISSIONS,
  type Permission,
  type Principal,
  type RoleDefinition,
  ROLE_NAMES,
  ROLES,
  RequirePermission,
  type RoleName,
  restrictedAreas,
} from '@samverkan/access';
import { ApiOk } from '@samverkan/platform';
import { RoleCatalogueView, type RoleView } from './users.dto.js';

/**
 * The role catalogue as libs/access defines it (the one place roles and permissions are declared),
 * for administrators choosing a role and for anyone reviewing who may do what.
 */
@ApiTags('users')
@Controller({ path: 'roles', version: '1' })
export class RolesController {
  @Get()
  @RequirePermission('user:read')
  @ApiOperation({ summary: 'Roller och behörigheter (The role catalogue): each role’s organisation kinds, scope, permissions and who may give it' })
  @ApiOk(RoleCatalogueView)
  list(@CurrentPrincipal() principal: Principal): RoleCatalogueView {
    const grantable = grantableRoles(principal);
    return {
      roles: ROLE_NAMES.map((name) => roleView(name, ROLES[name], grantable.has(name))),
      permissions: ALL_PERMISSIONS.map((permission) => ({ name: permission, label: PERMISSIONS[permission] })),
    };
  }
}

function roleView(name: RoleName, role: RoleDefinition, grantable: boolean): RoleView {
  return {
    name,
    label: role.label,
    organisationKinds: role.organisationKinds,
    scope: role.scope,
    permissions: role.permissions.map((entry) => {
      const [permission, scope] = Array.isArray(entry) ? entry : [entry as Permission, role.scope];
      return { name: permission, label: PERMISSIONS[permission], scope };
    }),
    restrictedAreas: restrictedAreas(name),
    grantAuthority: grantAuthority(name),
    grantable,
  };
}
