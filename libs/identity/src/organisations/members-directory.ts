import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Who holds which role where, now: the one place that asks the membership table for people to
 * notify or units to route work to (dated memberships, active users, the injected clock).
 */
@Injectable()
export class MembersDirectory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Active users who hold one of `roles` in the unit, or anywhere in the organisation. */
  async userIds(
    where: { unitId?: string; organisationId?: string; roles: readonly string[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows = await manager.query<{ user_id: string }[]>(
      `SELECT DISTINCT m.user_id FROM memberships m JOIN units un ON un.id = m.unit_id JOIN users u ON u.id = m.user_id
       WHERE ($1::uuid IS NULL OR m.unit_id = $1) AND ($2::uuid IS NULL OR un.organisation_id = $2) AND m.role = ANY($3::text[])
         AND u.is_active AND m.valid_from <= $4 AND (m.valid_until IS NULL OR m.valid_until > $4)`,
      [where.unitId ?? null, where.organisationId ?? null, where.roles, this.clock.now()],
    );
    return rows.map((r) => r.user_id);
  }

  /** Active users who hold one of `roles` in any of the organisations now, with their organisation, by kind and name. */
  async people(where: {
    organisationIds: readonly string[];
    roles: readonly string[];
  }): Promise<{ id: string; displayName: string; organisation: string; organisationKind: string }[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName", o.name AS organisation, o.kind AS "organisationKind"
       FROM users u JOIN organisations o ON o.id = u.organisation_id
       WHERE u.is_active AND EXISTS (
         SELECT 1 FROM memberships m JOIN units un ON un.id = m.unit_id
         WHERE m.user_id = u.id AND un.organisation_id = ANY($1::uuid[]) AND m.role = ANY($2::text[])
           AND m.valid_from <= $3 AND (m.valid_until IS NULL OR m.valid_until > $3))
       ORDER BY o.kind, u.display_name`,
      [where.organisationIds, where.roles, this.clock.now()],
    );
  }

  /** Whether the user holds one of `roles` in the organisation now. */
  async holds(userId: string, organisationId: string, roles: readonly string[]): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT 1 FROM memberships m JOIN units un ON un.id = m.unit_id JOIN users u ON u.id = m.user_id
       WHERE m.user_id = $1 AND un.organisation_id = $2 AND m.role = ANY($3::text[]) AND u.is_active
         AND m.valid_from <= $4 AND (m.valid_until IS NULL OR m.valid_until > $4) LIMIT 1`,
      [userId, organisationId, roles, this.clock.now()],
    );
    return !!row;
  }

  /** The organisation's unit (the first by name) in which someone holds `role` now: where such work goes. */
  async unitWith(organisationId: string, role: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `SELECT un.id FROM units un JOIN memberships m ON m.unit_id = un.id
       WHERE un.organisation_id = $1 AND m.role = $2 AND m.valid_from <= $3 AND (m.valid_until IS NULL OR m.valid_until > $3)
       ORDER BY un.name LIMIT 1`,
      [organisationId, role, this.clock.now()],
    );
    return row?.id ?? null;
  }

  /**
   * The staff of some units and organisations: active users with a membership there now, by name,
   * each with their organisation and the units they work in (at most 500: a unit's people, or a
   * municipality's). Whom a manager can hand work to.
   */
  async staff(where: {
    unitIds: readonly string[];
    organisationIds: readonly string[];
  }): Promise<{ id: string; displayName: string; organisationId: string; unitNames: string[] }[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName", u.organisation_id AS "organisationId", array_agg(DISTINCT un.name ORDER BY un.name) AS "unitNames"
       FROM memberships m JOIN units un ON un.id = m.unit_id JOIN users u ON u.id = m.user_id
       WHERE u.is_active AND (m.unit_id = ANY($1::uuid[]) OR un.organisation_id = ANY($2::uuid[]))
         AND m.valid_from <= $3 AND (m.valid_until IS NULL OR m.valid_until > $3)
       GROUP BY u.id ORDER BY u.display_name, u.id LIMIT 500`,
      [where.unitIds, where.organisationIds, this.clock.now()],
    );
  }
}
