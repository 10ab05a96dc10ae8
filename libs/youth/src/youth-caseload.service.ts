import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Permission, type Principal, scopesFor } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { Clock, invalidField, stockholmDate } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { type CaseStatus, CASE_WORKER_ROLES, OPEN_STATUSES, PRELIMINARY_ASSESSMENT_DAYS } from './youth-rules.js';
import { YouthStaff } from './youth-staff.js';
import type { YouthCaseloadRowView, YouthCaseloadView, YouthStaffView, YouthStatusCountView } from './youth.views.js';

/**
 * Distributing a unit's cases: the manager's caseload (open cases per coordinator and status,
 * counted in the database) and the unit's staff to choose coordinators and contact persons from.
 * The caseload is for those who decide on the unit's cases (youth_case:close, the unit's managers).
 */
@Injectable()
export class YouthCaseloadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly staff: YouthStaff,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async caseload(principal: Principal, unitId?: string): Promise<YouthCaseloadView> {
    const unit = await this.unitOf(principal, 'youth_case:close', unitId);
    const now = this.clock.now();
    const rows = await this.dataSource.query<{ user_id: string | null; display_name: string | null; status: CaseStatus | null; n: number }[]>(
      `WITH load AS (
         SELECT c.coordinator_user_id AS user_id, c.status, count(*)::int AS n FROM youth_cases c
         WHERE c.owner_unit_id = $1 AND c.status = ANY($2::text[]) GROUP BY c.coordinator_user_id, c.status),
       people AS (
         SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.unit_id = $1 AND m.role = ANY($3::text[]) AND u.is_active AND m.valid_from <= $4 AND (m.valid_until IS NULL OR m.valid_until > $4)
         UNION SELECT user_id FROM load WHERE user_id IS NOT NULL)
       SELECT p.user_id, u.display_name, l.status, coalesce(l.n, 0) AS n
       FROM people p JOIN users u ON u.id = p.user_id LEFT JOIN load l ON l.user_id = p.user_id
       UNION ALL SELECT NULL, NULL, l.status, l.n FROM load l WHERE l.user_id IS NULL`,
      [unit.id, OPEN_STATUSES, CASE_WORKER_ROLES, now],
    );
    const [reports] = await this.dataSource.query<{ total: number; overdue: number }[]>(
      `SELECT count(*)::int AS total,
         count(*) FILTER (WHERE (c.created_at AT TIME ZONE 'Europe/Stockholm')::date + $3::int < $2::date)::int AS overdue
       FROM youth_cases c WHERE c.owner_unit_id = $1 AND c.status = 'concern_raised'`,
      [unit.id, stockholmDate(now), PRELIMINARY_ASSESSMENT_DAYS],
    );
    const byUser = new Map<string, YouthCaseloadRowView>();
    const unassigned: YouthStatusCountView[] = [];
    for (const r of rows) {
      if (r.user_id === null) {
        unassigned.push({ status: r.status!, count: r.n });
        continue;
      }
      const row = byUser.get(r.user_id) ?? { userId: r.user_id, displayName: r.display_name!, total: 0, byStatus: [] };
      if (r.status) {
        row.byStatus.push({ status: r.status, count: r.n });
        row.total += r.n;
      }
      byUser.set(r.user_id, row);
    }
    const order = (a: YouthStatusCountView, b: YouthStatusCountView) => OPEN_STATUSES.indexOf(a.status) - OPEN_STATUSES.indexOf(b.status);
    const coordinators = [...byUser.values()]
      .map((r) => ({ ...r, byStatus: r.byStatus.sort(order) }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv') || a.userId.localeCompare(b.userId));
    await this.audit.record({ action: 'youth_case.caseload', resourceType: 'unit', resourceId: unit.id, subjectOrganisationId: unit.organisationId });
    return {
      unit: { id: unit.id, name: unit.name },
      coordinators,
      unassigned: unassigned.sort(order),
      unassignedTotal: unassigned.reduce((sum, c) => sum + c.count, 0),
      unassessedTotal: reports.total,
      unassessedOverdue: reports.overdue,
    };
  }

  /** The unit's staff now: whom its cases can be assigned to (coordinators: its case workers). */
  async unitStaff(principal: Principal, unitId?: string): Promise<YouthStaffView> {
    const unit = await this.unitOf(principal, 'youth_case:share', unitId);
    return { unit: { id: unit.id, name: unit.name }, members: await this.staff.members(unit.id) };
  }

  /** The unit the principal works `permission` in: its only one, or the one named (400 if not theirs). */
  private async unitOf(principal: Principal, permission: Permission, unitId?: string): Promise<{ id: string; name: string; organisationId: string }> {
    const units = [...new Set(scopesFor(principal, permission).map((s) => s.unitId))];
    const chosen = unitId ? units.find((u) => u === unitId) : units.length === 1 ? units[0] : undefined;
    if (!chosen) throw invalidField('unitId', unitId ? 'youth_case.unit_not_yours' : 'youth_case.unit_required');
    const [unit] = await this.dataSource.query<{ id: string; name: string; organisationId: string }[]>(
      'SELECT id, name, organisation_id AS "organisationId" FROM units WHERE id = $1',
      [chosen],
    );
    return unit;
  }
}
