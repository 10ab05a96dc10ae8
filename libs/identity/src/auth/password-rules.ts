import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/**
 * What a new password must not be, beyond its length (MIN_PASSWORD_LENGTH, checked on the
 * request). NIST SP 800-63B §3.1.1.2 and OWASP ASVS 4.0 V2.1.7: refuse passwords that are
 * commonly used, expected or compromised — dictionary words, repetitive or sequential characters
 * ('aaaaaa', '1234abcd'), context-specific words such as the user's name or the service's — and
 * tell the user why. Length alone let `aaaaaaaaaaaa`, twelve spaces, the published demo password
 * and the user's own e-mail address through (#15).
 *
 * Applies where a password is set or changed through the api; the demo users are seeded directly.
 */
export type PasswordProblem = 'too_simple' | 'too_common' | 'contains_personal_data';

/** Whose password it is: their name and address must not be what the password is built from. */
export interface PasswordOwner {
  email: string;
  displayName: string;
}

/** Passwords printed in this project's README and seed: known to anyone who reads them. */
export const PUBLISHED_PASSWORDS: readonly string[] = ['Samverkan-demo-2026'];

/** Least zxcvbn score accepted: 3 = at least 10^8 guesses (zxcvbn's "safely unguessable" for online attacks). */
export const MIN_PASSWORD_SCORE = 3;

/** Fewer distinct characters than this is a repeat whatever the order ('abababababab'). */
const MIN_DISTINCT_CHARACTERS = 5;

/** What is left once the owner's name and address are taken out must be at least this long. */
const MIN_REMAINDER_BEYOND_PERSONAL_DATA = 8;

/**
 * Words Swedish users build passwords from, which the common (mostly English) lists lack, and the
 * names of this service and its first collaboration. Folded: lower case, no diacritics.
 */
const SWEDISH_AND_CONTEXT_WORDS = `
  losenord hemligt hemlig sommar vinter hosten varen hejsan hejhej tjenare valkommen sverige svenska
  stockholm goteborg malmo karlstad hammaro varmland fotboll hockey hammarby djurgarden blomma karlek
  alskling mamma pappa katten hunden choklad kaffe midsommar julafton polisen kommunen kommun
  samverkan medborgarlofte socialtjansten trygghet demo`
  .trim()
  .split(/\s+/);

/** Lower case without diacritics, so 'Hammarö' and 'hammaro' are one word. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

let estimator: ZxcvbnFactory | undefined;

/** zxcvbn with the common password lists and keyboard layouts, built once (about 40 ms). */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, 'sv-common': SWEDISH_AND_CONTEXT_WORDS },
    graphs: common.adjacencyGraphs,
  });
  return estimator;
}

/** Why this password may not be set for this owner, or undefined when it may. */
export function passwordProblem(password: string, owner: PasswordOwner, alsoPublished: readonly string[] = []): PasswordProblem | undefined {
  const folded = fold(password);
  if (isTrivial(folded)) return 'too_simple';
  if ([...PUBLISHED_PASSWORDS, ...alsoPublished].some((published) => fold(published) === folded)) return 'too_common';
  const personal = personalWords(owner);
  if (isBuiltFrom(folded, personal)) return 'contains_personal_data';

  // Without diacritics, so 'Lösenord' is found as the common word it is; case is kept.
  const result = zxcvbn().check(password.normalize('NFKD').replace(/\p{M}/gu, ''), personal);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const matches = result.sequence as MatchExtended[];
  if (matches.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs')) return 'contains_personal_data';
  // Nothing but repeats, runs and keyboard walks: simple rather than common.
  if (matches.every((m) => ['repeat', 'sequence', 'spatial', 'separator'].includes(m.pattern))) return 'too_simple';
  return 'too_common';
}

/** Whitespace only, few distinct characters, one unit repeated, or one run ('123456789012', 'lkjihgfedcba'). */
function isTrivial(folded: string): boolean {
  if (folded.trim() === '') return true;
  const characters = [...folded];
  if (new Set(characters).size < MIN_DISTINCT_CHARACTERS) return true;
  if (/^(.+?)\1+$/su.test(folded)) return true;
  return isRun(characters);
}

const ALPHABETS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz'];

/** Every character the next (or previous) of the one before, in one alphabet, wrapping (…8, 9, 0, 1…). */
function isRun(characters: string[]): boolean {
  const alphabet = ALPHABETS.find((letters) => characters.every((c) => letters.includes(c)));
  if (!alphabet) return false;
  const step = (i: number) => (alphabet.indexOf(characters[i]) - alphabet.indexOf(characters[i - 1]) + alphabet.length) % alphabet.length;
  const first = step(1);
  return (first === 1 || first === alphabet.length - 1) && characters.every((_, i) => i === 0 || step(i) === first);
}

/**
 * The owner's words: the address, its local part and the parts of both (without the top-level
 * domain), and each part of the name; folded, three characters or more, longest first.
 */
export function personalWords(owner: PasswordOwner): string[] {
  const email = fold(owner.email.trim());
  const [local = '', domain = ''] = email.split('@');
  const parts = (text: string) => text.split(/[^\p{L}\p{N}]+/u);
  const words = [email, local, ...parts(local), ...parts(domain).slice(0, -1), ...parts(fold(owner.displayName))];
  return [...new Set(words.filter((word) => word.length >= 3))].sort((a, b) => b.length - a.length);
}

/** The password is the owner's words with little else: digits, separators or a few letters added. */
function isBuiltFrom(folded: string, words: string[]): boolean {
  let rest = folded;
  for (const word of words) rest = rest.split(word).join(' ');
  if (rest === folded) return false;
  return rest.replace(/[^\p{L}\p{N}]/gu, '').length < MIN_REMAINDER_BEYOND_PERSONAL_DATA;
}
