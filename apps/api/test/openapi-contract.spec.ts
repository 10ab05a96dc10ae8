import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ERROR_CODES } from '@samverkan/platform';

/**
 * The OpenAPI document the web client's types are generated from (routes.e2e-spec keeps it equal
 * to what the api serves) declares what every route answers, so no client writes an answer's
 * type by hand.
 */
interface Operation {
  summary?: string;
  tags?: string[];
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
const document = JSON.parse(readFileSync('apps/web/src/api/openapi.json', 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }> };
};
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
);
const successes = (operation: Operation) => Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));

describe('the OpenAPI contract', () => {
  it('lists the routes', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it('declares a success answer for every operation', () => {
    expect(operations.filter(({ operation }) => successes(operation).length === 0).map(({ route }) => route)).toEqual([]);
  });

  it('gives every success answer a schema, except 204 which has no content', () => {
    const untyped = operations.flatMap(({ route, operation }) =>
      successes(operation)
        .filter(([status, answer]) => {
          if (status === '204') return answer.content !== undefined;
          const media = Object.values(answer.content ?? {});
          return media.length === 0 || media.some(({ schema }) => !schema || Object.keys(schema).length === 0);
        })
        .map(([status]) => `${route} ${status}`),
    );
    expect(untyped).toEqual([]);
  });

  it('describes and tags every operation', () => {
    expect(operations.filter(({ operation }) => !operation.summary || !operation.tags?.length).map(({ route }) => route)).toEqual([]);
  });

  it('documents every error code of the catalogue in the Problem and FieldError schemas', () => {
    const documented = [
      ...(document.components.schemas.Problem.properties?.code.enum ?? []),
      ...(document.components.schemas.FieldError.properties?.code.enum ?? []),
    ].sort();
    expect(documented).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('is where the web client takes its answers from: no screen names an answer’s type by hand', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
      );
    const typedByHand = files('apps/web/src')
      .filter((file) => !file.endsWith('schema.ts'))
      .filter((file) => /(?<!function )useLoad<|\.data as unknown as/.test(readFileSync(file, 'utf8')));
    expect(typedByHand).toEqual([]);
  });
});
