import { addDays, addMonths, type FieldError, fieldError } from '@samverkan/platform';
import { ageOn } from './personal-number.js';
import type { YouthStatisticsCellView } from './youth.views.js';

/**
 * The rules of youth cases in one place: information categories, risk factors, case forms and
 * their age ranges, the status path, who signs a consent, what each legal ground of a disclosure
 * requires, and retention (gallring). DOMAIN.md §3.
 */

/**
 * What is shared is named by category. Offences are criminal-offence data (GDPR art. 10): they
 * need a statutory ground, never consent. `basic` (who the case is about, its form and status)
 * comes with any sharing: nothing else can be shared without it.
 */
export const INFORMATION_CATEGORIES = {
  basic: { label: 'Grunduppgifter – namn, födelsedatum, ärendets form och status (Basic details)', offenceData: false },
  family: { label: 'Familj och hemförhållanden (Family and home)', offenceData: false },
  school: { label: 'Skola och sysselsättning (School and occupation)', offenceData: false },
  leisure: { label: 'Fritid och umgänge (Leisure and peers)', offenceData: false },
  health: { label: 'Hälsa, alkohol och droger (Health and substance use)', offenceData: false },
  plan: { label: 'Plan och insatser (Plan and measures)', offenceData: false },
  offences: { label: 'Brott och misstankar om brott (Offences — GDPR art. 10)', offenceData: true },
} as const;
export type InformationCategory = keyof typeof INFORMATION_CATEGORIES;
export const CATEGORY_KEYS = Object.keys(INFORMATION_CATEGORIES) as InformationCategory[];

/** Risk factors of the coordinator's assessment; each belongs to the category it reveals. */
export const RISK_FACTORS = {
  truancy: { label: 'Skolfrånvaro (Truancy)', category: 'school' },
  school_failure: { label: 'Svaga skolresultat (School failure)', category: 'school' },
  family_conflict: { label: 'Konflikter i hemmet (Family conflict)', category: 'family' },
  violence_exposure: { label: 'Utsatt för våld (Exposed to violence)', category: 'family' },
  risky_peers: { label: 'Riskfyllt umgänge (Risky peers)', category: 'leisure' },
  risky_places: { label: 'Vistas i riskmiljöer (Risky places)', category: 'leisure' },
  alcohol: { label: 'Alkohol (Alcohol)', category: 'health' },
  drugs: { label: 'Narkotika (Drugs)', category: 'health' },
  mental_health: { label: 'Psykisk ohälsa (Mental health)', category: 'health' },
  crime: { label: 'Brottslighet (Crime)', category: 'offences' },
  weapons: { label: 'Vapen (Weapons)', category: 'offences' },
} as const satisfies Record<string, { label: string; category: InformationCategory }>;
export type RiskFactor = keyof typeof RISK_FACTORS;
export const RISK_FACTOR_KEYS = Object.keys(RISK_FACTORS) as RiskFactor[];

/** Forms of cooperation, with the ages they serve (configurable here per deployment). */
export const CASE_FORMS = {
  sspf: { label: 'SSPF – skola, socialtjänst, polis, fritid', minAge: 12, maxAge: 18, consentBased: true },
  sig: { label: 'SIG – sociala insatsgrupper', minAge: 15, maxAge: 25, consentBased: true },
  report_of_concern: { label: 'Orosanmälan (SoL 14 kap 1 §)', minAge: 0, maxAge: 17, consentBased: false },
  other: { label: 'Annan samverkan (Other)', minAge: 0, maxAge: 25, consentBased: false },
} as const;
export type CaseForm = keyof typeof CASE_FORMS;
export const CASE_FORM_KEYS = Object.keys(CASE_FORMS) as CaseForm[];

export const CASE_STATUSES = ['concern_raised', 'assessment', 'awaiting_consent', 'mapping', 'plan_active', 'follow_up', 'closed', 'purged'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Who is on a case: its coordinator (one, a social worker) and contact persons kept informed. */
export const PARTICIPANT_ROLES = ['coordinator', 'contact'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The case flow; any open case can be closed (by a manager); `purged` is reached only by retention. */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  concern_raised: ['assessment', 'closed'],
  assessment: ['awaiting_consent', 'mapping', 'closed'],
  awaiting_consent: ['mapping', 'closed'],
  mapping: ['plan_active', 'closed'],
  plan_active: ['follow_up', 'closed'],
  follow_up: ['plan_active', 'closed'],
  closed: [],
  purged: [],
};

/** In a consent-based form, the mapping with the other parties starts only under a valid consent. */
export function needsConsentToEnter(form: CaseForm, status: CaseStatus): boolean {
  return CASE_FORMS[form].consentBased && status === 'mapping';
}

/**
 * Whether a case may move from `from` to `to`: the flow allows the step, and a consent-based form
 * enters the mapping only under a valid consent (SSPF and SIG work on consent, DOMAIN.md §3).
 */
export function caseTransitionErrors(form: CaseForm, from: CaseStatus, to: CaseStatus, hasValidConsent: boolean): FieldError[] {
  if (!CASE_TRANSITIONS[from].includes(to)) return [fieldError('to', 'status.transition', { from, to })];
  if (needsConsentToEnter(form, to) && !hasValidConsent) return [fieldError('to', 'youth_case.consent_needed', { form: CASE_FORMS[form].label })];
  return [];
}

export function caseFormErrors(form: CaseForm, birthDate: string, today: string): FieldError[] {
  const age = ageOn(birthDate, today);
  const { minAge, maxAge, label } = CASE_FORMS[form];
  return age < minAge || age > maxAge ? [fieldError('form', 'youth_case.form_age', { form: label, minAge, maxAge, age })] : [];
}

// ---- opening a case: its first status, the förhandsbedömning, duplicates ------------------------

/** Who opens the case: social services themselves, or the police by a report of concern (SoL 14 kap 1 §). */
export const CASE_OPENERS = ['social_services', 'police_report'] as const;
export type CaseOpener = (typeof CASE_OPENERS)[number];

/**
 * Where a new case starts, by its form and who opens it:
 * - a report of concern — from the police (SoL 14 kap 1 §) or received by social services and
 *   registered by them — starts as `concern_raised`: it waits for the förhandsbedömning
 *   (SoL 11 kap 1 a §), the decision within 14 days whether to open an investigation;
 * - an SSPF or SIG case opened by social services starts where that work starts, the coordinator's
 *   assessment of the risk factors (the consent is asked for next, DOMAIN.md §3): nobody reported a
 *   concern to assess first;
 * - any other cooperation opened by social services starts in the assessment too.
 */
export function initialStatus(form: CaseForm, opener: CaseOpener): CaseStatus {
  if (opener === 'police_report' || form === 'report_of_concern') return 'concern_raised';
  return 'assessment';
}

/** SoL 11 kap 1 a §: within 14 days of receiving a report of concern, decide whether to investigate. */
export const PRELIMINARY_ASSESSMENT_DAYS = 14;

/** Whether a case in this status waits for its förhandsbedömning (SoL 11 kap 1 a §). */
export function awaitsPreliminaryAssessment(status: CaseStatus): boolean {
  return status === 'concern_raised';
}

/** The day the förhandsbedömning is due: 14 days after the report was received (Europe/Stockholm date). */
export function preliminaryAssessmentDueOn(receivedOn: string): string {
  return addDays(receivedOn, PRELIMINARY_ASSESSMENT_DAYS);
}

/** Statuses in which a case is still open (it counts as a duplicate, in the caseload). */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== 'closed' && s !== 'purged');

export function isOpenStatus(status: CaseStatus): boolean {
  return status !== 'closed' && status !== 'purged';
}

/** An open case of the same form for the same young person, and whether the one opening may read it. */
export interface ExistingCase {
  id: string;
  readable: boolean;
}

export type DuplicateDecision =
  /** Refuse (409) and point at the case the user may read. */
  | { refuse: true; caseId: string }
  /** Open: with the reason on record when it confirms readable duplicates; tell the owners of hidden ones. */
  | { refuse: false; confirmedCaseIds: string[]; hiddenCaseIds: string[] };

/**
 * A second open case of the same form for the same young person: refused with a link to the
 * existing case the user may read, unless they give a documented reason. A case they may not read
 * is never hinted at (OSL 26 kap 1 §, secrecy between units): the new case opens, and the existing
 * case's owners are told another case was opened (so the two can be joined up).
 */
export function duplicateDecision(existing: readonly ExistingCase[], duplicateReason: string | undefined): DuplicateDecision {
  const readable = existing.filter((c) => c.readable).map((c) => c.id);
  const hidden = existing.filter((c) => !c.readable).map((c) => c.id);
  if (readable.length > 0 && !duplicateReason?.trim()) return { refuse: true, caseId: readable[0] };
  return { refuse: false, confirmedCaseIds: readable, hiddenCaseIds: hidden };
}

/** Who may be a case's coordinator or contact person from the caseload: case workers of the case's own unit. */
export const CASE_WORKER_ROLES = ['social_worker', 'social_services_manager'] as const;

// ---- what is written in a case ------------------------------------------------------------

/** Journal notes, and the minutes of a held meeting. */
export const ENTRY_KINDS = ['journal', 'meeting_minutes'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
/** owner: only the owning organisation reads the entry; shared: also those the sharing covers. */
export const VISIBILITIES = ['owner', 'shared'] as const;
export type EntryVisibility = (typeof VISIBILITIES)[number];
export const PLAN_ITEM_STATUSES = ['open', 'done', 'cancelled'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];
export const MEETING_KINDS = ['network', 'follow_up'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

// ---- consent --------------------------------------------------------------------------------

export const SIGNER_ROLES = ['guardian', 'young_person'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];
export const ADULT_AGE = 18;

/** A consent today: not yet begun, in force, run out, or withdrawn (withdrawal wins). */
export const CONSENT_STATES = ['pending', 'valid', 'expired', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/**
 * Who must sign (DOMAIN.md §3): under `ownConsentAge` the guardians; from that age the guardians
 * and the young person; from 18 only the young person. A consent signed by guardians ends the day
 * before the young person turns 18.
 */
export function consentErrors(
  input: { signers: { role: SignerRole }[]; signedOn: string; validFrom: string; validUntil: string; categories: string[]; organisationIds: string[] },
  birthDate: string,
  ownConsentAge: number,
): FieldError[] {
  const errors: FieldError[] = [];
  const age = ageOn(birthDate, input.signedOn);
  const guardians = input.signers.filter((s) => s.role === 'guardian').length;
  const ownSignature = input.signers.some((s) => s.role === 'young_person');
  if (age >= ADULT_AGE && guardians > 0) {
    errors.push(fieldError('signers', 'consent.adult_signs_alone'));
  }
  if (age >= ADULT_AGE && !ownSignature) errors.push(fieldError('signers', 'consent.adult_must_sign'));
  if (age < ADULT_AGE && guardians === 0) errors.push(fieldError('signers', 'consent.guardian_must_sign'));
  if (age >= ownConsentAge && age < ADULT_AGE && !ownSignature) {
    errors.push(fieldError('signers', 'consent.young_person_must_sign', { age: ownConsentAge }));
  }
  if (input.validUntil <= input.validFrom) errors.push(fieldError('validUntil', 'date.after', { other: 'validFrom' }));
  if (input.validFrom < input.signedOn) errors.push(fieldError('validFrom', 'consent.before_signed'));
  const adult = addMonths(birthDate, 12 * ADULT_AGE);
  if (age < ADULT_AGE && guardians > 0 && input.validUntil >= adult) {
    errors.push(fieldError('validUntil', 'consent.guardians_until_adult', { adultOn: adult }));
  }
  const offence = input.categories.findIndex((c) => INFORMATION_CATEGORIES[c as InformationCategory]?.offenceData);
  if (offence >= 0) {
    errors.push(fieldError(`categories[${offence}]`, 'consent.offence_data'));
  }
  if (input.organisationIds.length === 0) errors.push(fieldError('organisationIds', 'consent.organisations_required'));
  return errors;
}

// ---- disclosure -----------------------------------------------------------------------------

export const DISCLOSURE_GROUNDS = {
  consent: 'Samtycke (Consent)',
  osl_10_18a: 'OSL 10 kap 18 a § – uppgift till polisen om person under 21 år',
  sol_14_1_report_of_concern: 'SoL 14 kap 1 § – orosanmälan från polisen',
} as const;
export type DisclosureGround = keyof typeof DISCLOSURE_GROUNDS;
export const DISCLOSURE_GROUND_KEYS = Object.keys(DISCLOSURE_GROUNDS) as DisclosureGround[];

/** OSL 10 kap 18 a §: social services may tell the police about someone under 21 only when all three hold. */
export const OSL_18A_CRITERIA = {
  riskOfCriminality: 'Särskilda omständigheter visar en risk för att personen kommer att utöva brottslig verksamhet',
  helpsPrevent: 'Uppgiften kan bidra till att förhindra den brottsliga verksamheten',
  noConflictWithMeasures: 'Utlämnandet står inte i strid med socialtjänstens egna åtgärder',
} as const;
export type Osl18aCriteria = Record<keyof typeof OSL_18A_CRITERIA, boolean>;
export const OSL_18A_MAX_AGE = 20;

/** How long a recipient can see what was disclosed, unless the disclosure says otherwise. */
export const DISCLOSURE_ACCESS_DAYS = 30;

export interface DisclosureFacts {
  ground: DisclosureGround;
  categories: string[];
  criteria?: Partial<Osl18aCriteria>;
  fromKind: string;
  toKind: string;
  fromIsOwner: boolean;
  toIsOwner: boolean;
  ageOnDisclosure: number;
  /** For the consent ground: the categories a valid consent covers for the recipient. */
  consentedCategories: string[] | null;
}

export function disclosureErrors(f: DisclosureFacts): FieldError[] {
  const errors: FieldError[] = [];
  switch (f.ground) {
    case 'consent': {
      if (!f.fromIsOwner) errors.push(fieldError('ground', 'disclosure.consent_owner_only'));
      const offence = f.categories.findIndex((c) => INFORMATION_CATEGORIES[c as InformationCategory]?.offenceData);
      if (offence >= 0) {
        errors.push(fieldError(`categories[${offence}]`, 'consent.offence_data'));
      }
      if (!f.consentedCategories) errors.push(fieldError('ground', 'disclosure.no_consent'));
      else {
        const outside = f.categories.findIndex((c) => !f.consentedCategories!.includes(c));
        if (outside >= 0) errors.push(fieldError(`categories[${outside}]`, 'disclosure.category_not_consented', { category: f.categories[outside] }));
      }
      break;
    }
    case 'osl_10_18a': {
      if (!f.fromIsOwner || f.fromKind !== 'municipality') errors.push(fieldError('ground', 'disclosure.osl_18a_social_services_only'));
      if (f.toKind !== 'police') errors.push(fieldError('toOrganisationId', 'disclosure.osl_18a_police_only'));
      if (f.ageOnDisclosure > OSL_18A_MAX_AGE) errors.push(fieldError('ground', 'disclosure.osl_18a_age', { underAge: OSL_18A_MAX_AGE + 1 }));
      for (const key of Object.keys(OSL_18A_CRITERIA) as (keyof Osl18aCriteria)[]) {
        if (f.criteria?.[key] !== true) errors.push(fieldError(`criteria.${key}`, 'disclosure.criterion_unattested', { criterion: OSL_18A_CRITERIA[key] }));
      }
      break;
    }
    case 'sol_14_1_report_of_concern':
      if (f.fromKind !== 'police' || !f.toIsOwner) errors.push(fieldError('ground', 'disclosure.concern_police_to_social_services'));
      break;
  }
  return errors;
}

// ---- retention (gallring) -------------------------------------------------------------------

/**
 * SoL 12 kap 1 §: social-services records are destroyed five years after the last entry, the
 * destruction completed in the following calendar year; SoL 12 kap 2 §: records about people
 * born on the 5th, 15th or 25th are kept for research.
 */
export const RETENTION_CLASSES = {
  sol_standard: { label: 'Gallras 5 år efter sista anteckningen (SoL 12 kap 1 §)', yearsAfterLastEntry: 5 },
  sol_research: { label: 'Bevaras för forskning – född den 5, 15 eller 25 (SoL 12 kap 2 §)', yearsAfterLastEntry: null },
} as const;
export type RetentionClass = keyof typeof RETENTION_CLASSES;
export const RETENTION_CLASS_KEYS = Object.keys(RETENTION_CLASSES) as RetentionClass[];

export function defaultRetentionClass(birthDate: string): RetentionClass {
  return ['05', '15', '25'].includes(birthDate.slice(8, 10)) ? 'sol_research' : 'sol_standard';
}

/** The day the case is purged: 1 January of the year after the retention period ends; null if kept. */
export function purgeOn(lastEntryOn: string, retentionClass: RetentionClass): string | null {
  const years = RETENTION_CLASSES[retentionClass].yearsAfterLastEntry;
  if (years === null) return null;
  return `${Number(lastEntryOn.slice(0, 4)) + years + 1}-01-01`;
}

/** Statistics never show groups smaller than this (a small group can point at a person). */
export const STATISTICS_MIN_GROUP = 5;

/**
 * Small-group suppression: counts of 1–4 are hidden. Where only one cell of a dimension would be
 * hidden, the next smallest is hidden too, so the total minus the others cannot reveal it.
 */
export function suppress(rows: { key: string; count: number }[]): YouthStatisticsCellView[] {
  const cells = rows
    .map((r) => ({ key: String(r.key), count: r.count, suppressed: r.count > 0 && r.count < STATISTICS_MIN_GROUP }))
    .sort((a, b) => a.key.localeCompare(b.key));
  if (cells.filter((c) => c.suppressed).length === 1) {
    const next = cells.filter((c) => !c.suppressed).sort((a, b) => a.count - b.count)[0];
    if (next) next.suppressed = true;
  }
  return cells.map((c) => (c.suppressed ? { key: c.key, count: null, suppressed: true } : c));
}
