import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type OwnershipColumns, type Principal, scopeCondition } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { Clock, FieldCipher, type Page, pageOf, type PageQuery } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { type SealedSigners, withSigners } from './consent-signers.js';
import { YouthCaseAccess } from './youth-case-access.js';
import { caseReference } from './youth-deadlines.js';
import { YouthSubjectsService } from './youth-subjects.service.js';
import { STATISTICS_MIN_GROUP, suppress } from './youth-rules.js';
import type {
  YouthAccessLogEventView,
  YouthExtractCaseView,
  YouthExtractConsentView,
  YouthExtractDisclosureView,
  YouthExtractEntryView,
  YouthExtractMeetingView,
  YouthExtractPlanItemView,
  YouthRegisterExtractView,
  YouthStatisticsView,
} from './youth.views.js';

/** A case of the extract as read, before what is in it is added. */
type ExtractCaseRow = Omit<YouthExtractCaseView, 'reference' | 'consents' | 'disclosures' | 'entries' | 'planItems' | 'meetings'>;

const SELECT_ACCESS_LOG = `SELECT a.id, a.occurred_at AS "occurredAt", a.action, a.outcome, a.actor_user_id AS "actorUserId",
  u.display_name AS "actorName", un.name AS "actorUnit", o.name AS "actorOrganisation", a.details
  FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id LEFT JOIN units un ON un.id = a.actor_unit_id
  LEFT JOIN organisations o ON o.id = a.actor_organisation_id`;

const STATISTICS_COLUMNS: OwnershipColumns = {
  id: 'c.id',
  organisationId: 'c.owner_organisation_id',
  collaborationId: 'c.collaboration_id',
  unitId: 'c.owner_unit_id',
};

/**
 * Oversight of youth cases: the per-case access log (HSLF-FS 2016:40 style: who, which unit,
 * what, when), the register extract for a data-subject access request (GDPR art. 15), and
 * aggregated statistics in which no group smaller than five is shown.
 */
@Injectable()
export class YouthReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gate: YouthCaseAccess,
    private readonly subjects: YouthSubjectsService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /** Who read or changed the case (and its subject), newest first. */
  async accessLog(principal: Principal, caseId: string, query: PageQuery): Promise<Page<YouthAccessLogEventView>> {
    const record = await this.gate.workable(principal, caseId, 'youth_case:access_log', { allowClosed: true });
    const qb = this.dataSource
      .createQueryBuilder()
      .from('audit_events', 'a')
      .where(
        `((a.resource_type = 'youth_case' AND a.resource_id = :caseId)
          OR (a.resource_type = 'youth_subject' AND a.resource_id = :subjectId)
          OR (a.action = 'youth_case.list' AND a.details -> 'caseIds' ? :caseId::text))`,
        { caseId, subjectId: record.subjectId },
      );
    const page = await pageOf<YouthAccessLogEventView>(
      this.dataSource,
      qb,
      { alias: 'a', orderBy: [['a.occurred_at', 'DESC']], idOrder: 'DESC', select: SELECT_ACCESS_LOG },
      query,
    );
    await this.audit.record({
      action: 'youth_case.access_log_read',
      resourceType: 'youth_case',
      resourceId: caseId,
      subjectOrganisationId: record.ownerOrganisationId,
    });
    return page;
  }

  /** Everything held about the young person, and every disclosure, for their access request. */
  async registerExtract(principal: Principal, subjectId: string): Promise<YouthRegisterExtractView> {
    const sealed = await this.subjects.forExtract(principal, subjectId);
    const subject = this.subjects.view(sealed);
    const cases = await this.dataSource.query<ExtractCaseRow[]>(
      `SELECT c.id, c.form, c.status, c.risk_factors AS "riskFactors", to_char(c.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS "openedOn",
              to_char(c.closed_on, 'YYYY-MM-DD') AS "closedOn", to_char(c.purge_on, 'YYYY-MM-DD') AS "purgeOn", c.retention_class AS "retentionClass",
              o.name AS "ownerOrganisation", un.name AS "ownerUnit", u.display_name AS coordinator
       FROM youth_cases c JOIN organisations o ON o.id = c.owner_organisation_id JOIN units un ON un.id = c.owner_unit_id
       LEFT JOIN users u ON u.id = c.coordinator_user_id WHERE c.subject_id = $1 ORDER BY c.created_at`,
      [subjectId],
    );
    const ids = cases.map((c) => c.id);
    const byCase = async <T>(sql: string) => {
      const rows = await this.dataSource.query<(T & { case_id: string })[]>(sql, [ids]);
      return (id: string): T[] => rows.filter((r) => r.case_id === id).map(({ case_id: _, ...rest }) => rest as T);
    };
    const [consents, disclosures, entries, plan, meetings] = await Promise.all([
      byCase<
        Omit<YouthExtractConsentView, 'signers'> & SealedSigners
      >(`SELECT case_id, key_id, signers_sealed, categories, organisation_ids AS "organisationIds", to_char(signed_on, 'YYYY-MM-DD') AS "signedOn",
                to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", withdrawn_at AS "withdrawnAt"
              FROM youth_consents WHERE case_id = ANY($1::uuid[]) ORDER BY valid_from`),
      byCase<YouthExtractDisclosureView>(`SELECT d.case_id, d.ground, fo.name AS "from", tor.name AS "to", d.categories, d.justification, d.criteria, d.decided_at AS "decidedAt",
                u.display_name AS "decidedBy"
              FROM youth_disclosures d JOIN organisations fo ON fo.id = d.from_organisation_id JOIN organisations tor ON tor.id = d.to_organisation_id
              JOIN users u ON u.id = d.decided_by WHERE d.case_id = ANY($1::uuid[]) ORDER BY d.decided_at`),
      byCase<YouthExtractEntryView>(`SELECT e.case_id, e.kind, e.category, to_char(e.occurred_on, 'YYYY-MM-DD') AS "occurredOn", e.body, u.display_name AS author
              FROM youth_entries e LEFT JOIN users u ON u.id = e.author_id WHERE e.case_id = ANY($1::uuid[]) ORDER BY e.occurred_on, e.created_at`),
      byCase<YouthExtractPlanItemView>(`SELECT case_id, goal, task, owner_description AS "ownerDescription", to_char(due_on, 'YYYY-MM-DD') AS "dueOn", status
              FROM youth_plan_items WHERE case_id = ANY($1::uuid[]) ORDER BY due_on`),
      byCase<YouthExtractMeetingView>(`SELECT case_id, kind, planned_at AS "plannedAt", attendees, to_char(held_on, 'YYYY-MM-DD') AS "heldOn"
              FROM youth_meetings WHERE case_id = ANY($1::uuid[]) ORDER BY planned_at`),
    ]);
    await this.audit.record({
      action: 'youth_subject.register_extract',
      resourceType: 'youth_subject',
      resourceId: subjectId,
      subjectOrganisationId: sealed.owner_organisation_id,
    });
    return {
      producedAt: this.clock.now(),
      subject: { ...subject, personalNumber: this.subjects.fullNumber(sealed) },
      cases: cases.map((c) => ({
        ...c,
        reference: caseReference(c.id),
        consents: consents(c.id).map((row) => withSigners(this.cipher, row)),
        disclosures: disclosures(c.id),
        entries: entries(c.id),
        planItems: plan(c.id),
        meetings: meetings(c.id),
      })),
    };
  }

  /**
   * Cases opened in the year, by form, current status, risk factor and age band, and the year's
   * disclosures by ground. Groups of 1–4 are suppressed; where one group alone would be
   * suppressed in a dimension, the next smallest is too, so totals cannot give it away.
   */
  async statistics(principal: Principal, year: number): Promise<YouthStatisticsView> {
    const scope = scopeCondition(principal, 'youth_statistics:read', STATISTICS_COLUMNS, this.clock.now(), { grants: false });
    const within = (column: string) =>
      `${column} >= make_timestamptz(:year, 1, 1, 0, 0, 0, 'Europe/Stockholm') AND ${column} < make_timestamptz(:year + 1, 1, 1, 0, 0, 0, 'Europe/Stockholm')`;
    const [cases, params] = this.dataSource
      .createQueryBuilder()
      .from('youth_cases', 'c')
      .leftJoin('youth_subjects', 's', 's.id = c.subject_id')
      .select(['c.form AS form', 'c.status AS status', 'c.risk_factors AS risk_factors', `${AGE_BAND} AS age_band`])
      .where(scope.sql, scope.params)
      .andWhere(within('c.created_at'), { year })
      .getQueryAndParameters();
    const [disclosuresSql, disclosureParams] = this.dataSource
      .createQueryBuilder()
      .from('youth_disclosures', 'd')
      .innerJoin('youth_cases', 'c', 'c.id = d.case_id')
      .select('d.ground', 'key')
      .addSelect('count(*)::int', 'count')
      .where(scope.sql, scope.params)
      .andWhere(within('d.decided_at'), { year })
      .groupBy('key')
      .getQueryAndParameters();
    // One pass over the year's cases for every dimension (grouping sets), one for risk factors.
    const [groups, riskFactors, disclosures] = await Promise.all([
      this.dataSource.query<{ dimension: string; key: string | null; count: number }[]>(
        `SELECT CASE WHEN GROUPING(form) = 0 THEN 'form' WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(age_band) = 0 THEN 'age_band' ELSE 'total' END AS dimension,
                coalesce(form, status, age_band) AS key, count(*)::int AS count
         FROM (${cases}) x GROUP BY GROUPING SETS ((form), (status), (age_band), ())`,
        params,
      ),
      this.dataSource.query<{ key: string; count: number }[]>(
        `SELECT rf AS key, count(*)::int AS count FROM (${cases}) x CROSS JOIN LATERAL unnest(x.risk_factors) rf GROUP BY rf`,
        params,
      ),
      this.dataSource.query<{ key: string; count: number }[]>(disclosuresSql, disclosureParams),
    ]);
    const of = (dimension: string) => suppress(groups.filter((g) => g.dimension === dimension) as { key: string; count: number }[]);
    const total = groups.find((g) => g.dimension === 'total')?.count ?? 0;
    await this.audit.record({ action: 'youth_case.statistics', resourceType: 'youth_case', details: { year } });
    return {
      year,
      minimumGroupSize: STATISTICS_MIN_GROUP,
      casesOpened: total > 0 && total < STATISTICS_MIN_GROUP ? { count: null, suppressed: true } : { count: total, suppressed: false },
      byForm: of('form'),
      byStatus: of('status'),
      byAgeBand: of('age_band'),
      byRiskFactor: suppress(riskFactors),
      disclosuresByGround: suppress(disclosures),
    };
  }
}

/** Age at the case's opening, in the bands reports use; unknown once a case is purged. */
const AGE_BAND = `CASE WHEN s.birth_date IS NULL THEN 'unknown'
  WHEN date_part('year', age(c.created_at::date, s.birth_date)) < 12 THEN 'under_12'
  WHEN date_part('year', age(c.created_at::date, s.birth_date)) < 15 THEN '12_14'
  WHEN date_part('year', age(c.created_at::date, s.birth_date)) < 18 THEN '15_17'
  WHEN date_part('year', age(c.created_at::date, s.birth_date)) < 21 THEN '18_20' ELSE '21_plus' END`;
