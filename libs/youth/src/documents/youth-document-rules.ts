import { addDays, addMonths, type RegisterExtractOfficialMode } from '@samverkan/platform';
import { ageOn } from '../personal-number.js';
import { ADULT_AGE } from '../youth-rules.js';

/**
 * The pure parts of the youth documents (issue #21): who signs a consent form, how attendees and
 * officials are named, and which audit actions are reads. Unit-tested beside this file.
 */

export interface Official {
  name: string | null;
  unit: string | null;
  organisation: string | null;
}

/** An official as a document names them: "Sara Lindqvist, Socialtjänsten, Hammarö kommun", or without the name. */
/** `mode`: AppConfig REGISTER_EXTRACT_OFFICIALS. */
export function officialLabel(official: Official, mode: RegisterExtractOfficialMode): string {
  const where = [official.unit, official.organisation].filter((s): s is string => !!s && s.trim() !== '').join(', ');
  if (mode === 'name' && official.name) return where ? `${official.name}, ${where}` : official.name;
  return where || 'Handläggare';
}

/** SQL for an official's unit in their own organisation (the first membership), `alias` naming the users row. */
export function officialUnitSql(alias: string): string {
  return `(SELECT un.name FROM memberships ms JOIN units un ON un.id = ms.unit_id
    WHERE ms.user_id = ${alias}.id AND un.organisation_id = ${alias}.organisation_id ORDER BY ms.valid_from LIMIT 1)`;
}

/**
 * The signature lines of a consent form, by the young person's age on the day the form is made
 * (the rule consentErrors in youth-rules.ts enforces when the signed consent is recorded, DOMAIN.md §3):
 * under `ownConsentAge` the guardians (both, when they share custody); from that age the guardians
 * and the young person; from 18 only the young person.
 */
export function consentSignatureLines(youngPerson: string, birthDate: string, today: string, ownConsentAge: number): string[] {
  const age = ageOn(birthDate, today);
  if (age >= ADULT_AGE) return [`${youngPerson} (den unge)`];
  const guardians = ['Vårdnadshavare 1 – namnförtydligande', 'Vårdnadshavare 2 – namnförtydligande'];
  return age >= ownConsentAge ? [`${youngPerson} (den unge)`, ...guardians] : guardians;
}

/** The last day a consent signed by guardians can run: the day before the young person turns 18. */
export function guardianConsentEnds(birthDate: string): string {
  return addDays(addMonths(birthDate, 12 * ADULT_AGE), -1);
}

/**
 * Words that name a role at a meeting rather than a person. A meeting's attendees are written as
 * free text ("Vårdnadshavare, mentor, socialsekreterare, kontaktpolis"); documents show of them
 * only what names a role, so no private person is named by a document (GDPR art. 5.1 c).
 */
const ROLE_WORDS = new Set([
  'vårdnadshavare',
  'vårdnadshavarna',
  'förälder',
  'föräldrar',
  'föräldrarna',
  'mamma',
  'pappa',
  'mor',
  'far',
  'familjehem',
  'familjehemsförälder',
  'mentor',
  'mentorn',
  'lärare',
  'klasslärare',
  'rektor',
  'kurator',
  'skolkurator',
  'skolsköterska',
  'elevhälsan',
  'elevhälsa',
  'socialsekreterare',
  'socialsekreteraren',
  'handläggare',
  'samordnare',
  'enhetschef',
  'kontaktpolis',
  'polis',
  'polisen',
  'ungdomspolis',
  'fältassistent',
  'fältassistenter',
  'fritidsledare',
  'fritidsgården',
  'kontaktperson',
  'tolk',
  'ombud',
  'god',
  'man',
  'socialtjänsten',
  'skolan',
  'från',
  'med',
  'och',
  'den',
  'unge',
  'ungdomen',
  'eleven',
]);

/** The pieces of a free-text attendee list, as written. */
function attendeeParts(text: string): string[] {
  return text
    .split(/[,;\n]|\s+och\s+/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const words = (text: string) =>
  text
    .toLocaleLowerCase('sv')
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== '');

/**
 * A meeting's attendees by role only: a part made of role words stays as written; the young person
 * (by name) becomes "den unge"; anyone else named becomes `other`. Never a private name.
 */
export function attendeesByRole(text: string, youngPersonName: string | null, other = 'övrig deltagare'): string[] {
  const own = new Set(youngPersonName ? words(youngPersonName) : []);
  const result: string[] = [];
  for (const part of attendeeParts(text)) {
    const ws = words(part);
    let label: string;
    if (ws.length > 0 && ws.every((w) => ROLE_WORDS.has(w))) label = part;
    else if (ws.length > 0 && ws.every((w) => own.has(w))) label = 'den unge';
    else label = other;
    if (!result.includes(label)) result.push(label);
  }
  return result;
}

/** Audit actions that are reads of a record (the rest change it): a POSIX regular expression, for SQL (`~`) as for isReadAction. */
export const READ_ACTION_PATTERN = String.raw`(\.|_)(read|list|find|reveal|register_extract)$`;

/** Whether an action is a read. */
export function isReadAction(action: string): boolean {
  return new RegExp(READ_ACTION_PATTERN).test(action);
}

/**
 * A catalogue label "Svenska (English)" as a Swedish document shows it: without the English in the
 * last parentheses. A parenthesis that cites a law ("Orosanmälan (SoL 14 kap 1 §)") stays.
 */
export function swedish(label: string): string {
  return label.replace(/\s*\([^()§]*\)$/u, '').trim();
}
