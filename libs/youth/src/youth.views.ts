import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ROLE_NAMES, type RoleName } from '@samverkan/access';
import { YOUTH_ENUM } from './youth.enums.js';
import type {
  CaseForm,
  CaseStatus,
  ConsentState,
  DisclosureGround,
  EntryKind,
  EntryVisibility,
  InformationCategory,
  MeetingKind,
  ParticipantRole,
  PlanItemStatus,
  RetentionClass,
  RiskFactor,
  SignerRole,
} from './youth-rules.js';

/**
 * What the youth routes answer: one class per shape, so the services' return types and the
 * OpenAPI document (and the web client's types generated from it) are the same thing. The
 * vocabularies are named enums over the lib's own arrays in youth-rules.ts (youth.enums.ts).
 *
 * Personal numbers: every answer shows them masked (YYYYMMDD-****) except the reveal route
 * (`POST /youth-subjects/{id}/reveal`, with a reason on record) and the register extract the
 * young person is entitled to (GDPR art. 15).
 */

const MASKED_NUMBER =
  'Personnummer or samordningsnummer, always masked (YYYYMMDD-****): the full number only through the reveal route (with a reason on record) and in the register extract';

const { form: FORM, status: STATUS, category: CATEGORY, riskFactor: RISK_FACTOR, ground: GROUND, signerRole: SIGNER_ROLE } = YOUTH_ENUM;
const { entryKind: ENTRY_KIND, visibility: VISIBILITY, planItemStatus: PLAN_STATUS, meetingKind: MEETING_KIND } = YOUTH_ENUM;

const DATE = { type: String, format: 'date' } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;
const UUID = { type: String, format: 'uuid' } as const;

// ---- small parts ------------------------------------------------------------------------------

export class YouthNamedRefView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty() name!: string;
}

export class YouthCategoryView {
  @ApiProperty(CATEGORY) key!: InformationCategory;
  @ApiProperty({ description: 'The category in words (Swedish, English in brackets)' }) label!: string;
}

export class YouthRiskFactorView {
  @ApiProperty(RISK_FACTOR) key!: RiskFactor;
  @ApiProperty() label!: string;
}

export class YouthCoordinatorView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ type: String, nullable: true }) displayName!: string | null;
}

/** What the reader sees of the case: everything as its owner, else only the covered categories. */
export class YouthCaseAccessView {
  @ApiProperty({ description: 'true for the owning organisation; false for a recipient of a consent or disclosure' }) owner!: boolean;
  @ApiProperty({ type: [YouthCategoryView], description: 'The information categories the reader may see (all for the owner)' })
  categories!: YouthCategoryView[];
}

export class YouthParticipantView {
  @ApiProperty(UUID) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: 'The name of their organisation' }) organisation!: string;
  @ApiProperty(YOUTH_ENUM.participantRole) role!: ParticipantRole;
}

// ---- subjects ---------------------------------------------------------------------------------

/** A young person as every route but the reveal route and the register extract shows them. */
export class YouthSubjectView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ description: 'Decrypted for the answer; stored only encrypted' }) name!: string;
  @ApiProperty({ description: MASKED_NUMBER, example: '20080314-****' }) personalNumber!: string;
  @ApiProperty(DATE) birthDate!: string;
  @ApiProperty({ type: 'integer', description: 'Age today (Europe/Stockholm)' }) age!: number;
  @ApiProperty({ description: 'true for a samordningsnummer' }) coordinationNumber!: boolean;
  @ApiProperty(UUID) ownerOrganisationId!: string;
}

export class YouthSubjectCaseView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ description: 'The case number people use (UÄ-…)' }) reference!: string;
  @ApiProperty(FORM) form!: CaseForm;
  @ApiProperty(STATUS) status!: CaseStatus;
  @ApiProperty({ description: 'The unit the case and its coordinator belong to' }) unitName!: string;
  @ApiProperty(DATE) openedOn!: string;
}

export class YouthSubjectDetailView extends YouthSubjectView {
  @ApiProperty({ type: [YouthSubjectCaseView], description: 'Their cases you may see, newest first' }) cases!: YouthSubjectCaseView[];
}

export class YouthSubjectSearchView {
  @ApiProperty({
    type: [YouthSubjectDetailView],
    description: 'The person with that number in your organisation(s): none or one (numbers masked), with their cases you may read (none hints at others)',
  })
  items!: YouthSubjectDetailView[];
}

/** The reveal route's answer: the one place the full number is shown on request (the reason is audited). */
export class YouthRevealedNumberView {
  @ApiProperty({
    description: 'The full personnummer or samordningsnummer (YYYYMMDD-NNNN), unmasked; the reason is kept in the audit trail',
    example: '20080314-2389',
  })
  personalNumber!: string;
}

// ---- cases ------------------------------------------------------------------------------------

export class YouthCaseListItemView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ description: 'The short reference people use for the case' }) reference!: string;
  @ApiProperty(FORM) form!: CaseForm;
  @ApiProperty(STATUS) status!: CaseStatus;
  @ApiProperty({ ...DATE, nullable: true }) reviewOn!: string | null;
  @ApiProperty(UUID) ownerOrganisationId!: string;
  @ApiProperty() ownerOrganisationName!: string;
  @ApiProperty({ ...UUID, nullable: true }) coordinatorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) coordinatorName!: string | null;
  @ApiProperty(DATE_TIME) openedAt!: Date;
  @ApiProperty(DATE_TIME) updatedAt!: Date;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: () => YouthSubjectView, nullable: true, description: 'Masked number; null once the case is purged' }) subject!: YouthSubjectView | null;
  @ApiProperty({
    ...DATE,
    nullable: true,
    description: 'While a report of concern waits for its förhandsbedömning: the day it is due (14 days after receipt, SoL 11 kap 1 a §)',
  })
  assessmentDueOn!: string | null;
}

/** One case as the reader may see it (owners all of it, recipients the covered categories). */
export class YouthCaseView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty(FORM) form!: CaseForm;
  @ApiProperty(STATUS) status!: CaseStatus;
  @ApiProperty({ type: () => YouthSubjectView, nullable: true, description: 'Masked number; null once the case is purged' }) subject!: YouthSubjectView | null;
  @ApiProperty({ type: () => YouthNamedRefView }) ownerOrganisation!: YouthNamedRefView;
  @ApiProperty({ type: () => YouthNamedRefView }) ownerUnit!: YouthNamedRefView;
  @ApiProperty({ type: () => YouthCoordinatorView, nullable: true }) coordinator!: YouthCoordinatorView | null;
  @ApiProperty({ type: [YouthRiskFactorView], description: 'Only those whose category the reader may see' }) riskFactors!: YouthRiskFactorView[];
  @ApiProperty({ ...DATE, nullable: true, description: 'The review date; null for recipients' }) reviewOn!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) closedOn!: string | null;
  @ApiPropertyOptional({ ...YOUTH_ENUM.retentionClass, description: 'Owners only' }) retentionClass?: RetentionClass;
  @ApiPropertyOptional({ ...DATE, nullable: true, description: 'Owners only: when retention (gallring) purges the closed case; null while open or if kept' })
  purgeOn?: string | null;
  @ApiProperty({ ...STATUS, isArray: true, description: 'Where the case may go from here (closing needs youth_case:close); empty for recipients' })
  nextStatuses!: CaseStatus[];
  @ApiProperty({ type: [YouthParticipantView] }) participants!: YouthParticipantView[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Owners only: why this case was opened although the young person had an open case of the same form',
  })
  duplicateReason?: string | null;
  @ApiProperty({ type: () => YouthCaseAccessView }) access!: YouthCaseAccessView;
  @ApiProperty({ type: 'integer', description: 'Send it back as If-Match (also in the ETag header)' }) version!: number;
}

/** What the police officer gets for a report of concern: a receipt, never the case. */
export class YouthConcernReceiptView {
  @ApiProperty() caseReference!: string;
  @ApiProperty({ description: 'The municipality whose social services received it' }) receivedBy!: string;
  @ApiProperty(DATE_TIME) receivedAt!: Date;
}

// ---- consents and disclosures -----------------------------------------------------------------

export class YouthSignerView {
  @ApiProperty() name!: string;
  @ApiProperty(SIGNER_ROLE) role!: SignerRole;
}

export class YouthConsentView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ type: [YouthSignerView] }) signers!: YouthSignerView[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'The organisations information may be shared with' }) organisationIds!: string[];
  @ApiProperty({ ...CATEGORY, isArray: true, description: 'Always with basic' }) categories!: InformationCategory[];
  @ApiProperty(DATE) signedOn!: string;
  @ApiProperty(DATE) validFrom!: string;
  @ApiProperty({ ...DATE, description: 'The last day it applies' }) validUntil!: string;
  @ApiProperty({ ...DATE_TIME, nullable: true }) withdrawnAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) withdrawalReason!: string | null;
  @ApiProperty(UUID) recordedBy!: string;
  @ApiProperty(DATE_TIME) recordedAt!: Date;
  @ApiProperty({ ...YOUTH_ENUM.consentState, description: 'Today (Europe/Stockholm); withdrawn wins' }) state!: ConsentState;
}

/** OSL 10 kap 18 a §: the three conditions the decision-maker attested. */
export class OslCriteriaView {
  @ApiProperty() riskOfCriminality!: boolean;
  @ApiProperty() helpsPrevent!: boolean;
  @ApiProperty() noConflictWithMeasures!: boolean;
}

export class YouthDisclosureView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(GROUND) ground!: DisclosureGround;
  @ApiProperty(UUID) fromOrganisationId!: string;
  @ApiProperty({ description: 'Its name' }) fromOrganisation!: string;
  @ApiProperty(UUID) toOrganisationId!: string;
  @ApiProperty({ description: 'Its name' }) toOrganisation!: string;
  @ApiProperty({ ...CATEGORY, isArray: true }) categories!: InformationCategory[];
  @ApiProperty() justification!: string;
  @ApiProperty({ type: () => OslCriteriaView, nullable: true, description: 'Under OSL 10 kap 18 a §' }) criteria!: OslCriteriaView | null;
  @ApiProperty({ ...UUID, nullable: true, description: 'The consent it rests on (ground consent)' }) consentId!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true, description: 'Until when the recipient can read what was disclosed; null for a report of concern' })
  accessUntil!: Date | null;
  @ApiProperty(UUID) decidedBy!: string;
  @ApiProperty() decidedByName!: string;
  @ApiProperty(DATE_TIME) decidedAt!: Date;
}

// ---- entries, plan, meetings ------------------------------------------------------------------

export class YouthEntryView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(ENTRY_KIND) kind!: EntryKind;
  @ApiProperty(CATEGORY) category!: InformationCategory;
  @ApiProperty({ ...VISIBILITY, description: 'owner: only the owning organisation; shared: also those the sharing covers' }) visibility!: EntryVisibility;
  @ApiProperty(DATE) occurredOn!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ ...UUID, nullable: true }) authorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty(DATE_TIME) createdAt!: Date;
}

export class YouthPlanItemView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty() goal!: string;
  @ApiProperty() task!: string;
  @ApiProperty({ ...UUID, nullable: true }) ownerUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerName!: string | null;
  @ApiProperty({ description: 'Who does it, in words (empty when a user is named)' }) ownerDescription!: string;
  @ApiProperty(DATE) dueOn!: string;
  @ApiProperty(PLAN_STATUS) status!: PlanItemStatus;
  @ApiProperty({ type: 'integer', description: 'Send it back as If-Match' }) version!: number;
}

export class YouthMeetingView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(MEETING_KIND) kind!: MeetingKind;
  @ApiProperty(DATE_TIME) plannedAt!: Date;
  @ApiProperty() attendees!: string;
  @ApiProperty({ ...DATE, nullable: true, description: 'Set when the minutes are recorded' }) heldOn!: string | null;
  @ApiProperty({ ...UUID, nullable: true, description: 'The entry holding the minutes' }) minutesEntryId!: string | null;
  @ApiProperty({ type: 'integer' }) version!: number;
}

// ---- oversight --------------------------------------------------------------------------------

/** One event of the case's access log: who (user, unit, organisation) did what, when. */
export class YouthAccessLogEventView {
  @ApiProperty({ description: 'The audit event id (a number, as text)', example: '1042' }) id!: string;
  @ApiProperty(DATE_TIME) occurredAt!: Date;
  @ApiProperty({ example: 'youth_case.read' }) action!: string;
  @ApiProperty({ description: 'success, failure or denied' }) outcome!: string;
  @ApiProperty({ ...UUID, nullable: true }) actorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorUnit!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorOrganisation!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What the event recorded (ids, categories, reasons); never the text of an entry',
  })
  details!: Record<string, unknown> | null;
}

export class YouthStatisticsCellView {
  @ApiProperty({ description: 'The group: a form, status, age band (under_12, 12_14, 15_17, 18_20, 21_plus, unknown), risk factor or ground' }) key!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null when suppressed' }) count!: number | null;
  @ApiProperty({ description: 'Hidden: fewer than five, or the next smallest beside a single hidden group' }) suppressed!: boolean;
}

export class YouthSuppressedCountView {
  @ApiProperty({ type: 'integer', nullable: true, description: 'null when suppressed' }) count!: number | null;
  @ApiProperty() suppressed!: boolean;
}

export class YouthStatisticsView {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer', description: 'Groups smaller than this are not shown' }) minimumGroupSize!: number;
  @ApiProperty({ type: () => YouthSuppressedCountView, description: 'Cases opened in the year' }) casesOpened!: YouthSuppressedCountView;
  @ApiProperty({ type: [YouthStatisticsCellView] }) byForm!: YouthStatisticsCellView[];
  @ApiProperty({ type: [YouthStatisticsCellView], description: 'By current status' }) byStatus!: YouthStatisticsCellView[];
  @ApiProperty({ type: [YouthStatisticsCellView], description: 'By age at the opening' }) byAgeBand!: YouthStatisticsCellView[];
  @ApiProperty({ type: [YouthStatisticsCellView] }) byRiskFactor!: YouthStatisticsCellView[];
  @ApiProperty({ type: [YouthStatisticsCellView], description: 'The year’s disclosures' }) disclosuresByGround!: YouthStatisticsCellView[];
}

// ---- register extract (GDPR art. 15) ----------------------------------------------------------

/** The young person in their own register extract: the one answer besides the reveal route with the full number. */
export class YouthExtractSubjectView extends OmitType(YouthSubjectView, ['personalNumber'] as const) {
  @ApiProperty({ description: 'The full number (YYYYMMDD-NNNN), unmasked: the extract is for the person it is about', example: '20080314-2389' })
  personalNumber!: string;
}

export class YouthExtractConsentView {
  @ApiProperty({ type: [YouthSignerView] }) signers!: YouthSignerView[];
  @ApiProperty({ ...CATEGORY, isArray: true }) categories!: InformationCategory[];
  @ApiProperty({ type: [String], format: 'uuid' }) organisationIds!: string[];
  @ApiProperty(DATE) signedOn!: string;
  @ApiProperty(DATE) validFrom!: string;
  @ApiProperty(DATE) validUntil!: string;
  @ApiProperty({ ...DATE_TIME, nullable: true }) withdrawnAt!: Date | null;
}

export class YouthExtractDisclosureView {
  @ApiProperty(GROUND) ground!: DisclosureGround;
  @ApiProperty({ description: 'The disclosing organisation' }) from!: string;
  @ApiProperty({ description: 'The receiving organisation' }) to!: string;
  @ApiProperty({ ...CATEGORY, isArray: true }) categories!: InformationCategory[];
  @ApiProperty() justification!: string;
  @ApiProperty({ type: () => OslCriteriaView, nullable: true }) criteria!: OslCriteriaView | null;
  @ApiProperty(DATE_TIME) decidedAt!: Date;
  @ApiProperty({ description: 'Who decided' }) decidedBy!: string;
}

export class YouthExtractEntryView {
  @ApiProperty(ENTRY_KIND) kind!: EntryKind;
  @ApiProperty(CATEGORY) category!: InformationCategory;
  @ApiProperty(DATE) occurredOn!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true }) author!: string | null;
}

export class YouthExtractPlanItemView {
  @ApiProperty() goal!: string;
  @ApiProperty() task!: string;
  @ApiProperty() ownerDescription!: string;
  @ApiProperty(DATE) dueOn!: string;
  @ApiProperty(PLAN_STATUS) status!: PlanItemStatus;
}

export class YouthExtractMeetingView {
  @ApiProperty(MEETING_KIND) kind!: MeetingKind;
  @ApiProperty(DATE_TIME) plannedAt!: Date;
  @ApiProperty() attendees!: string;
  @ApiProperty({ ...DATE, nullable: true }) heldOn!: string | null;
}

export class YouthExtractCaseView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty(FORM) form!: CaseForm;
  @ApiProperty(STATUS) status!: CaseStatus;
  @ApiProperty({ ...RISK_FACTOR, isArray: true }) riskFactors!: RiskFactor[];
  @ApiProperty(DATE) openedOn!: string;
  @ApiProperty({ ...DATE, nullable: true }) closedOn!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) purgeOn!: string | null;
  @ApiProperty(YOUTH_ENUM.retentionClass) retentionClass!: RetentionClass;
  @ApiProperty() ownerOrganisation!: string;
  @ApiProperty() ownerUnit!: string;
  @ApiProperty({ type: String, nullable: true }) coordinator!: string | null;
  @ApiProperty({ type: [YouthExtractConsentView] }) consents!: YouthExtractConsentView[];
  @ApiProperty({ type: [YouthExtractDisclosureView] }) disclosures!: YouthExtractDisclosureView[];
  @ApiProperty({ type: [YouthExtractEntryView] }) entries!: YouthExtractEntryView[];
  @ApiProperty({ type: [YouthExtractPlanItemView] }) planItems!: YouthExtractPlanItemView[];
  @ApiProperty({ type: [YouthExtractMeetingView] }) meetings!: YouthExtractMeetingView[];
}

/** Everything held about the young person and every disclosure of it (registerutdrag, GDPR art. 15). */
export class YouthRegisterExtractView {
  @ApiProperty(DATE_TIME) producedAt!: Date;
  @ApiProperty({ type: () => YouthExtractSubjectView }) subject!: YouthExtractSubjectView;
  @ApiProperty({ type: [YouthExtractCaseView] }) cases!: YouthExtractCaseView[];
}

// ---- caseload ---------------------------------------------------------------------------------

export class YouthStatusCountView {
  @ApiProperty(STATUS) status!: CaseStatus;
  @ApiProperty({ type: 'integer' }) count!: number;
}

/** One person of the unit and their open cases as coordinator, by status. */
export class YouthCaseloadRowView {
  @ApiProperty(UUID) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: [YouthStatusCountView], description: 'Only statuses with cases' }) byStatus!: YouthStatusCountView[];
}

/** A social-services unit's open cases per coordinator and status, counted in the database. */
export class YouthCaseloadView {
  @ApiProperty({ type: () => YouthNamedRefView }) unit!: YouthNamedRefView;
  @ApiProperty({ type: [YouthCaseloadRowView], description: 'Every case worker of the unit (with none too), then anyone else coordinating its cases; by name' })
  coordinators!: YouthCaseloadRowView[];
  @ApiProperty({ type: 'integer', description: 'Open cases without a coordinator' }) unassignedTotal!: number;
  @ApiProperty({ type: [YouthStatusCountView] }) unassigned!: YouthStatusCountView[];
  @ApiProperty({ type: 'integer', description: 'Reports of concern waiting for their förhandsbedömning' }) unassessedTotal!: number;
  @ApiProperty({ type: 'integer', description: 'Of those, past the 14 days (SoL 11 kap 1 a §)' }) unassessedOverdue!: number;
}

/** Someone working in the unit now, and their roles there: whom a case can be assigned to. */
export class YouthStaffMemberView {
  @ApiProperty(UUID) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLE_NAMES, enumName: 'RoleName', isArray: true }) roles!: RoleName[];
  @ApiProperty({ description: 'true if they may coordinate a case (a social worker or social services manager)' }) caseWorker!: boolean;
}

export class YouthStaffView {
  @ApiProperty({ type: () => YouthNamedRefView }) unit!: YouthNamedRefView;
  @ApiProperty({ type: [YouthStaffMemberView], description: 'Active members of the unit now, by name' }) members!: YouthStaffMemberView[];
}
