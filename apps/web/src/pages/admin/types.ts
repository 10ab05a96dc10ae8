/** Shapes the admin screens read, as libs/identity answers them (users.dto.ts, organisations.service.ts, roles.controller.ts). */

export interface Page<T> { items: T[]; total: number; limit: number; offset: number }

export interface Membership {
  id: string; unitId: string; unitName: string; organisationId: string; organisationName: string;
  role: string; roleLabel: string; validFrom: string; validUntil: string | null; active: boolean;
}

export interface User {
  id: string; email: string; displayName: string; organisation: { id: string; name: string; kind: string };
  isActive: boolean; lockedUntil: string | null; lastLoginAt: string | null; memberships: Membership[];
}

export interface Organisation { id: string; name: string; kind: string; orgNumber: string | null; units: { id: string; name: string }[] }

export interface RoleView {
  name: string; label: string; organisationKinds: string[]; scope: string;
  permissions: { name: string; label: string; scope: string }[];
}

export interface RoleCatalogue { roles: RoleView[]; permissions: { name: string; label: string }[] }
