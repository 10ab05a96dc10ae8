import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type OwnershipColumns, type Principal, scopeCondition } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { MembersDirectory } from '@samverkan/identity';
import { Notifier } from '@samverkan/notifications';
import { Clock, type Page, pageOf, ProblemException, stockholmDate, updateReturning } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { TipSource } from './licence-rules.js';
import type { PremisesTipView } from './licensing.dto.js';
import type { PremisesTipDetailView, TipListQuery } from './premises-tips.dto.js';
import { PremisesService } from './premises.service.js';
import { countsInRisk, type TipOrigin, tipRecipients } from './tip-rules.js';

/** A tip or complaint about premises: when it came in, from whom, what it says. */
export interface PremisesTipInput {
  receivedOn: string;
  source: TipSource;
  summary: string;
  /** `referral` when recorded with a police referral (which is acknowledged on its own list); default `direct`. */
  origin?: TipOrigin;
}

const TIP_COLUMNS: OwnershipColumns = { id: 't.premises_id', collaborationId: 'p.collaboration_id', organisationId: 'p.owner_organisation_id' };

const SELECT_TIPS = `SELECT t.id, t.premises_id AS "premisesId", p.name AS "premisesName", to_char(t.received_on, 'YYYY-MM-DD') AS "receivedOn",
  t.source, t.origin, t.summary, (SELECT o.name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = t.created_by) AS "recordedBy",
  t.created_at AS "recordedAt", t.acknowledged_at AS "acknowledgedAt",
  (SELECT u.display_name FROM users u WHERE u.id = t.acknowledged_by) AS "acknowledgedByName", t.acknowledgement,
  coalesce((SELECT json_agg(json_build_object('id', i.id, 'plannedStart', i.planned_start) ORDER BY i.planned_start)
    FROM inspections i WHERE i.tip_id = t.id), '[]') AS inspections
  FROM premises_tips t JOIN premises p ON p.id = t.premises_id`;

/** Words for who a tip came from, for the notification (the inbox shows no codes). */
const SOURCE_WORDS: Record<TipSource, string> = { public: 'Allmänheten', police: 'Polisen', municipality: 'Kommunen', other: 'Någon' };

/**
 * Tips and complaints about premises (from the public, the police, the municipality), which raise
 * the premises' risk score in the next supervision plan. Licensing owns premises_tips: a tip from
 * another lib (a police referral) is recorded here, in that lib's transaction. The licensing
 * officers read them with their full text, acknowledge them and book inspections from them.
 */
@Injectable()
export class PremisesTipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly premises: PremisesService,
    private readonly members: MembersDirectory,
    private readonly notifier: Notifier,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * A tip from someone who may read the premises (404 for anyone else). The municipality's licensing
   * officers are told (the notification names the tip, so it opens it).
   */
  async add(principal: Principal, premisesId: string, input: PremisesTipInput): Promise<PremisesTipView> {
    const premises = await this.premises.get(principal, premisesId);
    return this.dataSource.transaction(async (manager) => {
      const tip = await this.record(manager, principal, premisesId, { ...input, origin: 'direct' });
      const officers = await this.members.userIds({ organisationId: premises.ownerOrganisationId, roles: ['licensing_officer'] }, manager);
      await this.notifier.notify(manager, tipRecipients(officers, principal.userId), {
        kind: 'premises_tip',
        title: `Tips om ${premises.name}`,
        body: `${SOURCE_WORDS[input.source]} har lämnat ett tips om serveringsstället. Det räknas in i riskbedömningen; läs det och bedöm om tillsyn behövs.`,
        resourceType: 'premises_tip',
        resourceId: tip.id,
        dedupeKey: `premises-tip-${tip.id}`,
      });
      return tip;
    });
  }

  /**
   * Records a tip in the caller's transaction and audits it. The caller has established that the
   * principal may tell licensing about these premises.
   */
  async record(manager: EntityManager, principal: Pick<Principal, 'userId'>, premisesId: string, input: PremisesTipInput): Promise<PremisesTipView> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO premises_tips (premises_id, received_on, source, summary, created_by, origin) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [premisesId, input.receivedOn, input.source, input.summary.trim(), principal.userId, input.origin ?? 'direct'],
    );
    await this.audit.record(
      { action: 'premises.tip', resourceType: 'premises', resourceId: premisesId, details: { tipId: row.id, source: input.source } },
      manager,
    );
    return { id: row.id, recordedAt: this.clock.now().toISOString() };
  }

  /** Tips about the principal's premises: those not yet acknowledged first, then newest first. */
  async list(principal: Principal, query: TipListQuery): Promise<Page<PremisesTipDetailView>> {
    if (query.premisesId) await this.premises.get(principal, query.premisesId);
    const scope = scopeCondition(principal, 'premises:manage', TIP_COLUMNS, this.clock.now(), { grants: false });
    const qb = this.dataSource
      .createQueryBuilder()
      .from('premises_tips', 't')
      .innerJoin('premises', 'p', 'p.id = t.premises_id')
      .where(scope.sql, scope.params);
    if (query.premisesId) qb.andWhere('t.premises_id = :premisesId', { premisesId: query.premisesId });
    if (query.origin) qb.andWhere('t.origin = :origin', { origin: query.origin });
    if (query.open) qb.andWhere('t.acknowledged_at IS NULL');
    const page = await pageOf<PremisesTipDetailView>(
      this.dataSource,
      qb,
      {
        alias: 't',
        orderBy: [
          ['(t.acknowledged_at IS NOT NULL)', 'ASC'],
          ['t.created_at', 'DESC'],
        ],
        select: SELECT_TIPS,
      },
      query,
    );
    await this.audit.record({ action: 'premises_tip.list', resourceType: 'premises_tip', details: { tipIds: page.items.map((t) => t.id) } });
    return { ...page, items: page.items.map((t) => this.withRisk(t)) };
  }

  /** One tip with its full text, for the licensing officers of its premises (404 for anyone else). */
  async get(principal: Principal, id: string): Promise<PremisesTipDetailView> {
    const tip = await this.find(id);
    await this.assertManages(principal, tip.premisesId);
    await this.audit.record({ action: 'premises_tip.read', resourceType: 'premises_tip', resourceId: id });
    return tip;
  }

  /** Licensing has read it (booked an inspection, or judged none needed). A referral's tip is acknowledged with its referral. */
  async acknowledge(principal: Principal, id: string, note: string | undefined): Promise<PremisesTipDetailView> {
    const tip = await this.find(id);
    const owner = await this.assertManages(principal, tip.premisesId);
    await this.dataSource.transaction(async (manager) => {
      const done = await this.acknowledgeIn(manager, principal, id, note);
      if (!done) throw new ProblemException('premises_tip.acknowledged');
      await this.audit.record({ action: 'premises_tip.acknowledge', resourceType: 'premises_tip', resourceId: id, subjectOrganisationId: owner }, manager);
    });
    return this.find(id);
  }

  /** Marks the tip acknowledged in the caller's transaction (a referral's, when the referral is); false if it already was. */
  async acknowledgeIn(manager: EntityManager, principal: Pick<Principal, 'userId'>, id: string, note: string | undefined): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      manager,
      `UPDATE premises_tips SET acknowledged_by = $2, acknowledged_at = $3, acknowledgement = $4 WHERE id = $1 AND acknowledged_at IS NULL RETURNING id`,
      [id, principal.userId, this.clock.now(), note?.trim() || null],
    );
    return rows.length > 0;
  }

  /** Tips are read and handled by those who manage the premises (the municipality's licensing officers). */
  private async assertManages(principal: Principal, premisesId: string): Promise<string> {
    const premises = await this.premises.get(principal, premisesId);
    await this.access.authorize(principal, 'premises', 'manage', {
      id: premisesId,
      collaborationId: premises.collaborationId,
      organisationId: premises.ownerOrganisationId,
    });
    return premises.ownerOrganisationId;
  }

  private async find(id: string): Promise<PremisesTipDetailView> {
    const [row] = await this.dataSource.query<PremisesTipDetailView[]>(`${SELECT_TIPS} WHERE t.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No tip with id ${id}.`);
    return this.withRisk(row);
  }

  private withRisk(tip: Omit<PremisesTipDetailView, 'countsInRisk'>): PremisesTipDetailView {
    return { ...tip, countsInRisk: countsInRisk(tip.receivedOn, stockholmDate(this.clock.now())) };
  }
}
