/**
 * The rules of Alkohollagen (2010:1622) the licence register enforces, in one place.
 */

/** A Swedish organisation number (or, for a sole trader, personal identity number): NNNNNN-NNNN with a Luhn check digit. */
export function isValidOrgNumber(value: string): boolean {
  const match = /^(\d{6})-?(\d{4})$/.exec(value.trim());
  if (!match) return false;
  const digits = `${match[1]}${match[2]}`;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** "5566778899" or "556677-8899" → "556677-8899". */
export function normaliseOrgNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

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
/** Where on the premises a licence lets drinks be served. */
export const SERVING_AREA_KINDS = ['indoor', 'outdoor'] as const;
