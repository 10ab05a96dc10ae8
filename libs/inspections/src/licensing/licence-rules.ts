/**
 * The rules of Alkohollagen (2010:1622) the licence register enforces, in one place. Pure: the
 * services load what a rule needs, call it, and throw the field errors it returns.
 */
import type { PrincipalMembership } from '@samverkan/access';
import { type FieldError, fieldError } from '@samverkan/platform';

// Organisation numbers are checked the same way wherever they are entered (platform).
export { isValidOrgNumber, normaliseOrgNumber } from '@samverkan/platform';

/** AL 8 kap 14 §: serving managers must be at least 20 years old (on the day they are notified). */
export const MIN_SERVING_MANAGER_AGE = 20;

export function isOldEnough(birthDate: string, onDate: string, years = MIN_SERVING_MANAGER_AGE): boolean {
  const [y, m, d] = birthDate.split('-').map(Number);
  const turns = `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return turns <= onDate;
}

/** AL 8 kap 15 §: a permanent licence to the public requires the premises' own kitchen. */
export function kitchenRequired(type: string, audience: string): boolean {
  return type === 'permanent' && audience === 'public';
}

export const LICENCE_TYPES = ['permanent', 'temporary', 'catering', 'shared_serving_area'] as const;
export const AUDIENCES = ['public', 'private'] as const;
export const DRINK_CATEGORIES = ['spirits', 'wine', 'strong_beer', 'other_fermented'] as const;
export const LICENCE_STATUSES = ['active', 'suspended', 'revoked', 'surrendered', 'expired'] as const;
export const PREMISES_KINDS = ['restaurant', 'bar', 'nightclub', 'hotel', 'event_venue', 'pub', 'cafe', 'sports_venue', 'other'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Who a tip or complaint about premises came from (tips raise the risk score). */
export const TIP_SOURCES = ['public', 'police', 'municipality', 'other'] as const;
export type TipSource = (typeof TIP_SOURCES)[number];
/** Where on the premises a licence lets drinks be served. */
export const SERVING_AREA_KINDS = ['indoor', 'outdoor'] as const;

/** The municipality through which a licensing officer manages the register (AL 9 kap 2 §); null for anyone else. */
export function licensingMunicipality(memberships: readonly Pick<PrincipalMembership, 'organisationKind' | 'role' | 'organisationId'>[]): string | null {
  return memberships.find((m) => m.organisationKind === 'municipality' && m.role === 'licensing_officer')?.organisationId ?? null;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Serving hours: known weekdays, HH:MM times. */
export function servingHoursErrors(hours: Record<string, { from: string; to: string }> | undefined): FieldError[] {
  const errors: FieldError[] = [];
  for (const [day, span] of Object.entries(hours ?? {})) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) errors.push(fieldError(`servingHours.${day}`, 'licence.weekday'));
    else if (!span || !HH_MM.test(span.from) || !HH_MM.test(span.to)) {
      errors.push(fieldError(`servingHours.${day}`, 'licence.serving_hours'));
    }
  }
  return errors;
}

/**
 * AL 8 kap 14 §: a serving manager is someone notified to (known to) the municipality and at least
 * 20 on the day of notification; a notification cannot lie ahead of today (when `today` is given).
 */
export function servingManagerErrors(managers: readonly { birthDate: string; notifiedOn: string }[], today?: string): FieldError[] {
  return managers.flatMap((m, i) => [
    ...(isOldEnough(m.birthDate, m.notifiedOn)
      ? []
      : [fieldError(`servingManagers[${i}].birthDate`, 'licence.serving_manager_age', { minAge: MIN_SERVING_MANAGER_AGE })]),
    ...(today && m.notifiedOn > today ? [fieldError(`servingManagers[${i}].notifiedOn`, 'licence.serving_manager_not_notified')] : []),
  ]);
}

/** A licence ends no earlier than it starts. */
function periodErrors(validFrom: string, validUntil: string | undefined): FieldError[] {
  return validUntil && validUntil < validFrom ? [fieldError('validUntil', 'date.not_before', { other: 'validFrom' })] : [];
}

/** What a licence to be granted must satisfy (AL 8 kap), given the holder's and the premises' facts. */
export interface LicenceGrant {
  type: string;
  audience: string;
  validFrom: string;
  validUntil?: string;
  servingHours?: Record<string, { from: string; to: string }>;
  servingManagers: readonly { birthDate: string; notifiedOn: string }[];
}

/**
 * Granting a licence: the holder registered with the premises' municipality, an own kitchen for a
 * permanent licence to the public (8 kap 15 §), a period that ends after it starts, serving
 * managers at least 20 (8 kap 14 §) and well-formed serving hours.
 */
export function licenceGrantErrors(
  licence: LicenceGrant,
  facts: { holderOrganisationId: string; premisesOrganisationId: string; premisesHasOwnKitchen: boolean; today?: string },
): FieldError[] {
  const errors: FieldError[] = [];
  if (facts.holderOrganisationId !== facts.premisesOrganisationId) errors.push(fieldError('holderId', 'licence.holder_elsewhere'));
  if (kitchenRequired(licence.type, licence.audience) && !facts.premisesHasOwnKitchen) errors.push(fieldError('premisesId', 'licence.kitchen_required'));
  errors.push(...periodErrors(licence.validFrom, licence.validUntil));
  errors.push(...servingManagerErrors(licence.servingManagers, facts.today));
  errors.push(...servingHoursErrors(licence.servingHours));
  return errors;
}

/**
 * A change decision (ändringsbeslut) on a granted licence: well-formed serving hours, an end no
 * earlier than the start, and the kitchen rule again when the audience becomes public.
 */
export function licenceTermsErrors(
  licence: { type: string; validFrom: string },
  terms: { audience: string; validUntil?: string; servingHours?: Record<string, { from: string; to: string }> },
  premisesHasOwnKitchen: boolean,
): FieldError[] {
  const errors = [...servingHoursErrors(terms.servingHours), ...periodErrors(licence.validFrom, terms.validUntil)];
  if (kitchenRequired(licence.type, terms.audience) && !premisesHasOwnKitchen) errors.push(fieldError('audience', 'licence.kitchen_required'));
  return errors;
}

/**
 * Changing premises: they stay in their collaboration, and give up their own kitchen only while no
 * active licence needs it (AL 8 kap 15 §).
 */
export function premisesChangeErrors(
  before: { collaborationId: string },
  after: { collaborationId: string; hasOwnKitchen: boolean },
  activeLicences: readonly { type: string; audience: string }[],
): FieldError[] {
  if (after.collaborationId !== before.collaborationId) return [fieldError('collaborationId', 'premises.collaboration_fixed')];
  if (!after.hasOwnKitchen && activeLicences.some((l) => kitchenRequired(l.type, l.audience))) return [fieldError('hasOwnKitchen', 'premises.kitchen_needed')];
  return [];
}

/** A licensing officer suspends, surrenders or expires a licence; revocation is a sanction decision (AL 9 kap 18 §). */
export function licenceStatusErrors(status: string): FieldError[] {
  return status === 'revoked' ? [fieldError('status', 'licence.revoked_by_sanction_only')] : [];
}

/** Premises with licences or inspections are part of the supervision record: they stay, their licences end by status. */
export function premisesInUse(history: { licences: number; inspections: number }): boolean {
  return history.licences > 0 || history.inspections > 0;
}

/**
 * The decisions on a licence its history keeps: the grant, change decisions (ändringsbeslut),
 * new serving managers (8 kap 14 §), the status changes a licensing officer makes, and revocation
 * by a sanction decision (9 kap 18 §).
 */
export const LICENCE_DECISION_KINDS = [
  'granted',
  'terms_changed',
  'serving_managers_changed',
  'reinstated',
  'suspended',
  'surrendered',
  'expired',
  'revoked',
] as const;
export type LicenceDecisionKind = (typeof LICENCE_DECISION_KINDS)[number];

/** The terms a change decision may alter (named in the history's changed fields). */
export const LICENCE_TERMS = ['audience', 'drinkCategories', 'servingHours', 'servingAreas', 'conditions', 'validUntil'] as const;

/** The decision a status change is: back to active is a reinstatement; revoked only by sanction (refused before). */
export function decisionKindForStatus(status: (typeof LICENCE_STATUSES)[number]): LicenceDecisionKind {
  return status === 'active' ? 'reinstated' : status;
}
