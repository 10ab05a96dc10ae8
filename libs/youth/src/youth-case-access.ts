import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  type OwnershipColumns,
  type Permission,
  type Principal,
  principalOrganisations,
  type RecordOwnership,
  roleScopeAllows,
} from '@samverkan/access';
import { Clock, ProblemException, stockholmDate } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { CATEGORY_KEYS, type CaseForm, type CaseStatus, type InformationCategory, type RetentionClass } from './youth-rules.js';

/** The ownership columns of youth_cases (alias c) for scope conditions. */
export const CASE_COLUMNS: OwnershipColumns = {
  id: 'c.id',
  organisationId: 'c.owner_organisation_id',
  unitId: 'c.owner_unit_id',
  ownerUserId: 'c.coordinator_user_id',
};

export interface CaseRecord {
  id: string;
  subjectId: string | null;
  form: CaseForm;
  status: CaseStatus;
  collaborationId: string;
  ownerOrganisationId: string;
  ownerUnitId: string;
  coordinatorUserId: string | null;
  riskFactors: string[];
  reviewOn: string | null;
  retentionClass: RetentionClass;
  lastEntryAt: Date;
  closedOn: string | null;
  purgeOn: string | null;
  version: number;
}

/** What one principal sees of one case: everything as its owner, else only the covered categories. */
export interface CaseAccess {
  owner: boolean;
  categories: InformationCategory[];
}

/**
 * The information categories of a case's records (notes, attachments) a reader sees: every one as
 * the case's owner (null), else those a live consent or disclosure covers. The one rule for notes
 * (youth-records.service.ts) and attachments (youth-attachment-gate.ts).
 */
export function visibleCategories(access: CaseAccess): InformationCategory[] | null {
  return access.owner ? null : access.categories;
}

export const SELECT_CASE = `SELECT c.id, c.subject_id AS "subjectId", c.form, c.status, c.collaboration_id AS "collaborationId",
  c.owner_organisation_id AS "ownerOrganisationId", c.owner_unit_id AS "ownerUnitId", c.coordinator_user_id AS "coordinatorUserId",
  c.risk_factors AS "riskFactors", to_char(c.review_on, 'YYYY-MM-DD') AS "reviewOn", c.retention_class AS "retentionClass",
  c.last_entry_at AS "lastEntryAt", to_char(c.closed_on, 'YYYY-MM-DD') AS "closedOn", to_char(c.purge_on, 'YYYY-MM-DD') AS "purgeOn", c.version
  FROM youth_cases c`;

/**
 * The one gate of youth cases. Social services work their own cases (role scope); anyone else sees
 * a case only while a per-record grant from a valid consent or a recorded disclosure covers their
 * organisation — and then only the categories the consent or disclosure names (OSL 10 kap 18 a §,
 * GDPR art. 6, 9, 10). Outside that, a case does not exist (404).
 */
@Injectable()
export class YouthCaseAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseRecord> {
    const [row] = await manager.query<CaseRecord[]>(`${SELECT_CASE} WHERE c.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No youth case with id ${id}.`);
    return row;
  }

  ownership(record: CaseRecord): RecordOwnership {
    return { id: record.id, organisationId: record.ownerOrganisationId, unitId: record.ownerUnitId, ownerUserId: record.coordinatorUserId };
  }

  /** The case and what the principal may see of it; 404 when nothing. */
  async readable(principal: Principal, id: string): Promise<{ record: CaseRecord; access: CaseAccess }> {
    const record = await this.load(id);
    return { record, access: await this.accessTo(principal, record) };
  }

  /** What the principal may see of a case already loaded (e.g. with its view, in one statement); 404 when nothing. */
  async accessTo(principal: Principal, record: CaseRecord): Promise<CaseAccess> {
    await this.access.authorize(principal, 'youth_case', 'read', this.ownership(record));
    if (roleScopeAllows(principal, 'youth_case:read', this.ownership(record))) return { owner: true, categories: CATEGORY_KEYS };
    const categories = await this.coverage(record.id, principalOrganisations(principal));
    // A grant without a live consent or disclosure behind it shows nothing.
    if (categories.length === 0) throw new NotFoundException(`No youth case with id ${record.id}.`);
    return { owner: false, categories };
  }

  /**
   * The case, if the principal may `permission` on it as its owner (404 if it cannot see it, 403
   * if it can but may not act). Closed and purged cases take no more changes (409).
   */
  async workable(principal: Principal, id: string, permission: Permission, options: { allowClosed?: boolean } = {}): Promise<CaseRecord> {
    const { record } = await this.readable(principal, id);
    await this.access.assertAllowed(principal, permission, this.ownership(record));
    if (!options.allowClosed && (record.status === 'closed' || record.status === 'purged')) {
      throw new ProblemException('youth_case.closed', { status: record.status });
    }
    return record;
  }

  /** Something was written in the case: retention counts from the last entry (SoL 12 kap 1 §). */
  async touch(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query('UPDATE youth_cases SET last_entry_at = $2 WHERE id = $1', [caseId, this.clock.now()]);
  }

  /** The categories live consents and disclosures cover for these organisations now (with `basic` if any). */
  async coverage(caseId: string, organisationIds: string[], manager: EntityManager = this.dataSource.manager): Promise<InformationCategory[]> {
    const now = this.clock.now();
    const rows = await manager.query<{ category: InformationCategory }[]>(
      `SELECT DISTINCT unnest(categories) AS category FROM (
         SELECT c.categories FROM youth_consents c
         WHERE c.case_id = $1 AND c.withdrawn_at IS NULL AND c.organisation_ids && $2::uuid[] AND c.valid_from <= $3::date AND c.valid_until >= $3::date
         UNION ALL
         SELECT d.categories FROM youth_disclosures d
         WHERE d.case_id = $1 AND d.to_organisation_id = ANY($2::uuid[]) AND d.access_until > $4
       ) covered`,
      [caseId, organisationIds, stockholmDate(now), now],
    );
    if (rows.length === 0) return [];
    const covered = new Set<InformationCategory>(['basic', ...rows.map((r) => r.category)]);
    return CATEGORY_KEYS.filter((c) => covered.has(c));
  }
}
