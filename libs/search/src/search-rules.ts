import type { Permission } from '@samverkan/access';
import { isValidOrgNumber, normaliseOrgNumber } from '@samverkan/platform';

/** The kinds of record the header search finds, in the order the answer groups them. */
export const SEARCH_KINDS = ['youth_case', 'premises', 'licence_holder', 'action', 'commitment', 'operation'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The permission without which a kind is not searched at all (and is absent from the answer). */
export const SEARCH_KIND_PERMISSIONS: Record<SearchKind, Permission> = {
  youth_case: 'youth_case:read',
  premises: 'premises:read',
  licence_holder: 'premises:read',
  action: 'promise:read',
  commitment: 'promise:read',
  operation: 'operation:read',
};

/** What a search box entry is, read before anything is looked up. */
export interface SearchTerm {
  /** The entry, trimmed: matched in part against names and titles. */
  text: string;
  /**
   * It looks like a personal identity or coordination number (folkbokföringslagen 18 §). Nothing
   * is looked up with it here: a person is found only through the youth-subject search, with a
   * reason that is audited (OSL 26 kap 1 §), and the number is not recorded by this search.
   */
  personalNumber: boolean;
  /** The hex digits of a youth case number (UÄ-1A2B3C4D), lower case; null if it is none. */
  caseNumber: string | null;
  /** An organisation number, normalised (NNNNNN-NNNN); null if it is none. */
  orgNumber: string | null;
}

const TWELVE_DIGITS = /^\d{8}[-+]?\d{4}$/;
const TEN_DIGITS = /^(\d{6})[-+]?(\d{4})$/;
const CASE_NUMBER = /^U[ÄA]-?([0-9a-f]{1,8})$/i;
const BARE_CASE_NUMBER = /^[0-9a-f]{8}$/i;

/**
 * Does a 10-digit number read as a person's (YYMMDD-NNNN, the day plus 60 for a coordination
 * number)? An organisation number has 20 or more in the month's place (Bolagsverket), so the two
 * do not overlap; a sole trader's organisation number is their personal number and is treated as one.
 */
function datePartOfPerson(sixDigits: string): boolean {
  const month = Number(sixDigits.slice(2, 4));
  const day = Number(sixDigits.slice(4, 6));
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

/** Reads a search box entry (already trimmed and 2–100 characters long). */
export function readSearchTerm(entry: string): SearchTerm {
  const text = entry.trim();
  const compact = text.replace(/\s+/g, '');
  const none = { text, personalNumber: false, caseNumber: null, orgNumber: null };
  if (TWELVE_DIGITS.test(compact)) return { ...none, personalNumber: true };
  const ten = TEN_DIGITS.exec(compact);
  if (ten && datePartOfPerson(ten[1])) return { ...none, personalNumber: true };
  if (ten && !compact.includes('+') && isValidOrgNumber(compact)) return { ...none, orgNumber: normaliseOrgNumber(compact) };
  const caseNumber = CASE_NUMBER.exec(compact)?.[1] ?? (BARE_CASE_NUMBER.test(compact) ? compact : null);
  return { ...none, caseNumber: caseNumber?.toLowerCase() ?? null };
}
