import { describe, expect, it } from '@jest/globals';
import { ALL_PERMISSIONS, isPermission } from './permissions.js';
import { AREA_KEEPERS, grantAuthority, type RoleDefinition, ROLE_NAMES, ROLES, restrictedAreas, roleScope } from './roles.js';

/**
 * The whole catalogue, role × permission → the scope it is held with, or "-" for denied.
 * Rendered as a table and compared with the committed snapshot: any change to who may do what
 * shows up as a reviewed diff of __snapshots__/roles.spec.ts.snap.
 */
function renderMatrix(): string {
  const width = Math.max(...ALL_PERMISSIONS.map((p) => p.length));
  const column = (role: string) => Math.max(role.length, 'organisation'.length, 'collaboration'.length);
  const header = ['permission'.padEnd(width), ...ROLE_NAMES.map((role) => role.padEnd(column(role)))].join(' | ');
  const rows = ALL_PERMISSIONS.map((permission) =>
    [permission.padEnd(width), ...ROLE_NAMES.map((role) => (roleScope(role, permission) ?? '-').padEnd(column(role)))].join(' | '),
  );
  return ['', header, ...rows, ''].join('\n');
}

describe('role catalogue', () => {
  it('grants exactly the permissions in the reviewed matrix', () => {
    expect(renderMatrix()).toMatchSnapshot();
  });

  it('names only permissions from the catalogue, each once per role', () => {
    for (const role of ROLE_NAMES) {
      const definition: RoleDefinition = ROLES[role];
      const names = definition.permissions.map((entry) => (Array.isArray(entry) ? entry[0] : entry));
      for (const name of names) expect(isPermission(name)).toBe(true);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('keeps youth cases, youth subjects and operation intelligence inside their own organisation', () => {
    for (const role of ROLE_NAMES) {
      for (const permission of ALL_PERMISSIONS.filter((p) => /^(youth_case|youth_subject|operation):/.test(p))) {
        expect(['collaboration', 'all']).not.toContain(roleScope(role, permission));
      }
    }
  });

  it('gives youth-case permissions to social services; the police read a case only through a grant (own scope never matches a social-services coordinator)', () => {
    for (const role of ROLE_NAMES) {
      const kinds = ROLES[role].organisationKinds as readonly string[];
      const youth = ALL_PERMISSIONS.filter((p) => /^(youth_case|youth_subject):/.test(p) && roleScope(role, p));
      if (kinds.includes('police')) expect(youth.map((p) => [p, roleScope(role, p)])).toEqual(youth.length ? [['youth_case:read', 'own']] : []);
      else if (youth.length > 0) expect(kinds).toEqual(['municipality']);
      if (ALL_PERMISSIONS.some((p) => p.startsWith('operation:') && roleScope(role, p))) expect(kinds).toEqual(['police']);
    }
  });

  it('derives each role’s area and who may give it from the catalogue', () => {
    const table = Object.fromEntries(ROLE_NAMES.map((role) => [role, [grantAuthority(role), restrictedAreas(role).join(',') || '-']]));
    expect(table).toEqual({
      system_admin: ['system', '-'],
      org_admin: ['administrator', '-'],
      police_officer: ['own_administrator', 'police'],
      police_commander: ['own_administrator', 'police'],
      social_worker: ['own_administrator', 'social_services'],
      social_services_manager: ['own_administrator', 'social_services'],
      licensing_officer: ['own_administrator', '-'],
      municipal_guard: ['own_administrator', '-'],
      rescue_service: ['own_administrator', '-'],
      safety_coordinator: ['own_administrator', '-'],
      manager: ['own_administrator', '-'],
      auditor: ['administrator', '-'],
    });
  });

  it('holds a role that reads a restricted area only in the kind of organisation that keeps the area', () => {
    for (const role of ROLE_NAMES) {
      for (const area of restrictedAreas(role)) expect(ROLES[role].organisationKinds).toEqual([AREA_KEEPERS[area]]);
    }
  });
});
