import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ALL_PERMISSIONS } from '@samverkan/access';
import { AUDIT_ACTIONS, AUDIT_AREAS } from '@samverkan/audit';
import { CASE_TRANSITIONS } from '@samverkan/youth';
import { OPERATION_TRANSITIONS } from '@samverkan/operations';
import ts from 'typescript';
import { INSPECTION_STATUSES } from '../../../libs/inspections/src/inspections/inspection-rules.js';
import { en, sv } from '../../web/src/pages/audit/messages.js';

/**
 * One catalogue of audit actions (libs/audit/src/audit-actions.ts): every action the code records
 * is in it, so the audit trail can word it and filter by it. The sources are read with the
 * TypeScript parser: every `action` property or variable whose value is a dotted string, a
 * conditional of such, or a template literal. A template's values cannot be read from the source, so
 * each template is listed below with what it can become; a new template fails until it is listed.
 */
const SOURCE_ROOTS = ['libs', 'apps/api/src', 'apps/worker/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'testing' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(e2e-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

const FILES = SOURCE_ROOTS.flatMap(sourceFiles);
const ACTION = /^[a-z_]+\.[a-z_]+$/;

/** Types marked @AuditRead('<type>'): the interceptor records `<type>.read`. */
const AUDIT_READ_TYPES = FILES.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/@AuditRead\('([a-z_]+)'\)/g)].map((m) => m[1]!));

const statusTargets = (transitions: Record<string, Iterable<string> | object>) =>
  [...new Set(Object.values(transitions).flatMap((to) => (Array.isArray(to) ? to : Object.keys(to))))] as string[];

/** Each template recorded as an action (its source text) and the actions it can become. */
const TEMPLATES: Record<string, string[]> = {
  '`${sensitiveType}.read`': AUDIT_READ_TYPES.map((type) => `${type}.read`),
  '`${resourceType}.${action}`': ALL_PERMISSIONS.map((p) => p.replace(':', '.')),
  '`record_grant.${grant.effect}`': ['record_grant.grant', 'record_grant.deny'],
  '`youth_case.${input.to}`': statusTargets(CASE_TRANSITIONS).map((to) => `youth_case.${to}`),
  '`operation.${input.to}`': statusTargets(OPERATION_TRANSITIONS).map((to) => `operation.${to}`),
  '`inspection.${request.to}`': INSPECTION_STATUSES.filter((s) => s !== 'planned').map((s) => `inspection.${s}`),
};

interface Found {
  actions: string[];
  unknownTemplates: string[];
}

/** What an expression recorded as an action can be. */
function values(node: ts.Expression, source: ts.SourceFile, found: Found): string[] {
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return values(node.expression, source, found);
  if (ts.isConditionalExpression(node)) return [...values(node.whenTrue, source, found), ...values(node.whenFalse, source, found)];
  if (ts.isTemplateExpression(node)) {
    // A template whose every part is literal (`a.${x ? 'b' : 'c'}`) is expanded; any other must be listed.
    let results = [node.head.text];
    for (const span of node.templateSpans) {
      const parts = values(span.expression, source, { actions: [], unknownTemplates: [] });
      if (parts.length === 0) {
        const text = node.getText(source);
        if (TEMPLATES[text]) return TEMPLATES[text];
        found.unknownTemplates.push(`${source.fileName}: ${text}`);
        return [];
      }
      results = results.flatMap((r) => parts.map((p) => r + p + span.literal.text));
    }
    return results;
  }
  return [];
}

function recordedActions(): Found {
  const found: Found = { actions: [], unknownTemplates: [] };
  for (const file of FILES) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      let value: ts.Expression | undefined;
      if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'action') value = node.initializer;
      if (ts.isVariableDeclaration(node) && node.name.getText(source) === 'action') value = node.initializer;
      if (value) found.actions.push(...values(value, source, found).filter((v) => ACTION.test(v)));
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  found.actions = [...new Set(found.actions)].sort();
  return found;
}

describe('the audit action catalogue', () => {
  const found = recordedActions();

  it('finds the actions recorded in the code', () => {
    // Guards the scan itself: a literal, a conditional, a listed template and @AuditRead.
    expect(found.actions).toEqual(expect.arrayContaining(['auth.login', 'user.deactivate', 'action.note', 'youth_case.mapping', 'user.read', 'http.request']));
    expect(found.actions.length).toBeGreaterThan(100);
  });

  it('every template recorded as an action is listed with what it can become', () => {
    expect(found.unknownTemplates).toEqual([]);
  });

  it('holds every action the code records', () => {
    expect(found.actions.filter((action) => !Object.hasOwn(AUDIT_ACTIONS, action))).toEqual([]);
  });

  it('holds nothing the code does not record', () => {
    expect(Object.keys(AUDIT_ACTIONS).filter((action) => !found.actions.includes(action))).toEqual([]);
  });

  it('puts every action in a known area', () => {
    expect(Object.values(AUDIT_ACTIONS).filter((area) => !(AUDIT_AREAS as readonly string[]).includes(area))).toEqual([]);
  });
});

describe('the web client’s words for the audit trail', () => {
  /** The text at `path` of a nested message object, if it is text. */
  const text = (messages: object, path: string[]): string | undefined => {
    const found = path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), messages);
    return typeof found === 'string' && found.trim() !== '' ? found : undefined;
  };

  it.each([
    ['sv', sv],
    ['en', en],
  ])('has a sentence in %s for every catalogued action, and none for an unknown one', (_, messages) => {
    const catalogued = Object.keys(AUDIT_ACTIONS);
    expect(catalogued.filter((action) => !text(messages.audit.actions, action.split('.')))).toEqual([]);
    const worded = Object.entries(messages.audit.actions).flatMap(([resource, verbs]) => Object.keys(verbs).map((verb) => `${resource}.${verb}`));
    expect(worded.filter((action) => !catalogued.includes(action))).toEqual([]);
  });

  it.each([
    ['sv', sv],
    ['en', en],
  ])('names every area in %s', (_, messages) => {
    expect(AUDIT_AREAS.filter((area) => !text(messages.audit.areas, [area]))).toEqual([]);
  });
});
