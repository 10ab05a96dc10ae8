import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RoleName } from '@samverkan/access';
import { Clock } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { CASE_WORKER_ROLES } from './youth-rules.js';

/** Members of a unit now: an active user with a membership valid today. */
const CURRENT_MEMBER = `m.unit_id = $1 AND u.is_active AND m.valid_from <= $2 AND (m.valid_until IS NULL OR m.valid_until > $2)`;

/**
 * Who works in a social-services unit now, for assigning its cases: the staff list the caseload
 * offers, and the check that a coordinator or contact person is one of them.
 */
@Injectable()
export class YouthStaff {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Active members of the unit with their roles there, by name. */
  async members(unitId: string): Promise<{ userId: string; displayName: string; roles: RoleName[]; caseWorker: boolean }[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", array_agg(DISTINCT m.role ORDER BY m.role) AS roles,
         bool_or(m.role = ANY($3::text[])) AS "caseWorker"
       FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE ${CURRENT_MEMBER}
       GROUP BY u.id, u.display_name ORDER BY u.display_name, u.id`,
      [unitId, this.clock.now(), CASE_WORKER_ROLES],
    );
  }

  /** Whether the user works in the unit now, in any role. */
  async inUnit(userId: string, unitId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE ${CURRENT_MEMBER} AND m.user_id = $3 LIMIT 1`,
      [unitId, this.clock.now(), userId],
    );
    return !!row;
  }

  /** Whether the user is a case worker (social worker or social services manager) of the unit now. */
  async caseWorkerInUnit(userId: string, unitId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE ${CURRENT_MEMBER} AND m.user_id = $3 AND m.role = ANY($4::text[]) LIMIT 1`,
      [unitId, this.clock.now(), userId, CASE_WORKER_ROLES],
    );
    return !!row;
  }
}
