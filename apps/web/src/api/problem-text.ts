import i18next from 'i18next';
import { formatDate, formatDateTime } from '../components/time';
import type { Problem } from './client';

/** The key of the general sentence for a code this client does not know. */
export const UNKNOWN = '_unknown';

/** One entry of a 400's `errors[]`. */
export type FieldProblem = NonNullable<Problem['errors']>[number];
type Params = Record<string, unknown>;

const english = () => i18next.language === 'en';

interface ErrorTexts {
  fieldsSv: Record<string, string>;
  fieldsEn: Record<string, string>;
  paramWordsSv: Record<string, Record<string, string>>;
  paramWordsEn: Record<string, Record<string, string>>;
}
/** Field labels and param words (locales/errors.ts), given once loaded (i18n.ts loadAllTexts: not part of the first load). */
let texts: ErrorTexts = { fieldsEn: {}, fieldsSv: {}, paramWordsEn: {}, paramWordsSv: {} };
export function provideErrorTexts(loaded: ErrorTexts): void {
  texts = loaded;
}
/** The texts live in their own i18next namespace, keyed by the code as it is (dots included). */
const asCode = { ns: 'apiErrors', keySeparator: false, nsSeparator: false } as const;
const lowerFirst = (text: string) => (/^[A-ZÅÄÖ][a-zåäö]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);

/** The label of an api field (`places[0].name` → "Namn"), for a sentence about it. */
export function fieldLabel(field: string): string {
  // A form's element id may carry a prefix (`consent-categories`); api field names have no dash.
  const name =
    field
      .replace(/\[\d+\]/g, '')
      .split('.')
      .pop()
      ?.split('-')
      .pop() ?? field;
  const labels = english() ? texts.fieldsEn : texts.fieldsSv;
  if (Object.hasOwn(labels, name)) return labels[name];
  return domLabel(field) ?? (english() ? 'The field' : 'Fältet');
}

/** The label a form shows for the input whose id is the api's field name, when there is one. */
function domLabel(field: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const element = document.getElementById(field);
  if (!element) return undefined;
  const text =
    (element as HTMLInputElement).labels?.[0]?.textContent ?? element.querySelector('legend')?.textContent ?? element.getAttribute('aria-label') ?? undefined;
  return text?.trim() || undefined;
}

/** A status code as the screens say it ("planned" → "planerad"), mid-sentence. */
const statusWord = (value: string) =>
  lowerFirst(i18next.t([`statuses.${value}`, `promiseVocab.promiseStatuses.${value}`, `promiseVocab.actionStatuses.${value}`], { defaultValue: value }));

/**
 * Params as words: codes the api sends (statuses, categories, parties, units) become labels,
 * times and dates are written the Swedish (or English) way, a field named in a param gets its
 * label. Lists are joined.
 */
function words(params: Params): Record<string, string | number> {
  const own = english() ? texts.paramWordsEn : texts.paramWordsSv;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      const items = name === 'units' ? value.map((u) => i18next.t(`operationsUnits.${String(u)}`, { defaultValue: String(u) })) : value.map(String);
      out[name] = items.join(english() ? ' or ' : ' eller ');
    } else if (typeof value === 'number') {
      out[name] = value;
    } else {
      const text = String(value);
      if (name === 'start' || name === 'end') out[name] = formatDateTime(text);
      else if (name === 'periodStart' || name === 'periodEnd' || name === 'adultOn' || name === 'dueOn') out[name] = formatDate(text);
      else if (name === 'status' || name === 'from' || name === 'to') out[name] = statusWord(text);
      else if (name === 'category') out[name] = lowerFirst(i18next.t(`youth.categories.${text}`, { defaultValue: text }));
      else if (name === 'other') out[name] = lowerFirst(fieldLabel(text));
      else if (Object.hasOwn(own, name)) out[name] = own[name][text] ?? text;
      else out[name] = text;
    }
  }
  return out;
}

function say(code: string, params: Params): string {
  if (!i18next.exists(code, asCode)) {
    // A code the texts lack is a defect to fix here; developers see it, users get the general sentence.
    // eslint-disable-next-line no-console
    if (import.meta.env.DEV) console.warn(`No text for the api's error code ${code}`, params);
    return i18next.t(UNKNOWN, { ...asCode, code });
  }
  return i18next.t(code, { ...asCode, ...words(params) });
}

/**
 * A field error in the reader's language, with the field's label in the sentence: the label the
 * form gives it, else the label of the api's field name.
 */
export function fieldErrorText(error: FieldProblem, label?: string): string {
  return say(error.code, { ...(error.params as Params), field: label ?? fieldLabel(error.field) });
}

/** A problem's top-level sentence in the reader's language (never the api's English `detail`). */
export function problemText(problem: Pick<Problem, 'code' | 'params'>): string {
  return say(problem.code, (problem.params ?? {}) as Params);
}
