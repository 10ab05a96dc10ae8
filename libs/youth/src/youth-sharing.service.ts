import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { DeadlinesService } from '@samverkan/deadlines';
import { Notifier } from '@samverkan/notifications';
import {
  addDays,
  AppConfig,
  Clock,
  FieldCipher,
  fieldError,
  formatDay,
  invalidField,
  ProblemException,
  stockholmDate,
  stockholmMidnight,
  updateReturning,
  ValidationProblem,
} from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { ConsentInput, DisclosureInput } from './youth.dto.js';
import { type CaseRecord, YouthCaseAccess } from './youth-case-access.js';
import { caseReference, CONSENT_EXPIRY_DEADLINE } from './youth-deadlines.js';
import { YouthSubjectsService } from './youth-subjects.service.js';
import { ageOn } from './personal-number.js';
import type { YouthConsentView, YouthDisclosureView } from './youth.views.js';
import { type SealedSigners, sealSigners, withSigners } from './consent-signers.js';
import { consentErrors, DISCLOSURE_ACCESS_DAYS, DISCLOSURE_GROUNDS, disclosureErrors, type InformationCategory } from './youth-rules.js';

const SELECT_CONSENTS = `SELECT k.id, k.key_id, k.signers_sealed, k.organisation_ids AS "organisationIds", k.categories,
  to_char(k.signed_on, 'YYYY-MM-DD') AS "signedOn", to_char(k.valid_from, 'YYYY-MM-DD') AS "validFrom",
  to_char(k.valid_until, 'YYYY-MM-DD') AS "validUntil", k.withdrawn_at AS "withdrawnAt", k.withdrawal_reason AS "withdrawalReason",
  k.recorded_by AS "recordedBy", k.created_at AS "recordedAt",
  CASE WHEN k.withdrawn_at IS NOT NULL THEN 'withdrawn' WHEN k.valid_until < $2::date THEN 'expired'
       WHEN k.valid_from > $2::date THEN 'pending' ELSE 'valid' END AS state
  FROM youth_consents k`;

/** A consent as read: the view's columns with the signers still sealed. */
type ConsentRow = Omit<YouthConsentView, 'signers'> & SealedSigners;

const SELECT_DISCLOSURES = `SELECT d.id, d.ground, d.from_organisation_id AS "fromOrganisationId", fo.name AS "fromOrganisation",
  d.to_organisation_id AS "toOrganisationId", tor.name AS "toOrganisation", d.categories, d.justification, d.criteria,
  d.consent_id AS "consentId", d.access_until AS "accessUntil", d.decided_by AS "decidedBy", u.display_name AS "decidedByName",
  d.decided_at AS "decidedAt"
  FROM youth_disclosures d JOIN organisations fo ON fo.id = d.from_organisation_id JOIN organisations tor ON tor.id = d.to_organisation_id
  JOIN users u ON u.id = d.decided_by`;

/**
 * Consents and disclosures: the only ways information in a youth case reaches anyone outside the
 * owning organisation. A consent gives each organisation it names a read grant for its period;
 * withdrawing it revokes the grants at once and tells the participants. A disclosure records the
 * ground (consent, OSL 10 kap 18 a §, SoL 14 kap 1 §), from, to, categories, justification and who
 * decided, and gives the recipient read access to what was disclosed for a limited time.
 */
@Injectable()
export class YouthSharingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly gate: YouthCaseAccess,
    private readonly subjects: YouthSubjectsService,
    private readonly deadlines: DeadlinesService,
    private readonly notifier: Notifier,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async consents(principal: Principal, caseId: string): Promise<YouthConsentView[]> {
    await this.gate.workable(principal, caseId, 'youth_case:share', { allowClosed: true });
    const rows = (
      await this.dataSource.query<ConsentRow[]>(`${SELECT_CONSENTS} WHERE k.case_id = $1 ORDER BY k.valid_from DESC`, [caseId, stockholmDate(this.clock.now())])
    ).map((row) => withSigners(this.cipher, row));
    await this.audit.record({ action: 'youth_case.consents_read', resourceType: 'youth_case', resourceId: caseId });
    return rows;
  }

  /** Records a signed consent: the age rules of who signs, never offence data (GDPR art. 10). */
  async recordConsent(principal: Principal, caseId: string, input: ConsentInput): Promise<YouthConsentView> {
    const record = await this.gate.workable(principal, caseId, 'youth_case:share');
    const subject = await this.subjects.sealed(record.subjectId!);
    const organisationIds = [...new Set(input.organisationIds)];
    const errors = consentErrors({ ...input, organisationIds }, subject.birth_date, this.config.YOUTH_OWN_CONSENT_AGE);
    if (organisationIds.includes(record.ownerOrganisationId)) errors.push(fieldError('organisationIds', 'consent.owner_needs_none'));
    const known = await this.dataSource.query<{ id: string }[]>('SELECT id FROM organisations WHERE id = ANY($1::uuid[])', [organisationIds]);
    if (known.length !== organisationIds.length) errors.push(fieldError('organisationIds', 'consent.organisation_unknown'));
    if (errors.length > 0) throw new ValidationProblem(errors);
    const categories = [...new Set<InformationCategory>(['basic', ...input.categories])];
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO youth_consents (case_id, key_id, signers_sealed, organisation_ids, categories, signed_on, valid_from, valid_until, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          caseId,
          this.cipher.keyId,
          sealSigners(this.cipher, input.signers),
          organisationIds,
          categories,
          input.signedOn,
          input.validFrom,
          input.validUntil,
          principal.userId,
        ],
      );
      const grantIds: string[] = [];
      for (const organisationId of organisationIds) {
        const grant = await this.access.grant(
          principal,
          {
            resourceType: 'youth_case',
            resourceId: caseId,
            granteeType: 'organisation',
            granteeId: organisationId,
            effect: 'grant',
            actions: ['read'],
            reason: `Samtycke ${formatDay(input.signedOn)} (${categories.join(', ')})`,
            validFrom: stockholmMidnight(input.validFrom),
            // Valid through its last day, Swedish time.
            validUntil: stockholmMidnight(addDays(input.validUntil, 1)),
          },
          manager,
        );
        grantIds.push(grant.id);
      }
      await manager.query('UPDATE youth_consents SET grant_ids = $2 WHERE id = $1', [row.id, grantIds]);
      await this.gate.touch(manager, caseId);
      await this.deadlines.upsert(manager, {
        kind: CONSENT_EXPIRY_DEADLINE,
        resourceType: 'youth_consent',
        resourceId: row.id,
        title: `Samtycke löper ut – ungdomsärende ${caseReference(caseId)}`,
        dueOn: input.validUntil,
        responsibleUserId: record.coordinatorUserId,
        responsibleOrganisationId: record.ownerOrganisationId,
      });
      await this.audit.record(
        {
          action: 'youth_consent.record',
          resourceType: 'youth_case',
          resourceId: caseId,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { consentId: row.id, organisationIds, categories },
        },
        manager,
      );
      return row.id;
    });
    return this.consent(caseId, id);
  }

  /** Withdrawal stops all further sharing at once: the grants are revoked and the participants told. */
  async withdrawConsent(principal: Principal, caseId: string, consentId: string, reason: string): Promise<YouthConsentView> {
    const record = await this.gate.workable(principal, caseId, 'youth_case:share', { allowClosed: true });
    await this.dataSource.transaction(async (manager) => {
      const [consent] = await manager.query<{ grant_ids: string[]; withdrawn_at: Date | null }[]>(
        'SELECT grant_ids, withdrawn_at FROM youth_consents WHERE id = $1 AND case_id = $2 FOR UPDATE',
        [consentId, caseId],
      );
      if (!consent) throw new NotFoundException(`No consent with id ${consentId} on this case.`);
      if (consent.withdrawn_at) throw new ProblemException('consent.withdrawn');
      await manager.query('UPDATE youth_consents SET withdrawn_at = $2, withdrawn_by = $3, withdrawal_reason = $4, version = version + 1 WHERE id = $1', [
        consentId,
        this.clock.now(),
        principal.userId,
        reason,
      ]);
      // Withdrawal stops all further sharing at once (DOMAIN.md §3): the consent's read grants end now.
      await this.access.revokeGrants(principal, { ids: consent.grant_ids }, manager);
      await this.deadlines.close(manager, CONSENT_EXPIRY_DEADLINE, 'youth_consent', consentId, 'cancelled');
      await this.gate.touch(manager, caseId);
      await this.audit.record(
        {
          action: 'youth_consent.withdraw',
          resourceType: 'youth_case',
          resourceId: caseId,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { consentId, reason },
        },
        manager,
      );
      await this.tellParticipants(
        manager,
        record,
        consentId,
        'youth_consent_withdrawn',
        'Samtycke återkallat',
        'Samtycket är återkallat. Ingen mer information delas på det samtycket; den som fått uppgifter ser dem inte längre.',
      );
    });
    return this.consent(caseId, consentId);
  }

  async disclosures(principal: Principal, caseId: string): Promise<YouthDisclosureView[]> {
    await this.gate.workable(principal, caseId, 'youth_case:disclose', { allowClosed: true });
    const rows = await this.dataSource.query<YouthDisclosureView[]>(`${SELECT_DISCLOSURES} WHERE d.case_id = $1 ORDER BY d.decided_at DESC`, [caseId]);
    await this.audit.record({ action: 'youth_case.disclosures_read', resourceType: 'youth_case', resourceId: caseId });
    return rows;
  }

  /**
   * Records a disclosure (utlämnande) from the owning organisation, on its legal ground, and lets
   * the recipient read the disclosed categories for `accessDays`. Reports of concern from the
   * police are recorded where they are filed (YouthCasesService.reportConcern).
   */
  async recordDisclosure(principal: Principal, caseId: string, input: DisclosureInput): Promise<YouthDisclosureView> {
    const record = await this.gate.workable(principal, caseId, 'youth_case:disclose');
    const [to] = await this.dataSource.query<{ kind: string }[]>('SELECT kind FROM organisations WHERE id = $1', [input.toOrganisationId]);
    if (!to) throw invalidField('toOrganisationId', 'reference.not_found', { resource: 'organisation' });
    const [from] = await this.dataSource.query<{ kind: string }[]>('SELECT kind FROM organisations WHERE id = $1', [record.ownerOrganisationId]);
    const subject = await this.subjects.sealed(record.subjectId!);
    const categories = [...new Set<InformationCategory>(['basic', ...input.categories])];
    const consented = input.ground === 'consent' ? await this.consentedCategories(caseId, input.toOrganisationId) : null;
    const errors = disclosureErrors({
      ground: input.ground,
      categories,
      criteria: input.criteria,
      fromKind: from.kind,
      toKind: to.kind,
      fromIsOwner: true,
      toIsOwner: input.toOrganisationId === record.ownerOrganisationId,
      ageOnDisclosure: ageOn(subject.birth_date, stockholmDate(this.clock.now())),
      consentedCategories: consented?.categories ?? null,
    });
    if (input.ground === 'sol_14_1_report_of_concern') {
      errors.push(fieldError('ground', 'disclosure.concern_via_report'));
    }
    if (errors.length > 0) throw new ValidationProblem(errors);
    const now = this.clock.now();
    const accessUntil = new Date(now.getTime() + (input.accessDays ?? DISCLOSURE_ACCESS_DAYS) * 86_400_000);
    const id = await this.dataSource.transaction(async (manager) => {
      const grant = await this.access.grant(
        principal,
        {
          resourceType: 'youth_case',
          resourceId: caseId,
          granteeType: 'organisation',
          granteeId: input.toOrganisationId,
          effect: 'grant',
          actions: ['read'],
          reason: `Utlämnande: ${DISCLOSURE_GROUNDS[input.ground]}`,
          validFrom: now,
          validUntil: accessUntil,
        },
        manager,
      );
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO youth_disclosures (case_id, ground, from_organisation_id, to_organisation_id, categories, justification, criteria, consent_id,
           access_until, grant_id, decided_by, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          caseId,
          input.ground,
          record.ownerOrganisationId,
          input.toOrganisationId,
          categories,
          input.justification.trim(),
          input.criteria ? JSON.stringify(input.criteria) : null,
          consented?.id ?? null,
          accessUntil,
          grant.id,
          principal.userId,
          now,
        ],
      );
      await this.gate.touch(manager, caseId);
      await this.audit.record(
        {
          action: 'youth_disclosure.record',
          resourceType: 'youth_case',
          resourceId: caseId,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { disclosureId: row.id, ground: input.ground, to: input.toOrganisationId, categories },
        },
        manager,
      );
      return row.id;
    });
    const [row] = await this.dataSource.query<YouthDisclosureView[]>(`${SELECT_DISCLOSURES} WHERE d.id = $1`, [id]);
    return row;
  }

  /**
   * The worker's sweep: consents that ran out since the last run are reported to the participants
   * once (access already ended with the grant's validity).
   */
  async notifyExpiredConsents(): Promise<number> {
    const today = stockholmDate(this.clock.now());
    const expired = await this.dataSource.query<{ id: string; case_id: string }[]>(
      `SELECT id, case_id FROM youth_consents WHERE withdrawn_at IS NULL AND expiry_notified_at IS NULL AND valid_until < $1::date ORDER BY valid_until LIMIT 500`,
      [today],
    );
    for (const consent of expired) {
      await this.dataSource.transaction(async (manager) => {
        // Claimed once, even if two workers sweep at the same time.
        const claimed = await updateReturning<{ id: string }>(
          manager,
          'UPDATE youth_consents SET expiry_notified_at = $2 WHERE id = $1 AND expiry_notified_at IS NULL RETURNING id',
          [consent.id, this.clock.now()],
        );
        if (claimed.length === 0) return;
        const record = await this.gate.load(consent.case_id, manager);
        await this.deadlines.close(manager, CONSENT_EXPIRY_DEADLINE, 'youth_consent', consent.id, 'met');
        await this.audit.record(
          {
            action: 'youth_consent.expired',
            resourceType: 'youth_case',
            resourceId: consent.case_id,
            subjectOrganisationId: record.ownerOrganisationId,
            details: { consentId: consent.id },
          },
          manager,
        );
        await this.tellParticipants(
          manager,
          record,
          consent.id,
          'youth_consent_expired',
          'Samtycke har löpt ut',
          'Samtyckets giltighetstid har gått ut. Information delas inte längre på det samtycket.',
        );
      });
    }
    return expired.length;
  }

  // ---- helpers -----------------------------------------------------------------------------

  private async consent(caseId: string, id: string): Promise<YouthConsentView> {
    const [row] = await this.dataSource.query<ConsentRow[]>(`${SELECT_CONSENTS} WHERE k.id = $1 AND k.case_id = $3`, [
      id,
      stockholmDate(this.clock.now()),
      caseId,
    ]);
    return withSigners(this.cipher, row);
  }

  /** The valid consent that covers the recipient, and its categories. */
  private async consentedCategories(caseId: string, organisationId: string): Promise<{ id: string; categories: string[] } | null> {
    const [row] = await this.dataSource.query<{ id: string; categories: string[] }[]>(
      `SELECT id, categories FROM youth_consents WHERE case_id = $1 AND withdrawn_at IS NULL AND $2 = ANY(organisation_ids)
         AND valid_from <= $3::date AND valid_until >= $3::date ORDER BY valid_until DESC LIMIT 1`,
      [caseId, organisationId, stockholmDate(this.clock.now())],
    );
    return row ?? null;
  }

  /** Everyone on the case (coordinator and contacts) learns of it; no name in the message. */
  private tellParticipants(manager: EntityManager, record: CaseRecord, consentId: string, kind: string, title: string, body: string): Promise<void> {
    return manager.query<{ user_id: string }[]>('SELECT user_id FROM youth_case_participants WHERE case_id = $1', [record.id]).then((rows) =>
      this.notifier.notify(
        manager,
        rows.map((r) => r.user_id),
        {
          kind,
          title: `${title} – ungdomsärende ${caseReference(record.id)}`,
          body,
          resourceType: 'youth_case',
          resourceId: record.id,
          dedupeKey: `${kind}-${consentId}`,
        },
      ),
    );
  }
}
