import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal, scopeCondition, scopesFor } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { Clock, FieldCipher, invalidField, ProblemException, stockholmDate } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { ageOn, formatPersonalNumber, maskPersonalNumber, type PersonalNumber, parsePersonalNumber } from './personal-number.js';
import { CASE_COLUMNS } from './youth-case-access.js';
import { caseReference } from './youth-deadlines.js';
import type { YouthRevealedNumberView, YouthSubjectCaseView, YouthSubjectDetailView, YouthSubjectSearchView, YouthSubjectView } from './youth.views.js';

export const PIN_FIELD = 'youth_subject.personal_number';
export const NAME_FIELD = 'youth_subject.name';

/** A subject row as stored: the number and name only sealed. */
export interface SealedSubject {
  id: string;
  owner_organisation_id: string;
  key_id: string;
  pin_sealed: Buffer;
  name_sealed: Buffer;
  birth_date: string;
  coordination_number: boolean;
}

const SELECT_SEALED = `SELECT s.id, s.owner_organisation_id, s.key_id, s.pin_sealed, s.name_sealed,
  to_char(s.birth_date, 'YYYY-MM-DD') AS birth_date, s.coordination_number FROM youth_subjects s`;

/**
 * Young people the cases are about. Their personal number and name are stored only encrypted
 * (see FieldCipher); look-up by number goes through the keyed hash and needs a reason;
 * showing the full number needs a permission and a reason. Every read is audited.
 */
@Injectable()
export class YouthSubjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly access: AccessService,
  ) {}

  /** Registers a young person with the principal's municipality; 409 (with its id) if already there. */
  async create(principal: Principal, input: { personalNumber: string; name: string }): Promise<YouthSubjectView> {
    const organisationId = organisationFor(principal, 'youth_case:create');
    const number = this.parse(input.personalNumber);
    const id = await this.dataSource
      .transaction(async (manager) => {
        const existing = await this.existing(manager, organisationId, number);
        if (existing) {
          throw new ProblemException('youth_subject.exists', {}, { existingSubjectId: existing });
        }
        return this.insert(manager, organisationId, number, input.name, principal.userId);
      })
      .catch(async (error: unknown) => {
        // Registered by someone else between the check and the insert (the unique look-up hash refused it).
        if ((error as { code?: string }).code !== '23505') throw error;
        const existing = await this.existing(this.dataSource.manager, organisationId, number);
        throw new ProblemException('youth_subject.exists', {}, { existingSubjectId: existing });
      });
    return this.view(await this.sealed(id));
  }

  /**
   * The subject with this number in `organisationId`, created if new (a report of concern names a
   * young person social services may not know yet). Returns its id.
   */
  async findOrCreate(manager: EntityManager, organisationId: string, input: { personalNumber: string; name: string }, userId: string): Promise<string> {
    const number = this.parse(input.personalNumber);
    return (await this.existing(manager, organisationId, number)) ?? this.insert(manager, organisationId, number, input.name, userId);
  }

  /**
   * Exact look-up by personal number in the principal's organisation(s); the reason is audited, the
   * number never. This is how a case worker reaches a young person before any case of theirs (to
   * open one): never by name or part of a number, and the subject's page and full number still
   * open only through a readable case.
   */
  async find(principal: Principal, input: { personalNumber: string; reason: string }): Promise<YouthSubjectSearchView> {
    const organisations = scopesFor(principal, 'youth_subject:find').map((s) => s.organisationId);
    const number = this.parse(input.personalNumber);
    const rows = await this.dataSource.query<SealedSubject[]>(
      `${SELECT_SEALED} WHERE s.owner_organisation_id = ANY($1::uuid[]) AND s.pin_lookup = ANY($2::text[])`,
      [organisations, this.cipher.lookupHashes(number.canonical)],
    );
    // The person's cases the user may read (role scope or grant), in one query: none hints at others.
    const cases =
      rows.length > 0
        ? await this.readableCases(
            principal,
            rows.map((r) => r.id),
          )
        : [];
    await this.audit.record({
      action: 'youth_subject.find',
      resourceType: 'youth_subject',
      resourceId: rows[0]?.id,
      subjectOrganisationId: rows[0]?.owner_organisation_id,
      details: { reason: input.reason, found: rows.length, caseIds: cases.map((c) => c.id) },
    });
    return { items: rows.map((row) => ({ ...this.view(row), cases: cases.filter((c) => c.subjectId === row.id).map(({ subjectId: _, ...c }) => c) })) };
  }

  /** The cases of these subjects the principal may read, not purged, newest first. */
  private async readableCases(principal: Principal, subjectIds: string[]): Promise<(YouthSubjectCaseView & { subjectId: string })[]> {
    const scope = scopeCondition(principal, 'youth_case:read', CASE_COLUMNS, this.clock.now());
    const rows = await this.dataSource
      .createQueryBuilder()
      .select([
        'c.id AS id',
        'c.subject_id AS "subjectId"',
        'c.form AS form',
        'c.status AS status',
        'un.name AS "unitName"',
        `to_char(c.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS "openedOn"`,
      ])
      .from('youth_cases', 'c')
      .innerJoin('units', 'un', 'un.id = c.owner_unit_id')
      .where('c.subject_id = ANY(:subjectIds::uuid[])', { subjectIds })
      .andWhere("c.status <> 'purged'")
      .andWhere(scope.sql, scope.params)
      .orderBy('c.created_at', 'DESC')
      .limit(200)
      .getRawMany<Omit<YouthSubjectCaseView, 'reference'> & { subjectId: string }>();
    return rows.map((r) => ({ ...r, reference: caseReference(r.id) }));
  }

  /** The subject and the cases of theirs the principal may see (at least one, else 404); audited. */
  async get(principal: Principal, id: string): Promise<YouthSubjectDetailView> {
    const row = await this.readable(principal, id);
    const cases = (await this.readableCases(principal, [id])).map(({ subjectId: _, ...c }) => c);
    await this.audit.record({ action: 'youth_subject.read', resourceType: 'youth_subject', resourceId: id, subjectOrganisationId: row.owner_organisation_id });
    return { ...this.view(row), cases };
  }

  /**
   * The full number, with the reason on record, for those allowed to reveal in the subject's
   * organisation — and only through a case of theirs the principal may read (issue #15): holding
   * the permission across the municipality does not open people whose cases are another unit's.
   */
  async reveal(principal: Principal, id: string, reason: string): Promise<YouthRevealedNumberView> {
    const row = await this.readable(principal, id);
    if (!scopesFor(principal, 'youth_subject:reveal').some((s) => s.organisationId === row.owner_organisation_id)) {
      await this.audit.record({
        action: 'youth_subject.reveal',
        outcome: 'denied',
        resourceType: 'youth_subject',
        resourceId: id,
        subjectOrganisationId: row.owner_organisation_id,
      });
      throw new ProblemException('youth_subject.reveal_denied');
    }
    // The full number asks for a recent strong authentication (HSLF-FS 2016:40 4 kap 4 §, OSL 26 kap 1 §).
    await this.access.assertStepUp(principal, 'personal_number', { resourceType: 'youth_subject', resourceId: id });
    await this.audit.record({
      action: 'youth_subject.reveal',
      resourceType: 'youth_subject',
      resourceId: id,
      subjectOrganisationId: row.owner_organisation_id,
      details: { reason },
    });
    return { personalNumber: formatPersonalNumber(this.cipher.decrypt(PIN_FIELD, row.pin_sealed, row.key_id)) };
  }

  /**
   * The subject, if the principal may read one of its cases (their role's scope, or a grant from a
   * live consent or disclosure); else 404, as if it did not exist (issue #15). Being a social worker
   * of the same municipality is not enough: a subject follows its cases. The one other way to a
   * subject is by exact number with a reason (`find`), to register a case (`forNewCase`).
   */
  async readable(principal: Principal, id: string): Promise<SealedSubject> {
    // A subject opens only through a case, and reading cases needs a strong session (HSLF-FS 2016:40
    // 4 kap 4 §): a weaker session is told so rather than shown a 404 (no subject is looked up yet).
    await this.access.assertStrongSession(principal, 'youth_case:read', { resourceType: 'youth_subject', resourceId: id });
    const row = await this.sealed(id).catch((error: unknown) => {
      if (error instanceof NotFoundException) return undefined;
      throw error;
    });
    if (row && (await this.hasReadableCase(principal, id))) return row;
    await this.audit.record({ action: 'youth_subject.read', outcome: 'denied', resourceType: 'youth_subject', resourceId: id });
    throw new NotFoundException(`No youth subject with id ${id}.`);
  }

  /**
   * The subject a new case is opened about: one of the principal's own organisation (where they
   * open cases; they reached it by exact number with a reason, or registered it), or one they
   * already see through a case. Opening the case is audited; from then on the case opens the subject.
   */
  async forNewCase(principal: Principal, id: string): Promise<SealedSubject> {
    const row = await this.sealed(id).catch((error: unknown) => {
      if (error instanceof NotFoundException) return undefined;
      throw error;
    });
    if (row && scopesFor(principal, 'youth_case:create').some((s) => s.organisationId === row.owner_organisation_id)) return row;
    return this.readable(principal, id);
  }

  /**
   * The subject, for its register extract (GDPR art. 15): those who produce extracts in its
   * organisation (youth_subject:extract) answer the person's request about every case, whichever
   * unit holds it; anyone else who sees it gets 403, everyone else 404.
   */
  async forExtract(principal: Principal, id: string): Promise<SealedSubject> {
    const row = await this.sealed(id).catch((error: unknown) => {
      if (error instanceof NotFoundException) return undefined;
      throw error;
    });
    if (row && scopesFor(principal, 'youth_subject:extract').some((s) => s.organisationId === row.owner_organisation_id)) {
      // The extract shows the full number: a recent strong authentication (HSLF-FS 2016:40 4 kap 4 §).
      await this.access.assertStepUp(principal, 'personal_number', { resourceType: 'youth_subject', resourceId: id });
      return row;
    }
    await this.readable(principal, id);
    throw new ProblemException('youth_subject.extract_denied');
  }

  private async hasReadableCase(principal: Principal, subjectId: string): Promise<boolean> {
    const scope = scopeCondition(principal, 'youth_case:read', CASE_COLUMNS, this.clock.now());
    const visible = await this.dataSource
      .createQueryBuilder()
      .select('1')
      .from('youth_cases', 'c')
      .where('c.subject_id = :subjectId', { subjectId })
      .andWhere("c.status <> 'purged'")
      .andWhere(scope.sql, scope.params)
      .limit(1)
      .getRawOne();
    return !!visible;
  }

  async sealed(id: string, manager: EntityManager = this.dataSource.manager): Promise<SealedSubject> {
    const [row] = await manager.query<SealedSubject[]>(`${SELECT_SEALED} WHERE s.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No youth subject with id ${id}.`);
    return row;
  }

  /** The young person as every answer shows them: the number masked. */
  view(row: SealedSubject): YouthSubjectView {
    const canonical = this.cipher.decrypt(PIN_FIELD, row.pin_sealed, row.key_id);
    return {
      id: row.id,
      name: this.cipher.decrypt(NAME_FIELD, row.name_sealed, row.key_id),
      personalNumber: maskPersonalNumber(canonical),
      birthDate: row.birth_date,
      age: ageOn(row.birth_date, stockholmDate(this.clock.now())),
      coordinationNumber: row.coordination_number,
      ownerOrganisationId: row.owner_organisation_id,
    };
  }

  /** The full number, decrypted: only for the register extract and the subject's own use. */
  fullNumber(row: SealedSubject): string {
    return formatPersonalNumber(this.cipher.decrypt(PIN_FIELD, row.pin_sealed, row.key_id));
  }

  private parse(personalNumber: string) {
    const number = parsePersonalNumber(personalNumber, stockholmDate(this.clock.now()));
    if (!number) {
      throw invalidField('personalNumber', 'personal_number.invalid');
    }
    return number;
  }

  /** The subject with this number in the organisation, found under any configured key. */
  private async existing(manager: EntityManager, organisationId: string, number: PersonalNumber): Promise<string | undefined> {
    const [row] = await manager.query<{ id: string }[]>('SELECT id FROM youth_subjects WHERE owner_organisation_id = $1 AND pin_lookup = ANY($2::text[])', [
      organisationId,
      this.cipher.lookupHashes(number.canonical),
    ]);
    return row?.id;
  }

  private async insert(manager: EntityManager, organisationId: string, number: PersonalNumber, name: string, userId: string): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(INSERT_SUBJECT, subjectValues(this.cipher, organisationId, number, name, userId));
    await this.audit.record(
      { action: 'youth_subject.create', resourceType: 'youth_subject', resourceId: row.id, subjectOrganisationId: organisationId },
      manager,
    );
    return row.id;
  }
}

/** A new subject row: the number and name sealed, the look-up hash under the current key. */
export const INSERT_SUBJECT = `INSERT INTO youth_subjects (owner_organisation_id, key_id, pin_sealed, name_sealed, pin_lookup, birth_date, coordination_number, created_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`;

export function subjectValues(cipher: FieldCipher, organisationId: string, number: PersonalNumber, name: string, userId: string): unknown[] {
  return [
    organisationId,
    cipher.keyId,
    cipher.encrypt(PIN_FIELD, number.canonical),
    cipher.encrypt(NAME_FIELD, name.trim()),
    cipher.lookupHash(number.canonical),
    number.birthDate,
    number.coordinationNumber,
    userId,
  ];
}

/** The organisation through which the principal does this youth work (its first such membership). */
export function organisationFor(principal: Principal, permission: 'youth_case:create'): string {
  const [scope] = scopesFor(principal, permission);
  if (!scope) throw new ProblemException('access.permission_required', { permission });
  return scope.organisationId;
}
