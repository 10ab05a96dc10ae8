import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, ROLE_NAMES, roleScope, scopesFor } from '@samverkan/access';
import { Clock, escapeLike, type Page, pageOf } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import type { ColleagueQuery, OperationPremisesQuery, PoliceUnitQuery } from './operations.dto.js';
import type { ColleagueView, OperationPremisesView, PoliceUnitView } from './operations.views.js';

/** Roles whose holders can take part in an operation: those that carry one out and report it. */
const PARTICIPANT_ROLES = ROLE_NAMES.filter((role) => roleScope(role, 'operation:report'));

/** A colleague with the units in which they hold one of `:roles` at `:now`. */
const SELECT_COLLEAGUES = `SELECT u.id, u.display_name AS "displayName",
  coalesce((SELECT json_agg(DISTINCT un.name) FROM memberships m JOIN units un ON un.id = m.unit_id
    WHERE m.user_id = u.id AND m.role = ANY(:roles::text[]) AND m.valid_from <= :now AND (m.valid_until IS NULL OR m.valid_until > :now)), '[]') AS units
  FROM users u`;

/**
 * What the police pick from when they propose an operation, name its participants or refer
 * premises to licensing: the officers and units of their own police area, and the licensed
 * premises of its collaborations. Nothing outside the caller's police area.
 */
@Injectable()
export class OperationDirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Active officers and commanders of the caller's police area, by name, with their units. */
  async colleagues(principal: Principal, query: ColleagueQuery): Promise<Page<ColleagueView>> {
    const held = { roles: PARTICIPANT_ROLES, now: this.clock.now() };
    const qb = this.dataSource
      .createQueryBuilder()
      .from('users', 'u')
      .where('u.organisation_id = ANY(:organisations::uuid[])', { organisations: this.policeAreas(principal, 'operation:propose') })
      .andWhere('u.is_active')
      .andWhere(
        `EXISTS (SELECT 1 FROM memberships m JOIN units un ON un.id = m.unit_id WHERE m.user_id = u.id AND un.organisation_id = u.organisation_id
           AND m.role = ANY(:roles::text[]) AND m.valid_from <= :now AND (m.valid_until IS NULL OR m.valid_until > :now))`,
        held,
      );
    // The same expression as the users' trigram index.
    if (query.q?.trim()) qb.andWhere(`(u.display_name || ' ' || u.email) ILIKE :q`, { q: `%${escapeLike(query.q.trim())}%` });
    return pageOf<ColleagueView>(
      this.dataSource,
      qb,
      { alias: 'u', orderBy: [['u.display_name', 'ASC']], select: SELECT_COLLEAGUES, selectParams: held },
      query,
    );
  }

  /** The units of the caller's police area, by name. */
  async units(principal: Principal, query: PoliceUnitQuery): Promise<Page<PoliceUnitView>> {
    const qb = this.dataSource
      .createQueryBuilder()
      .from('units', 'un')
      .where('un.organisation_id = ANY(:organisations::uuid[])', { organisations: this.policeAreas(principal, 'operation:propose') });
    return pageOf<PoliceUnitView>(this.dataSource, qb, { alias: 'un', orderBy: [['un.name', 'ASC']], select: 'SELECT un.id, un.name FROM units un' }, query);
  }

  /** Licensed premises (name and address, as in the public register) of a collaboration of the caller's police area. */
  async premises(principal: Principal, query: OperationPremisesQuery): Promise<Page<OperationPremisesView>> {
    const qb = this.dataSource
      .createQueryBuilder()
      .from('premises', 'p')
      .where('p.collaboration_id = :collaborationId', { collaborationId: query.collaborationId })
      .andWhere('EXISTS (SELECT 1 FROM collaborations c WHERE c.id = p.collaboration_id AND c.police_organisation_id = ANY(:organisations::uuid[]))', {
        organisations: this.policeAreas(principal, 'operation:read'),
      });
    return pageOf<OperationPremisesView>(
      this.dataSource,
      qb,
      { alias: 'p', orderBy: [['p.name', 'ASC']], select: 'SELECT p.id, p.name, p.address FROM premises p' },
      query,
    );
  }

  /** The police organisations in which the principal holds `permission`. */
  private policeAreas(principal: Principal, permission: 'operation:propose' | 'operation:read'): string[] {
    return [...new Set(scopesFor(principal, permission).map((s) => s.organisationId))];
  }
}
