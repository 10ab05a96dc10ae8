import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every value of every enum in the api's OpenAPI document has a Swedish and an English label in
 * the web client (apps/web/src/locales/enums.ts points at the label maps in each area's
 * messages.ts). The web's files are plain TS objects without a DOM; they are imported through a
 * computed path so that the api's tsc (nodenext, which wants `.js` suffixes the web does not use)
 * does not follow them, while ts-jest transpiles them as usual.
 */
type Labels = (m: unknown) => Record<string, string>;
interface EnumsModule {
  enumLabels: Record<string, Labels>;
  inlineEnumLabels: Record<string, Labels>;
  UNLABELLED: Record<string, string>;
  messagesByLanguage: Record<'sv' | 'en', unknown>;
}

/** Inline enums that need no words, with why; named ones live in enums.ts (UNLABELLED). */
const INLINE_UNLABELLED: Record<string, string> = {
  'LivenessView.status': 'health check answer, not shown',
  'ReadinessView.status': 'health check answer, not shown',
  'WorkerPingView.status': 'health check answer, not shown',
  'TokenResponse.tokenType': 'OAuth token type, not shown',
  'GET /api/v1/promises/{id}/follow-up-report?format': 'file format chosen by the download links, which say it in words',
  'GET /api/v1/supervision/statistics?format': 'file format chosen by the download links, which say it in words',
  'PublicPromiseTargetView.per': 'already Swedish words on the Swedish-only public page, which turns them into sentences',
  'FieldError.code': 'error codes: translated by the error texts of the web client, checked by their own test',
  'Problem.code': 'error codes: translated by the error texts of the web client, checked by their own test',
};

interface Found {
  key: string;
  values: (string | number)[];
}

function collectEnums(doc: { components: { schemas: Record<string, Schema> }; paths: Record<string, Record<string, Operation>> }) {
  const named: Found[] = [];
  const inline: Found[] = [];
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    if (schema.enum) named.push({ key: name, values: schema.enum });
    for (const [property, sub] of Object.entries(schema.properties ?? {})) {
      const e = sub.enum ?? sub.items?.enum;
      if (e) inline.push({ key: `${name}.${property}`, values: e });
    }
  }
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      for (const parameter of operation.parameters ?? []) {
        const e = parameter.schema?.enum ?? parameter.schema?.items?.enum;
        if (e) inline.push({ key: `${method.toUpperCase()} ${path}?${parameter.name}`, values: e });
      }
    }
  }
  return { named, inline };
}
interface Schema {
  enum?: (string | number)[];
  items?: Schema;
  properties?: Record<string, Schema>;
}
interface Operation {
  parameters?: { name: string; schema?: Schema }[];
}

describe('web labels for the api enums', () => {
  const doc = JSON.parse(readFileSync(join(process.cwd(), 'apps/web/src/api/openapi.json'), 'utf8'));
  const { named, inline } = collectEnums(doc);
  const load = async (): Promise<EnumsModule> => {
    const path = '../../web/src/locales/enums';
    return (await import(path)) as EnumsModule;
  };

  it('finds the enums of the OpenAPI document', () => {
    expect(named.length).toBeGreaterThanOrEqual(55);
    expect(named.map((e) => e.key)).toEqual(expect.arrayContaining(['PremisesKind', 'RoleName', 'YouthDisclosureGround']));
    expect(inline.map((e) => e.key)).toEqual(expect.arrayContaining(['TipRequest.source', 'GET /api/v1/deadlines?scope']));
  });

  it('has a Swedish and an English label for every value', async () => {
    const { enumLabels, inlineEnumLabels, UNLABELLED, messagesByLanguage } = await load();
    const missing: string[] = [];
    const check = (found: Found, labels: Labels | undefined) => {
      if (!labels) return missing.push(`${found.key}: no label map`);
      for (const language of ['sv', 'en'] as const) {
        const map = labels(messagesByLanguage[language]) ?? {};
        for (const value of found.values) {
          const label = map[String(value)];
          // A label is words: not empty, and not a code such as `event_venue` or `youth_case:read`.
          if (typeof label !== 'string' || label.trim() === '' || /^[a-z0-9]+([_:.][a-z0-9]+)+$/.test(label))
            missing.push(`${found.key}.${value} (${language})`);
        }
      }
    };
    for (const found of named) if (!(found.key in UNLABELLED)) check(found, enumLabels[found.key]);
    for (const found of inline) if (!(found.key in INLINE_UNLABELLED)) check(found, inlineEnumLabels[found.key]);
    expect(missing).toEqual([]);
  });

  it('says Swedish words in Swedish and English ones in English', async () => {
    const { enumLabels, messagesByLanguage } = await load();
    expect(enumLabels.PremisesKind(messagesByLanguage.sv).nightclub).toBe('Nattklubb');
    expect(enumLabels.PremisesKind(messagesByLanguage.en).nightclub).toBe('Nightclub');
    expect(enumLabels.RoleName(messagesByLanguage.sv).social_worker).toBe('Socialsekreterare');
    expect(enumLabels.RoleName(messagesByLanguage.en).social_worker).toBe('Social worker');
  });

  it('keeps its allow-lists to enums the document still has', async () => {
    const { UNLABELLED } = await load();
    const names = new Set([...named, ...inline].map((e) => e.key));
    expect([...Object.keys(UNLABELLED), ...Object.keys(INLINE_UNLABELLED)].filter((k) => !names.has(k))).toEqual([]);
  });
});
