import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_PERMISSIONS, PERMISSIONS, type Permission, type RoleDefinition, ROLE_NAMES, ROLES, RequirePermission, type RoleName } from '@samverkan/access';
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
  @ApiOperation({ summary: 'Roller och behörigheter (The role catalogue): each role’s organisation kinds, scope and permissions' })
  @ApiOk(RoleCatalogueView)
  list(): RoleCatalogueView {
    return {
      roles: ROLE_NAMES.map((name) => roleView(name, ROLES[name])),
      permissions: ALL_PERMISSIONS.map((permission) => ({ name: permission, label: PERMISSIONS[permission] })),
    };
  }
}

function roleView(name: RoleName, role: RoleDefinition): RoleView {
  return {
    name,
    label: role.label,
    organisationKinds: role.organisationKinds,
    scope: role.scope,
    permissions: role.permissions.map((entry) => {
      const [permission, scope] = Array.isArray(entry) ? entry : [entry as Permission, role.scope];
      return { name: permission, label: PERMISSIONS[permission], scope };
    }),
  };
}
