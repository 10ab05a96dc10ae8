import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  assertMayGrant,
  type OrganisationKind,
  type Principal,
  ROLE_NAMES,
  ROLES,
  type RecordOwnership,
  type RoleName,
  roleScope,
  roleScopeAllows,
  scopeCondition,
} from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { Notifier } from '@samverkan/notifications';
import { Clock, escapeLike, invalidField, type Page, pageOf, ProblemException, updateReturning } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { PasswordService } from '../auth/password.service.js';
import { PrincipalCache } from '../auth/principal-cache.js';
import { MembersDirectory } from '../organisations/members-directory.js';
import { TokenService } from '../auth/token.service.js';
import type { CreateMembershipRequest, CreateUserRequest, MembershipView, UserListQuery, UserView } from './users.dto.js';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: OrganisationKind;
  is_active: boolean;
  locked_until: Date | null;
  last_login_at: Date | null;
  memberships: {
    id: string;
    unit_id: string;
    unit_name: string;
    organisation_id: string;
    organisation_name: string;
    role: keyof typeof ROLES;
    valid_from: string;
    valid_until: string | null;
  }[];
}

/** Users as records: they are owned by their employing organisation. */
const USER_COLUMNS = { id: 'u.id', organisationId: 'u.organisation_id', ownerUserId: 'u.id' };

// Users with their organisation and every membership, in one statement (no N+1).
const SELECT_USERS = `
  SELECT u.id, u.email, u.display_name, u.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind,
         u.is_active, u.locked_until, u.last_login_at,
         coalesce((SELECT json_agg(json_build_object(
             'id', m.id, 'unit_id', un.id, 'unit_name', un.name, 'organisation_id', mo.id,
             'organisation_name', mo.name, 'role', m.role, 'valid_from', m.valid_from, 'valid_until', m.valid_until)
             ORDER BY m.valid_from, m.id)
           FROM memberships m JOIN units un ON un.id = m.unit_id JOIN organisations mo ON mo.id = un.organisation_id
           WHERE m.user_id = u.id), '[]') AS memberships
  FROM users u JOIN organisations o ON o.id = u.organisation_id`;

/** User administration: system_admin everywhere, org_admin within their own organisation. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly members: MembersDirectory,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly principals: PrincipalCache,
  ) {}

  async list(principal: Principal, query: UserListQuery): Promise<Page<UserView>> {
    const scope = scopeCondition(principal, 'user:read', USER_COLUMNS, this.clock.now(), { grants: false });
    const qb = this.dataSource.createQueryBuilder().from('users', 'u').where(scope.sql, scope.params);
    if (query.q) qb.andWhere(`(u.display_name || ' ' || u.email) ILIKE :q`, { q: `%${escapeLike(query.q)}%` });
    if (query.organisationId) qb.andWhere('u.organisation_id = :organisationId', { organisationId: query.organisationId });
    if (query.active !== undefined) qb.andWhere('u.is_active = :active', { active: query.active });
    const page = await pageOf<UserRow>(this.dataSource, qb, { alias: 'u', orderBy: [['u.display_name', 'ASC']], select: SELECT_USERS }, query);
    return { ...page, items: page.items.map((row) => this.view(row)) };
  }

  async get(principal: Principal, id: string): Promise<UserView> {
    const row = await this.find(id);
    await this.access.authorize(principal, 'user', 'read', ownership(row));
    return this.view(row);
  }

  async create(principal: Principal, request: CreateUserRequest): Promise<UserView> {
    const [organisation] = await this.dataSource.query<{ id: string }[]>('SELECT id FROM organisations WHERE id = $1', [request.organisationId]);
    if (!organisation) throw invalidField('organisationId', 'reference.not_found', { resource: 'organisation' });
    if (!roleScopeAllows(principal, 'user:manage', { id: request.organisationId, organisationId: request.organisationId })) {
      throw new ProblemException('user.organisation_not_administered');
    }
    const email = request.email.trim().toLowerCase();
    // Without a password the person is invited by e-mail and chooses one (account/invitations.service.ts).
    if (request.password !== undefined) this.passwords.assertAcceptable(request.password, { email, displayName: request.displayName });
    const passwordHash = request.password === undefined ? null : await this.passwords.hash(request.password);
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO users (organisation_id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [request.organisationId, email, request.displayName.trim(), passwordHash],
      );
      if (!created) throw new ProblemException('user.email_taken');
      await this.audit.record(
        {
          action: 'user.create',
          resourceType: 'user',
          resourceId: created.id,
          subjectOrganisationId: request.organisationId,
          changedFields: ['email', 'displayName', 'organisationId', ...(passwordHash ? ['password'] : [])],
        },
        manager,
      );
      return created.id;
    });
    return this.view(await this.find(id));
  }

  /** Deactivation takes effect at once: token version bumped, every refresh token revoked. */
  async setActive(principal: Principal, id: string, active: boolean): Promise<UserView> {
    const row = await this.find(id);
    await this.access.authorize(principal, 'user', 'manage', ownership(row));
    if (!active && id === principal.userId) throw new ProblemException('user.cannot_deactivate_self');
    if (row.is_active !== active) {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          active
            ? `UPDATE users SET is_active = true, deactivated_at = NULL, locked_until = NULL, failed_login_count = 0,
                 version = version + 1 WHERE id = $1`
            : `UPDATE users SET is_active = false, deactivated_at = $2, token_version = token_version + 1,
                 version = version + 1 WHERE id = $1`,
          active ? [id] : [id, this.clock.now()],
        );
        if (!active) await this.tokens.revokeAllFor(id, manager);
        await this.principals.changed(manager, id);
        await this.audit.record(
          {
            action: active ? 'user.reactivate' : 'user.deactivate',
            resourceType: 'user',
            resourceId: id,
            subjectOrganisationId: row.organisation_id,
            changedFields: ['isActive'],
          },
          manager,
        );
      });
    }
    return this.view(await this.find(id));
  }

  async addMembership(principal: Principal, userId: string, request: CreateMembershipRequest): Promise<UserView> {
    // An administrator who could give themselves any role of their organisation could read what
    // that role reads (youth cases, sealed intelligence): their own roles are another admin's call.
    if (userId === principal.userId) throw new ProblemException('user.own_memberships');
    const row = await this.find(userId);
    await this.access.authorize(principal, 'user', 'manage', ownership(row));
    const [unit] = await this.dataSource.query<{ id: string; name: string; organisation_id: string; kind: string }[]>(
      `SELECT un.id, un.name, un.organisation_id, o.kind FROM units un JOIN organisations o ON o.id = un.organisation_id WHERE un.id = $1`,
      [request.unitId],
    );
    if (!unit) throw invalidField('unitId', 'reference.not_found', { resource: 'unit' });
    const role = ROLES[request.role];
    if (!(role.organisationKinds as readonly string[]).includes(unit.kind)) {
      throw invalidField('role', 'role.organisation_kind', { role: request.role, organisationKind: unit.kind });
    }
    // Issue #15: who may give or end which role is decided once, in libs/access.
    assertMayGrant(principal, request.role, { unitId: unit.id, organisationId: unit.organisation_id });
    const validFrom = request.validFrom ? new Date(request.validFrom) : this.clock.now();
    const validUntil = request.validUntil ? new Date(request.validUntil) : null;
    if (validUntil && validUntil <= validFrom) {
      throw invalidField('validUntil', 'date.after', { other: 'validFrom' });
    }
    await this.dataSource.transaction(async (manager) => {
      const [membership] = await manager.query<{ id: string }[]>(
        `INSERT INTO memberships (user_id, unit_id, role, valid_from, valid_until, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [userId, unit.id, request.role, validFrom, validUntil, principal.userId],
      );
      await this.principals.changed(manager, userId);
      await this.audit.record(
        {
          action: 'membership.create',
          resourceType: 'user',
          resourceId: userId,
          subjectOrganisationId: row.organisation_id,
          details: { membershipId: membership.id, unitId: unit.id, organisationId: unit.organisation_id, role: request.role },
        },
        manager,
      );
      await this.tellOtherAdmins(manager, principal, userId, 'membership.create', membership.id, {
        role: request.role,
        unitName: unit.name,
        organisationId: unit.organisation_id,
      });
    });
    return this.view(await this.find(userId));
  }

  /** Ends a membership now (it stays in the history). */
  async endMembership(principal: Principal, userId: string, membershipId: string): Promise<UserView> {
    if (userId === principal.userId) throw new ProblemException('user.own_memberships');
    const row = await this.find(userId);
    await this.access.authorize(principal, 'user', 'manage', ownership(row));
    const membership = row.memberships.find((m) => m.id === membershipId);
    if (!membership) throw new NotFoundException(`No membership ${membershipId} for this user.`);
    // Ending a role is as much the area's call as giving it: a system administrator does not
    // strip a municipality of its social workers, nor a police area of its commanders.
    assertMayGrant(principal, membership.role, { unitId: membership.unit_id, organisationId: membership.organisation_id });
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const ended = await updateReturning<{ id: string }>(
        manager,
        `UPDATE memberships SET valid_until = $3
         WHERE id = $1 AND user_id = $2 AND (valid_until IS NULL OR valid_until > $3) AND valid_from < $3 RETURNING id`,
        [membershipId, userId, now],
      );
      if (ended.length === 0) {
        throw new ProblemException('membership.not_current');
      }
      await this.principals.changed(manager, userId);
      await this.audit.record(
        {
          action: 'membership.end',
          resourceType: 'user',
          resourceId: userId,
          subjectOrganisationId: row.organisation_id,
          changedFields: ['validUntil'],
          details: { membershipId, unitId: membership.unit_id, organisationId: membership.organisation_id, role: membership.role },
        },
        manager,
      );
      await this.tellOtherAdmins(manager, principal, userId, 'membership.end', membershipId, {
        role: membership.role,
        unitName: membership.unit_name,
        organisationId: membership.organisation_id,
      });
    });
    return this.view(await this.find(userId));
  }

  /**
   * Every role given or ended is told to the other administrators of the organisation the
   * membership is in (issue #15), so a grant nobody asked for is seen by someone who can undo it.
   * The notice names the role and unit, not the person (notifications carry no personal data).
   */
  private async tellOtherAdmins(
    manager: EntityManager,
    principal: Principal,
    userId: string,
    kind: 'membership.create' | 'membership.end',
    membershipId: string,
    membership: { role: RoleName; unitName: string; organisationId: string },
  ): Promise<void> {
    const admins = await this.members.userIds({ organisationId: membership.organisationId, roles: ORGANISATION_ADMIN_ROLES }, manager);
    const recipients = admins.filter((id) => id !== principal.userId && id !== userId);
    const label = ROLES[membership.role].label;
    await this.notifier.notify(manager, recipients, {
      kind,
      title: kind === 'membership.create' ? `Behörighet given: ${label}` : `Behörighet avslutad: ${label}`,
      body:
        kind === 'membership.create'
          ? `En administratör gav en användare rollen ${label} i enheten ${membership.unitName}. Kontrollera ändringen under Administration → Användare.`
          : `En administratör avslutade rollen ${label} för en användare i enheten ${membership.unitName}. Kontrollera ändringen under Administration → Användare.`,
      resourceType: 'user',
      resourceId: userId,
      dedupeKey: `${kind}-${membershipId}`,
    });
  }

  private async find(id: string): Promise<UserRow> {
    const [row] = await this.dataSource.query<UserRow[]>(`${SELECT_USERS} WHERE u.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No user with id ${id}.`);
    return row;
  }

  private view(row: UserRow): UserView {
    const now = this.clock.now();
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      organisation: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind },
      isActive: row.is_active,
      lockedUntil: row.locked_until && row.locked_until > now ? row.locked_until.toISOString() : null,
      lastLoginAt: row.last_login_at?.toISOString() ?? null,
      memberships: row.memberships.map((m): MembershipView => ({
        id: m.id,
        unitId: m.unit_id,
        unitName: m.unit_name,
        organisationId: m.organisation_id,
        organisationName: m.organisation_name,
        role: m.role,
        roleLabel: ROLES[m.role]?.label ?? m.role,
        validFrom: new Date(m.valid_from).toISOString(),
        validUntil: m.valid_until ? new Date(m.valid_until).toISOString() : null,
        active: new Date(m.valid_from) <= now && (!m.valid_until || new Date(m.valid_until) > now),
      })),
    };
  }
}

/** The roles that administer one organisation's users (not everything): its own administrators. */
const ORGANISATION_ADMIN_ROLES = ROLE_NAMES.filter((role) => ['organisation', 'unit'].includes(roleScope(role, 'user:manage') ?? ''));

function ownership(row: UserRow): RecordOwnership {
  return { id: row.id, organisationId: row.organisation_id, ownerUserId: row.id };
}
