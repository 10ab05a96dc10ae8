import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ALL_PERMISSIONS,
  type OrganisationKind,
  PERMISSIONS,
  type Permission,
  type RoleDefinition,
  ROLE_NAMES,
  ROLES,
  RequirePermission,
  type RoleName,
  type Scope,
} from '@samverkan/access';

export interface RoleView {
  name: RoleName;
  label: string;
  /** The kinds of organisation in whose units the role may be held. */
  organisationKinds: readonly OrganisationKind[];
  /** The role's scope; a permission may name a narrower or wider one. */
  scope: Scope;
  permissions: { name: Permission; label: string; scope: Scope }[];
}

export interface RoleCatalogueView {
  roles: RoleView[];
  permissions: { name: Permission; label: string }[];
}

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
