import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal, scopeCondition } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { MembersDirectory } from '@samverkan/identity';
import { DeadlinesService } from '@samverkan/deadlines';
import { PremisesTipsService } from '@samverkan/inspections';
import { Notifier } from '@samverkan/notifications';
import {
  addDays,
  Clock,
  formatDay,
  invalidField,
  type Page,
  pageOf,
  type PageQuery,
  ProblemException,
  stockholmDate,
  updateReturning,
} from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { REFERRAL_DEADLINE, REFERRAL_RESPONSE_DAYS } from './operation-rules.js';
import type { ReferralInput } from './operations.dto.js';
import type { LicensingReferralView } from './operations.views.js';
import { OperationsService } from './operations.service.js';

/** What licensing sees of a referral: the premises, the date, the observation and who sent it. Nothing of the operation. */
const SELECT_FOR_LICENSING = `SELECT r.id, r.premises_id AS "premisesId", p.name AS "premisesName", to_char(r.observed_on, 'YYYY-MM-DD') AS "observedOn",
  r.observation, o.name AS "from", r.sent_at AS "sentAt", r.acknowledged_at AS "acknowledgedAt", r.acknowledgement, r.tip_id AS "tipId",
  (SELECT u.display_name FROM users u WHERE u.id = r.acknowledged_by) AS "acknowledgedByName"
  FROM licensing_referrals r JOIN premises p ON p.id = r.premises_id JOIN organisations o ON o.id = r.from_organisation_id`;

/**
 * Referrals from an operation to the municipality's licensing officers (AL 9 kap 2 §: the police
 * tell the municipality what matters for supervision): a tip on the premises' risk score (#6) and
 * a task with a deadline. The referral carries the observation in general terms — never the
 * operation, its intelligence or who took part.
 */
@Injectable()
export class LicensingReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly operations: OperationsService,
    private readonly deadlines: DeadlinesService,
    private readonly tips: PremisesTipsService,
    private readonly notifier: Notifier,
    private readonly members: MembersDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async send(principal: Principal, operationId: string, input: ReferralInput): Promise<LicensingReferralView> {
    const record = await this.operations.readable(principal, operationId);
    await this.access.assertAllowed(principal, 'operation:report', this.operations.ownership(record));
    const [premises] = await this.dataSource.query<{ name: string; owner: string }[]>(
      `SELECT p.name, p.owner_organisation_id AS owner FROM premises p WHERE p.id = $1 AND p.collaboration_id = $2`,
      [input.premisesId, record.collaborationId],
    );
    if (!premises) throw invalidField('premisesId', 'licensing_referral.premises_unknown');
    if (input.observedOn > stockholmDate(this.clock.now())) throw invalidField('observedOn', 'date.in_future');
    const licensingUnit = await this.members.unitWith(premises.owner, 'licensing_officer');
    const now = this.clock.now();
    const id = await this.dataSource.transaction(async (manager) => {
      // The observation counts as a tip from the police in the premises' risk score (#6).
      const tip = await this.tips.record(manager, principal, input.premisesId, {
        receivedOn: stockholmDate(now),
        source: 'police',
        summary: `Iakttagelse ${formatDay(input.observedOn)}: ${input.observation.trim()}`,
        origin: 'referral',
      });
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO licensing_referrals (operation_id, premises_id, owner_organisation_id, from_organisation_id, observed_on, observation, tip_id, sent_by, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [operationId, input.premisesId, premises.owner, record.ownerOrganisationId, input.observedOn, input.observation.trim(), tip.id, principal.userId, now],
      );
      await this.deadlines.upsert(manager, {
        kind: REFERRAL_DEADLINE,
        resourceType: 'licensing_referral',
        resourceId: row.id,
        title: `Underrättelse från polisen – ${premises.name}`,
        dueOn: addDays(stockholmDate(now), REFERRAL_RESPONSE_DAYS),
        responsibleUnitId: licensingUnit,
        responsibleOrganisationId: premises.owner,
      });
      const officers = await this.members.userIds({ organisationId: premises.owner, roles: ['licensing_officer'] }, manager);
      await this.notifier.notify(manager, officers, {
        kind: 'licensing_referral',
        title: `Underrättelse från polisen – ${premises.name}`,
        body: `Polisen har lämnat en iakttagelse från ${formatDay(input.observedOn)} om serveringsstället. Öppna underrättelsen för att läsa den; den räknas in i riskbedömningen. Bedöm om tillsyn behövs.`,
        resourceType: 'licensing_referral',
        resourceId: row.id,
        dedupeKey: `licensing-referral-${row.id}`,
      });
      await this.audit.record(
        {
          action: 'operation.referral',
          resourceType: 'operation',
          resourceId: operationId,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { referralId: row.id, premisesId: input.premisesId },
        },
        manager,
      );
      return row.id;
    });
    const [row] = await this.dataSource.query<LicensingReferralView[]>(`${SELECT_FOR_LICENSING} WHERE r.id = $1`, [id]);
    return row;
  }

  /** Referrals to the principal's municipality: those not yet acknowledged first, then newest first. */
  async list(principal: Principal, query: PageQuery & { open?: boolean }): Promise<Page<LicensingReferralView>> {
    const scope = scopeCondition(principal, 'premises:manage', { id: 'r.id', organisationId: 'r.owner_organisation_id' }, this.clock.now(), { grants: false });
    const qb = this.dataSource.createQueryBuilder().from('licensing_referrals', 'r').where(scope.sql, scope.params);
    if (query.open) qb.andWhere('r.acknowledged_at IS NULL');
    const page = await pageOf<LicensingReferralView>(
      this.dataSource,
      qb,
      {
        alias: 'r',
        orderBy: [
          ['(r.acknowledged_at IS NOT NULL)', 'ASC'],
          ['r.sent_at', 'DESC'],
        ],
        select: SELECT_FOR_LICENSING,
      },
      query,
    );
    await this.audit.record({ action: 'licensing_referral.list', resourceType: 'licensing_referral', details: { referralIds: page.items.map((r) => r.id) } });
    return page;
  }

  /** One referral with its full observation, for the licensing officers it was sent to (404 for anyone else). */
  async get(principal: Principal, id: string): Promise<LicensingReferralView> {
    await this.assertAddressee(principal, id);
    await this.audit.record({ action: 'licensing_referral.read', resourceType: 'licensing_referral', resourceId: id });
    const [row] = await this.dataSource.query<LicensingReferralView[]>(`${SELECT_FOR_LICENSING} WHERE r.id = $1`, [id]);
    return row;
  }

  /** Licensing has looked at it (booked an inspection, or judged none needed): the task is met, and its tip acknowledged. */
  async acknowledge(principal: Principal, id: string, note: string | undefined): Promise<LicensingReferralView> {
    const referral = await this.assertAddressee(principal, id);
    await this.dataSource.transaction(async (manager) => {
      const rows = await updateReturning<{ id: string }>(
        manager,
        `UPDATE licensing_referrals SET acknowledged_by = $2, acknowledged_at = $3, acknowledgement = $4 WHERE id = $1 AND acknowledged_at IS NULL RETURNING id`,
        [id, principal.userId, this.clock.now(), note?.trim() ?? null],
      );
      if (rows.length === 0) throw new ProblemException('licensing_referral.acknowledged');
      if (referral.tipId) await this.tips.acknowledgeIn(manager, principal, referral.tipId, note);
      await this.audit.record(
        { action: 'licensing_referral.acknowledge', resourceType: 'licensing_referral', resourceId: id, subjectOrganisationId: referral.owner },
        manager,
      );
      await this.deadlines.close(manager, REFERRAL_DEADLINE, 'licensing_referral', id, 'met');
    });
    const [row] = await this.dataSource.query<LicensingReferralView[]>(`${SELECT_FOR_LICENSING} WHERE r.id = $1`, [id]);
    return row;
  }

  /** The referral's addressee: the licensing officers of the municipality it was sent to; 404 for anyone else. */
  private async assertAddressee(principal: Principal, id: string): Promise<{ owner: string; tipId: string | null }> {
    const [referral] = await this.dataSource.query<{ owner: string; tipId: string | null }[]>(
      'SELECT owner_organisation_id AS owner, tip_id AS "tipId" FROM licensing_referrals WHERE id = $1',
      [id],
    );
    if (!referral) throw new NotFoundException(`No referral with id ${id}.`);
    await this.access.authorize(principal, 'premises', 'manage', { id, organisationId: referral.owner });
    return referral;
  }
}
