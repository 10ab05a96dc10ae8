import { describe, expect, it } from '@jest/globals';
import { ERROR_CODES } from '@samverkan/platform';
import { errorsEn, errorsSv } from '../../web/src/locales/errors.js';

/**
 * The web client says every error code of the api's catalogue in Swedish and English, from the
 * code and its params, and never shows the api's English (issue #16). A code added to the
 * catalogue without its texts, a text that names a param its code does not carry (it would show
 * as `{{param}}` on a screen), or a text left for a code that is gone fails here.
 */
const LANGUAGES = { sv: errorsSv, en: errorsEn };
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);

describe('the web client’s texts for the api’s error codes', () => {
  const codes = Object.keys(ERROR_CODES) as (keyof typeof ERROR_CODES)[];

  it.each(Object.entries(LANGUAGES))('has a %s text for every code', (_language, texts) => {
    expect(codes.filter((code) => !texts[code]?.trim())).toEqual([]);
  });

  it.each(Object.entries(LANGUAGES))('names in %s only the params a code carries (and `field` for field codes)', (_language, texts) => {
    const undeclared = codes.flatMap((code) => {
      const spec = ERROR_CODES[code];
      const allowed = new Set([...Object.keys(spec.params), ...(spec.kind === 'field' ? ['field'] : [])]);
      return placeholders(texts[code] ?? '')
        .filter((name) => !allowed.has(name))
        .map((name) => `${code}: {{${name}}}`);
    });
    expect(undeclared).toEqual([]);
  });

  it.each(Object.entries(LANGUAGES))('keeps no %s text for a code the catalogue no longer has', (_language, texts) => {
    expect(Object.keys(texts).filter((code) => !Object.hasOwn(ERROR_CODES, code))).toEqual([]);
  });

  it('writes placeholders the i18next way, never the api’s single braces', () => {
    const single = Object.entries({ ...LANGUAGES }).flatMap(([language, texts]) =>
      Object.entries(texts)
        .filter(([, text]) => /(^|[^{])\{\w+\}(?!\})/.test(text))
        .map(([code]) => `${language} ${code}`),
    );
    expect(single).toEqual([]);
  });
});
