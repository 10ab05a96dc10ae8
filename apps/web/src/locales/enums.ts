import { appealCourtValues, type components, type paths } from '../api/schema';
import { en } from './en';
import { sv, type Messages } from './sv';

/**
 * Where the words for each of the api's vocabularies live. Every value the api may send or accept
 * (the enums of its OpenAPI document) has a Swedish and an English label in the messages of its
 * area; this index points at them, so screens print words instead of codes and a test
 * (apps/api/test/web-enum-labels.spec.ts) can check the index against the OpenAPI document.
 *
 * Typed: a named enum schema of the api missing here, or a value missing from its label map, is a
 * compile error (`satisfies` below).
 */
type Schemas = components['schemas'];
type EnumName = { [K in keyof Schemas]: Schemas[K] extends string ? (string extends Schemas[K] ? never : K) : never }[keyof Schemas];
type Labels<E extends string | number> = (m: Messages) => Record<E, string>;
type Query<P extends keyof paths> = NonNullable<paths[P] extends { get: { parameters: { query?: infer Q } } } ? Q : never>;

/** Enums of the api that never reach a screen, with why. */
export const UNLABELLED = {
  DependencyStatus: 'health check answers (up/down) for monitoring, not shown in the client',
} as const;

export const enumLabels = {
  // Audit
  AuditOutcome: (m) => m.audit.outcomes,
  AuditArea: (m) => m.audit.areas,
  ChainBreakKind: (m) => m.audit.breakKinds,
  AnchorHeadState: (m) => m.audit.externalHead,
  VerificationKind: (m) => m.audit.verificationKinds,
  VerificationStatus: (m) => m.audit.verificationStatuses,
  // Identity and access
  RoleName: (m) => m.adminLabels.roles,
  OrganisationKind: (m) => m.adminRoles.kinds,
  // A court's name is a proper name, the same in Swedish and English: the value is its own label.
  AppealCourt: () => Object.fromEntries(appealCourtValues.map((court) => [court, court])) as Record<Schemas['AppealCourt'], string>,
  Scope: (m) => m.adminRoles.scopes,
  Permission: (m) => m.adminLabels.permissions,
  RestrictedArea: (m) => m.adminLabels.restrictedAreas,
  GrantAuthority: (m) => m.adminLabels.grantAuthorities,
  AuthMethod: (m) => m.adminLabels.authMethods,
  SecondFactor: (m) => m.account.secondFactors,
  InvitationState: (m) => m.account.invitationStates,
  IdentityMatchOn: (m) => m.adminIdp.matchOn,
  EmailMode: (m) => m.notifications.modes,
  // Promises
  PromiseStatus: (m) => m.promiseVocab.promiseStatuses,
  PromiseParty: (m) => m.promiseVocab.parties,
  TargetPeriod: (m) => m.promiseLabels.targetPeriods,
  FollowUpStatus: (m) => m.promiseFollowUps.statuses,
  FollowUpDecision: (m) => m.promiseVocab.decisions,
  ApprovalSide: (m) => m.promiseVocab.sides,
  FollowUpAssessment: (m) => m.promiseVocab.assessments,
  ReportBasis: (m) => m.promiseReport.basis,
  ActionStatus: (m) => m.promiseVocab.actionStatuses,
  ActionEventKind: (m) => m.promiseVocab.events,
  ActivityKind: (m) => m.promiseVocab.kinds,
  PlaceKind: (m) => m.promiseVocab.placeKinds,
  FindingStatus: (m) => m.promiseVocab.findingStatuses,
  FindingCategory: (m) => m.promiseVocab.findingCategories,
  // Deadlines and reminders
  DeadlineStatus: (m) => m.commonLabels.deadlineStatuses,
  WorkQueueState: (m) => m.workQueue.states,
  ReminderAnchor: (m) => m.adminRules.anchors,
  ReminderOffsetUnit: (m) => m.adminRules.units,
  ReminderRecipient: (m) => m.adminRules.recipients,
  // Inspections
  LicenceStatus: (m) => m.inspections.licence.statuses,
  PremisesKind: (m) => m.inspections.kinds,
  PremisesRiskFactor: (m) => m.inspections.risk.factors,
  LicenceType: (m) => m.inspections.licence.types,
  LicenceAudience: (m) => m.inspections.licence.audiences,
  DrinkCategory: (m) => m.inspections.licence.drinkCategories,
  ServingAreaKind: (m) => m.inspections.licence.areaKinds,
  InspectionType: (m) => m.inspections.types,
  InspectionStatus: (m) => m.statuses,
  FindingResult: (m) => m.inspections.results,
  FindingPhotoType: (m) => m.inspectionsLabels.photoTypes,
  // Attachments (issue #21)
  AttachmentRecordType: (m) => m.attachments.recordTypes,
  AttachmentContentType: (m) => m.attachments.types,
  // Documents (issue #21)
  DocumentKind: (m) => m.documents.kinds,
  DocumentRecordType: (m) => m.documents.recordTypes,
  DocumentStatus: (m) => m.documents.statuses,
  SanctionDecision: (m) => m.inspections.sanctions.decisions,
  ConsideredSanction: (m) => m.inspections.sanctions.decisions,
  LicenceDecisionKind: (m) => m.licensing.decisionKinds,
  LicenceTerm: (m) => m.licensing.termNames,
  RestaurantReportStatus: (m) => m.licensing.reports.statuses,
  SanctionStage: (m) => m.inspectionsCasework.stages,
  TipSource: (m) => m.inspectionsLabels.tipSources,
  TipOrigin: (m) => m.inspectionsCasework.origins,
  // Youth
  YouthCaseForm: (m) => m.youth.forms,
  YouthCaseStatus: (m) => m.statuses,
  YouthRiskFactor: (m) => m.youth.riskFactorLabels,
  YouthRetentionClass: (m) => m.youthLabels.retentionClasses,
  YouthSignerRole: (m) => m.consents.roles,
  YouthInformationCategory: (m) => m.youth.categories,
  YouthDisclosureGround: (m) => m.disclosures.grounds,
  YouthEntryKind: (m) => m.youthEntries.kinds,
  YouthPlanItemStatus: (m) => m.youthPlan.statuses,
  YouthMeetingKind: (m) => m.youthMeetings.kinds,
  YouthParticipantRole: (m) => m.youthParticipants.roles,
  YouthConsentState: (m) => m.consents.states,
  YouthEntryVisibility: (m) => m.youthEntries.visibilities,
  // Operations
  OperationStatus: (m) => m.statuses,
  Substance: (m) => m.operationsLabels.substances,
  SeizureUnit: (m) => m.operationsUnits,
  ParticipantType: (m) => m.operationsLabels.participantTypes,
  // The header search
  SearchKind: (m) => m.siteSearch.kinds,
  MapLayer: (m) => m.map.layers,
} satisfies { [K in Exclude<EnumName, keyof typeof UNLABELLED>]: Labels<Schemas[K]> };

/**
 * Enums written inline in a property or a query parameter, by `Schema.property` or
 * `GET /path?parameter`. The test lists the inline enums that need no words next to its allow-list.
 */
export const inlineEnumLabels = {
  'FollowUpView.half': (m) => m.promiseFollowUps.halves,
  'CreateFollowUpRequest.half': (m) => m.promiseFollowUps.halves,
  'TipRequest.source': (m) => m.inspectionsLabels.tipSources,
  'ReportOfConcernInput.category': (m) => m.youth.categories,
  'TransitionInput.to': (m) => m.statuses,
  'GET /api/v1/deadlines?scope': (m) => m.commonLabels.deadlineScopes,
  'GET /api/v1/sanction-cases?state': (m) => m.inspections.sanctions.states,
} satisfies {
  'FollowUpView.half': Labels<NonNullable<Schemas['FollowUpView']['half']>>;
  'CreateFollowUpRequest.half': Labels<NonNullable<Schemas['CreateFollowUpRequest']['half']>>;
  'TipRequest.source': Labels<NonNullable<Schemas['TipRequest']['source']>>;
  'ReportOfConcernInput.category': Labels<Schemas['ReportOfConcernInput']['category']>;
  'TransitionInput.to': Labels<Schemas['TransitionInput']['to']>;
  'GET /api/v1/deadlines?scope': Labels<NonNullable<Query<'/api/v1/deadlines'>['scope']>>;
  'GET /api/v1/sanction-cases?state': Labels<NonNullable<Query<'/api/v1/sanction-cases'>['state']>>;
};

export type LabelledEnum = keyof typeof enumLabels;
export const messagesByLanguage: Record<'sv' | 'en', Messages> = { sv, en };

/** The word for an api value in the given language (Swedish unless English is chosen). */
export function enumLabel<K extends LabelledEnum>(language: string, name: K, value: Schemas[K]): string {
  const labels: Record<string, string> = enumLabels[name](language === 'en' ? en : sv);
  return labels[value as string] ?? String(value);
}
