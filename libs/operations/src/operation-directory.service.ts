import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, ROLE_NAMES, roleScope, scopesFor } from '@samverkan/access';
import { Clock, escapeLike, type Page } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import type { ColleagueQuery, OperationPremisesQuery, PoliceUnitQuery } from './operations.dto.js';
import type { ColleagueView, OperationPremisesView, PoliceUnitView } from './operations.views.js';

/** Roles whose holders can take part in an operation: those that carry one out and report it. */
const PARTICIPANT_ROLES = ROLE_NAMES.filter((role) => roleScope(role, 'operation:report'));

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
    const params: unknown[] = [this.policeAreas(principal, 'operation:propose'), PARTICIPANT_ROLES, this.clock.now()];
    const where = [
      'u.organisation_id = ANY($1::uuid[])',
      'u.is_active',
      `EXISTS (SELECT 1 FROM memberships m JOIN units un ON un.id = m.unit_id WHERE m.user_id = u.id AND un.organisation_id = u.organisation_id
         AND m.role = ANY($2::text[]) AND m.valid_from <= $3 AND (m.valid_until IS NULL OR m.valid_until > $3))`,
    ];
    // The same expression as the users' trigram index.
    if (query.q?.trim()) where.push(`(u.display_name || ' ' || u.email) ILIKE $${params.push(`%${escapeLike(query.q.trim())}%`)}`);
    const filter = where.join(' AND ');
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query<ColleagueView[]>(
        `SELECT u.id, u.display_name AS "displayName",
           coalesce((SELECT json_agg(DISTINCT un.name) FROM memberships m JOIN units un ON un.id = m.unit_id
             WHERE m.user_id = u.id AND m.role = ANY($2::text[]) AND m.valid_from <= $3 AND (m.valid_until IS NULL OR m.valid_until > $3)), '[]') AS units
         FROM users u WHERE ${filter} ORDER BY u.display_name, u.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.limit, query.offset],
      ),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM users u WHERE ${filter}`, params),
    ]);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** The units of the caller's police area, by name. */
  async units(principal: Principal, query: PoliceUnitQuery): Promise<Page<PoliceUnitView>> {
    const organisations = this.policeAreas(principal, 'operation:propose');
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query<PoliceUnitView[]>('SELECT id, name FROM units WHERE organisation_id = ANY($1::uuid[]) ORDER BY name, id LIMIT $2 OFFSET $3', [organisations, query.limit, query.offset]),
      this.dataSource.query<{ total: number }[]>('SELECT count(*)::int AS total FROM units WHERE organisation_id = ANY($1::uuid[])', [organisations]),
    ]);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** Licensed premises (name and address, as in the public register) of a collaboration of the caller's police area. */
  async premises(principal: Principal, query: OperationPremisesQuery): Promise<Page<OperationPremisesView>> {
    const params = [query.collaborationId, this.policeAreas(principal, 'operation:read')];
    const filter = `p.collaboration_id = $1 AND EXISTS (SELECT 1 FROM collaborations c WHERE c.id = p.collaboration_id AND c.police_organisation_id = ANY($2::uuid[]))`;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query<OperationPremisesView[]>(`SELECT p.id, p.name, p.address FROM premises p WHERE ${filter} ORDER BY p.name, p.id LIMIT $3 OFFSET $4`, [...params, query.limit, query.offset]),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM premises p WHERE ${filter}`, params),
    ]);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** The police organisations in which the principal holds `permission`. */
  private policeAreas(principal: Principal, permission: 'operation:propose' | 'operation:read'): string[] {
    return [...new Set(scopesFor(principal, permission).map((s) => s.organisationId))];
  }
}
