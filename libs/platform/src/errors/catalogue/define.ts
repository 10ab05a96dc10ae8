/**
 * The shape of the error-code catalogue. A code is stable: clients translate it (with its params)
 * and never show the api's English text to a Swedish user. Add codes, never rename one.
 */

/** Values a code's params may carry: what a client needs to say the message in its own language. */
export type ErrorParams = Record<string, string | number | boolean | null | readonly (string | number)[]>;

export interface ProblemCodeSpec {
  kind: 'problem';
  /** The HTTP status every problem with this code has. */
  status: number;
  /** English text with `{param}` placeholders; the problem's `detail`. */
  en: string;
  /** The params the problem carries: name → what it holds. */
  params: Readonly<Record<string, string>>;
}

export interface FieldCodeSpec {
  kind: 'field';
  /** English text with `{field}` and `{param}` placeholders; the field error's `message`. */
  en: string;
  params: Readonly<Record<string, string>>;
}

export type CodeSpec = ProblemCodeSpec | FieldCodeSpec;

/** A top-level refusal: `{ type, status, code, params, detail }`. */
export const problem = <const P extends Record<string, string> = Record<never, string>>(status: number, en: string, params?: P) =>
  ({ kind: 'problem', status, en, params: params ?? ({} as P) }) as const;

/** One entry of a 400's `errors[]`: `{ field, code, params, message }`. */
export const field = <const P extends Record<string, string> = Record<never, string>>(en: string, params?: P) =>
  ({ kind: 'field', en, params: params ?? ({} as P) }) as const;

/** `{name}` placeholders filled from params (lists joined with commas); unknown names stay as they are. */
export function interpolate(text: string, params: ErrorParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}
