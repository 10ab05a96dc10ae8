import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import type { DataSource } from 'typeorm';
import { PremisesService } from '../licensing/premises.service.js';
import { nightMinutes, plannedVisits, riskScore } from './risk-model.js';
import type { SupervisionPlanItemView, SupervisionPlanSummaryView, SupervisionPlanView, SupervisionStatisticsView } from './supervision.dto.js';
import { ProblemException } from '@samverkan/platform';
import { COUNTED_INSPECTIONS_SQL } from '@samverkan/promises';

/** An inspection that was carried out (an attempted visit, closed or not, is not one): the rule of COUNTED_INSPECTIONS_SQL. */
const PERFORMED = `i.performed_at IS NOT NULL`;

interface FactsRow {
  id: string;
  kind: string;
  capacity: number | null;
  young_audience: boolean;
  dancing: boolean;
  serving_hours: Record<string, { from: string; to: string }>[];
  remarks: number;
  erinran: number;
  varning: number;
  tips: number;
  last_visit: Date | null;
}

/**
 * The yearly supervision plan (tillsynsplan) per collaboration, generated from the risk model —
 * every premises with an active licence at least once, riskier ones more — editable, with plan
 * against actual; and the year's supervision statistics.
 */
@Injectable()
export class SupervisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly premises: PremisesService,
    private readonly audit: AuditService,
  ) {}

  async generate(principal: Principal, collaborationId: string, year: number): Promise<SupervisionPlanView> {
    const owner = await this.planningAllowed(principal, collaborationId);
    const start = `${year}-01-01`;
    const facts = await this.dataSource.query<FactsRow[]>(
      `SELECT p.id, p.kind, p.capacity, p.young_audience, p.dancing,
              (SELECT coalesce(json_agg(l.serving_hours), '[]') FROM licences l WHERE l.premises_id = p.id AND l.status = 'active') AS serving_hours,
              (SELECT count(*)::int FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id
                WHERE i.premises_id = p.id AND f.result = 'remark' AND i.planned_start >= $2::date - interval '2 years' AND i.planned_start < $2::date) AS remarks,
              (SELECT count(*)::int FROM sanction_cases s JOIN licences l ON l.id = s.licence_id
                WHERE l.premises_id = p.id AND s.decision = 'erinran' AND s.decided_on >= $2::date - interval '3 years' AND s.decided_on < $2::date) AS erinran,
              (SELECT count(*)::int FROM sanction_cases s JOIN licences l ON l.id = s.licence_id
                WHERE l.premises_id = p.id AND s.decision = 'varning' AND s.decided_on >= $2::date - interval '3 years' AND s.decided_on < $2::date) AS varning,
              (SELECT count(*)::int FROM premises_tips t WHERE t.premises_id = p.id AND t.received_on >= $2::date - interval '1 year' AND t.received_on < $2::date) AS tips,
              (SELECT max(i.planned_start) FROM inspections i WHERE i.premises_id = p.id AND ${PERFORMED} AND i.planned_start < $2::date) AS last_visit
       FROM premises p
       WHERE p.collaboration_id = $1 AND EXISTS (
         SELECT 1 FROM licences l WHERE l.premises_id = p.id AND l.status = 'active'
           AND l.valid_from <= make_date($3, 12, 31) AND (l.valid_until IS NULL OR l.valid_until >= $2::date))`,
      [collaborationId, start, year],
    );
    const id = await this.dataSource.transaction(async (manager) => {
      const [plan] = await manager.query<{ id: string }[]>(
        `INSERT INTO supervision_plans (collaboration_id, owner_organisation_id, year, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (collaboration_id, year) DO NOTHING RETURNING id`,
        [collaborationId, owner, year, principal.userId],
      );
      if (!plan) throw new ProblemException('supervision_plan.exists', { year });
      for (const f of facts) {
        const { score, factors } = riskScore({
          kind: f.kind,
          capacity: f.capacity,
          youngAudience: f.young_audience,
          dancing: f.dancing,
          latestServingEnd: latestEnd(f.serving_hours),
          remarks: f.remarks,
          erinran: f.erinran,
          varning: f.varning,
          tips: f.tips,
          monthsSinceLastVisit: f.last_visit ? monthsBetween(f.last_visit, new Date(`${start}T00:00:00Z`)) : null,
        });
        await manager.query(`INSERT INTO supervision_plan_items (plan_id, premises_id, risk_score, risk_factors, planned_visits) VALUES ($1, $2, $3, $4, $5)`, [
          plan.id,
          f.id,
          score,
          JSON.stringify(factors),
          plannedVisits(score),
        ]);
      }
      await this.audit.record(
        { action: 'supervision_plan.generate', resourceType: 'supervision_plan', resourceId: plan.id, subjectOrganisationId: owner },
        manager,
      );
      return plan.id;
    });
    return this.plan(principal, id);
  }

  /** The plans of a collaboration, newest year first. */
  async list(principal: Principal, collaborationId: string): Promise<SupervisionPlanSummaryView[]> {
    await this.readable(principal, collaborationId);
    return this.dataSource.query<SupervisionPlanSummaryView[]>(
      `SELECT sp.id, sp.year, (SELECT count(*)::int FROM supervision_plan_items i WHERE i.plan_id = sp.id) AS premises,
              (SELECT coalesce(sum(planned_visits), 0)::int FROM supervision_plan_items i WHERE i.plan_id = sp.id) AS "plannedVisits"
       FROM supervision_plans sp WHERE sp.collaboration_id = $1 ORDER BY sp.year DESC`,
      [collaborationId],
    );
  }

  /** The plan with, per premises, the visits planned and those carried out that year. */
  async plan(principal: Principal, id: string): Promise<SupervisionPlanView> {
    const [plan] = await this.dataSource.query<{ id: string; collaborationId: string; ownerOrganisationId: string; year: number; version: number }[]>(
      `SELECT id, collaboration_id AS "collaborationId", owner_organisation_id AS "ownerOrganisationId", year, version FROM supervision_plans WHERE id = $1`,
      [id],
    );
    if (!plan) throw new NotFoundException(`No supervision plan with id ${id}.`);
    await this.access.authorize(principal, 'inspection', 'read', { id, collaborationId: plan.collaborationId, organisationId: plan.ownerOrganisationId });
    const items = await this.dataSource.query<SupervisionPlanItemView[]>(
      `SELECT it.premises_id AS "premisesId", p.name AS "premisesName", it.risk_score AS "riskScore", it.risk_factors AS "riskFactors",
              it.planned_visits AS "plannedVisits", it.note,
              (SELECT count(*)::int FROM (${COUNTED_INSPECTIONS_SQL}) ci WHERE ci.premises_id = it.premises_id
                 AND extract(year FROM ci.counted_on) = $2) AS "performedVisits"
       FROM supervision_plan_items it JOIN premises p ON p.id = it.premises_id
       WHERE it.plan_id = $1 ORDER BY it.risk_score DESC, p.name`,
      [id, plan.year],
    );
    // Performed: every counted inspection of the year in the collaboration (COUNTED_INSPECTIONS_SQL),
    // the same figure the promise's commitment on inspections shows for that year.
    const [{ performed }] = await this.dataSource.query<{ performed: number }[]>(
      `SELECT count(*)::int AS performed FROM (${COUNTED_INSPECTIONS_SQL}) ci WHERE ci.collaboration_id = $1 AND extract(year FROM ci.counted_on) = $2`,
      [plan.collaborationId, plan.year],
    );
    const planned = items.reduce((s, i) => s + i.plannedVisits, 0);
    return { ...plan, items, totals: { planned, performed, premises: items.length } };
  }

  async updateItem(principal: Principal, id: string, premisesId: string, input: { plannedVisits: number; note?: string }): Promise<SupervisionPlanView> {
    const plan = await this.plan(principal, id);
    await this.planningAllowed(principal, plan.collaborationId);
    const updated = await this.dataSource.query<unknown[]>(
      `UPDATE supervision_plan_items SET planned_visits = $3, note = coalesce($4, note) WHERE plan_id = $1 AND premises_id = $2`,
      [id, premisesId, input.plannedVisits, input.note ?? null],
    );
    if (!Array.isArray(updated) || updated[1] === 0) throw new NotFoundException('No such premises in the plan.');
    await this.audit.record({ action: 'supervision_plan.edit', resourceType: 'supervision_plan', resourceId: id, changedFields: ['plannedVisits'] });
    return this.plan(principal, id);
  }

  /** The year's figures for the municipal board and the county administrative board. */
  async statistics(principal: Principal, collaborationId: string, year: number): Promise<SupervisionStatisticsView> {
    await this.readable(principal, collaborationId);
    const [row] = await this.dataSource.query<
      { visitsByType: Record<string, number>; attempted: number; remarks: number; decisions: Record<string, number> }[]
    >(
      `SELECT
         (SELECT coalesce(json_object_agg(type, n), '{}') FROM (SELECT ci.type, count(*)::int AS n FROM (${COUNTED_INSPECTIONS_SQL}) ci
            WHERE ci.collaboration_id = $1 AND extract(year FROM ci.counted_on) = $2 GROUP BY ci.type) t) AS "visitsByType",
         (SELECT count(*)::int FROM inspections WHERE collaboration_id = $1 AND attempted_at IS NOT NULL
            AND extract(year FROM planned_start AT TIME ZONE 'Europe/Stockholm') = $2) AS attempted,
         (SELECT count(*)::int FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id WHERE i.collaboration_id = $1
            AND f.result = 'remark' AND extract(year FROM i.planned_start AT TIME ZONE 'Europe/Stockholm') = $2) AS remarks,
         (SELECT coalesce(json_object_agg(decision, n), '{}') FROM (SELECT decision, count(*)::int AS n FROM sanction_cases
            WHERE collaboration_id = $1 AND decision IS NOT NULL AND extract(year FROM decided_on) = $2 GROUP BY decision) d) AS decisions`,
      [collaborationId, year],
    );
    const [plan] = await this.dataSource.query<{ id: string }[]>('SELECT id FROM supervision_plans WHERE collaboration_id = $1 AND year = $2', [
      collaborationId,
      year,
    ]);
    const totals = plan ? (await this.plan(principal, plan.id)).totals : null;
    const visitsByType = row.visitsByType;
    return {
      year,
      visitsByType: { external: 0, internal: 0, coordinated: 0, preventive: 0, ...visitsByType },
      visitsPerformed: Object.values(visitsByType).reduce((s, n) => s + n, 0),
      attemptedVisits: row.attempted,
      remarks: row.remarks,
      decisions: { erinran: 0, varning: 0, aterkallelse: 0, no_action: 0, ...row.decisions },
      plan: totals,
    };
  }

  /** Supervision of a collaboration is read with inspection:read on its municipality's records. */
  private async readable(principal: Principal, collaborationId: string): Promise<void> {
    const municipality = await this.premises.municipalityOf(collaborationId);
    await this.access.authorize(principal, 'inspection', 'read', { id: collaborationId, collaborationId, organisationId: municipality });
  }

  private async planningAllowed(principal: Principal, collaborationId: string): Promise<string> {
    const municipality = await this.premises.municipalityOf(collaborationId);
    await this.access.assertAllowed(principal, 'inspection:plan', { id: collaborationId, collaborationId, organisationId: municipality });
    return municipality;
  }
}

/** The latest serving end over all licences and weekdays, counting 00:00–05:59 as the night after. */
function latestEnd(hours: Record<string, { from: string; to: string }>[]): string | null {
  const ends = hours.flatMap((h) => Object.values(h ?? {}).map((span) => span.to)).filter((t) => /^\d\d:\d\d$/.test(t));
  if (ends.length === 0) return null;
  return ends.reduce((a, b) => (nightMinutes(b) > nightMinutes(a) ? b : a));
}

function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
}
