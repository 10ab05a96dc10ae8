import { ERROR_CODES } from '@samverkan/platform';

type Tree = { [key: string]: string | Tree };

/**
 * The web client's messages (plain TS objects). Imported through a computed path so the api's tsc
 * (nodenext, which wants `.js` suffixes the web does not use) does not follow them; ts-jest
 * transpiles them as usual.
 */
const LOCALES = '../../../web/src/locales/';
const { sv: SV_MESSAGES } = (await import(`${LOCALES}sv`)) as { sv: Tree };
const { en: EN_MESSAGES } = (await import(`${LOCALES}en`)) as { en: Tree };

/**
 * What a screen must not show in a language: in Swedish mode, English (the api's catalogue
 * messages, common English words) and raw codes (`snake_case`, `youth_case.read`); in English mode,
 * the web client's own Swedish labels. The demo data is Swedish and stays Swedish in both modes, so
 * the checks look for what the app itself says, never for Swedish words as such.
 */

/**
 * Common English words that are not Swedish words (or are too rare in Swedish to appear on these
 * screens): whole words, any case. Swedish shares some spellings ("is", "be", "for", "must"), so
 * only words a Swedish sentence here would never hold are listed.
 */
export const ENGLISH_WORDS = [
  'the',
  'and',
  'must',
  'not',
  'of',
  'with',
  'should',
  'invalid',
  'required',
  'error',
  'please',
  'already',
  'booked',
  'valid',
  'date',
  'is',
  'are',
  'was',
  'this',
  'that',
  'which',
  'need',
  'needs',
  'cannot',
  'may',
  'only',
  'after',
  'before',
  'least',
  'elements',
  'contain',
  'field',
  'allowed',
  'permission',
  'found',
  'number',
  'empty',
  'attested',
  'request',
  'your',
  'you',
  'from',
  'has',
  'have',
  'been',
  'no',
  'yes',
  'save',
  'cancel',
  'loading',
  'search',
  'planned',
  'performed',
  'pending',
  'approved',
  'draft',
  'closed',
  'open',
  'active',
  'inactive',
  'unknown',
  // Single-word enum codes that are English words (snake_case ones are caught as codes).
  'nightclub',
  'other',
  'consent',
  'disclosure',
  'inspection',
  'premises',
  'licence',
  'meeting',
  'report',
  'case',
  'user',
  'role',
  'read',
  'create',
  'update',
  'delete',
  'submitted',
  'rejected',
  'cancelled',
  'completed',
  'withdrawn',
  'revoked',
  'expired',
  'overdue',
  'police',
  'municipality',
  'auditor',
  'officer',
  'worker',
  'true',
  'false',
  'null',
  'undefined',
];

const WORD_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}_])(${ENGLISH_WORDS.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');

/** The fixed parts of the api's English messages (between `{param}` placeholders) that are sentences, not single words. */
const CATALOGUE_PARTS: string[] = [
  ...new Set(
    Object.values(ERROR_CODES as Record<string, { en: string }>)
      .flatMap((spec) => spec.en.split(/\{\w+\}/))
      .map((part) => part.replace(/^[\s:;,.()–-]+|[\s:;,.()–-]+$/g, ''))
      .filter((part) => part.split(/\s+/).length >= 2 && part.length >= 8),
  ),
];

/** `snake_case` tokens (`event_venue`, `youth_case`), outside addresses and e-mail addresses. */
const SNAKE = /(?<![\p{L}\p{N}])[a-z]+_[a-z_]+(?![\p{L}\p{N}])/gu;
/** Dotted codes (`youth_case.read`, `field.required`); not abbreviations such as "t.ex." or "bl.a.". */
const DOTTED = /(?<![\p{L}\p{N}.])[a-z]{3,}(?:_[a-z]+)*\.[a-z_]{3,}(?![\p{L}\p{N}])/gu;

/** E-mail addresses and web addresses hold dots and underscores by nature: not codes. */
const stripAddresses = (text: string) => text.replace(/\S+@\S+/g, ' ').replace(/\bhttps?:\/\/\S+/g, ' ');

/** English or raw codes in a text shown in Swedish mode: each finding says what it is. */
export function englishIn(text: string): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  for (const part of CATALOGUE_PARTS) if (lower.includes(part.toLowerCase())) found.push(`api message: "${part}"`);
  const plain = stripAddresses(text);
  const words = new Set<string>();
  for (const m of plain.matchAll(WORD_PATTERN)) {
    // Each English word once, with where it first shows.
    if (words.has(m[0].toLowerCase())) continue;
    words.add(m[0].toLowerCase());
    found.push(`English word "${m[0]}" in "${around(plain, m.index)}"`);
  }
  for (const m of plain.matchAll(SNAKE)) found.push(`raw code "${m[0]}"`);
  for (const m of plain.matchAll(DOTTED)) found.push(`raw code "${m[0]}"`);
  return [...new Set(found)];
}

/** Every string of a message tree, by its dotted key. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

/**
 * The web client's own Swedish phrases (four words or more, sentence by sentence, between `{{param}}` placeholders) whose
 * English counterpart differs: any of them on an English screen is a label left untranslated.
 */
export const SWEDISH_PHRASES: string[] = (() => {
  const english = new Map(leaves(EN_MESSAGES));
  return [
    ...new Set(
      leaves(SV_MESSAGES)
        .filter(([key, value]) => english.get(key) !== value)
        .flatMap(([, value]) => value.split(/\{\{[^}]*\}\}|\n|(?<=[.!?])\s+/))
        .map((part) => part.trim().replace(/^[\s:;,.()–-]+|[\s:;,.()–-]+$/g, ''))
        .filter((part) => part.split(/\s+/).length >= 4),
    ),
  ];
})();

/** The app's Swedish phrases in a text shown in English mode. */
export function swedishIn(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  return SWEDISH_PHRASES.filter((phrase) => flat.includes(phrase)).map((phrase) => `Swedish label: "${phrase}"`);
}

function around(text: string, index = 0): string {
  return text
    .slice(Math.max(0, index - 30), index + 40)
    .replace(/\s+/g, ' ')
    .trim();
}
