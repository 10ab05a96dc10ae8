import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { AppConfig, CODE_BY_STATUS, ERROR_CODES, FIELD_CHECKS, isErrorCode } from '@samverkan/platform';
import { getMetadataStorage } from 'class-validator';
import ts from 'typescript';
import { ApiModule } from '../src/api.module.js';

/**
 * One catalogue of error codes (libs/platform/src/errors/catalogue): every code the api can send
 * is in it, and everything in it is sent somewhere. The sources are read with the TypeScript
 * parser, so a code passed through a conditional (`a ? 'x.y' : 'x.z'`) is found too.
 */
/** What this test reads of class-validator's metadata (its type is not exported). */
interface ValidationMetadata {
  type: string;
  name?: string;
}

const SOURCE_ROOTS = ['libs', 'apps/api/src', 'apps/worker/src'];
/** The calls that take a code, and which argument holds it. */
const CODE_ARGUMENT: Record<string, number> = { ProblemException: 0, fieldError: 1, invalidField: 1 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'testing' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(e2e-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

const FILES = SOURCE_ROOTS.flatMap(sourceFiles);
/** Where the calls are defined (they pass their `code` parameter on). */
const DEFINITIONS = join('libs', 'platform', 'src', 'errors', 'problem.ts');

/** String literals in an expression, through conditionals and parentheses. */
function literals(node: ts.Node): string[] {
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return literals(node.expression);
  return [`<not a literal: ${node.getText()}>`];
}

/** Every code the sources pass to ProblemException (or to super() in its subclasses), fieldError and invalidField. */
function thrownCodes(): { code: string; where: string }[] {
  const found: { code: string; where: string }[] = [];
  for (const file of FILES.filter((f) => f !== DEFINITIONS)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = node.expression;
        let name = ts.isIdentifier(callee) ? callee.text : callee.kind === ts.SyntaxKind.SuperKeyword ? 'super' : '';
        if (name === 'super') {
          const owner = node.parent && ts.findAncestor(node, ts.isClassDeclaration);
          const base = owner?.heritageClauses?.[0]?.types[0]?.expression.getText();
          name = base === 'ProblemException' ? 'ProblemException' : '';
        }
        const index = CODE_ARGUMENT[name];
        const argument = index === undefined ? undefined : node.arguments?.[index];
        if (argument) {
          const { line } = source.getLineAndCharacterOfPosition(argument.getStart());
          for (const code of literals(argument)) found.push({ code, where: `${file}:${line + 1}` });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('the error-code catalogue', () => {
  const thrown = thrownCodes();

  it('finds the codes the sources throw', () => {
    expect(thrown.length).toBeGreaterThan(100);
  });

  it('holds every code thrown anywhere (each one a literal, so this test can read it)', () => {
    expect(thrown.filter(({ code }) => !isErrorCode(code)).map(({ code, where }) => `${code} (${where})`)).toEqual([]);
  });

  it('holds only codes something sends', () => {
    const sent = new Set([
      ...thrown.map(({ code }) => code),
      ...Object.values(FIELD_CHECKS).map(({ code }) => code),
      ...Object.values(CODE_BY_STATUS),
      'validation', // ValidationProblem
      'http.error', // a status without its own code
      'field.invalid', // a check without its own code
    ]);
    expect(Object.keys(ERROR_CODES).filter((code) => !sent.has(code))).toEqual([]);
  });

  it('declares every placeholder its English text uses as a param', () => {
    const undeclared = Object.entries(ERROR_CODES).flatMap(([code, spec]) =>
      [...spec.en.matchAll(/\{(\w+)\}/g)]
        .map(([, name]) => name)
        .filter((name) => name !== 'field' && !Object.hasOwn(spec.params, name))
        .map((name) => `${code}: {${name}}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('leaves no domain refusal without a code: no Nest Conflict/Forbidden/BadRequest exceptions in the sources', () => {
    const plain = FILES.filter((file) =>
      /new (Conflict|Forbidden|BadRequest|UnprocessableEntity|PreconditionFailed|Gone)Exception\(/.test(readFileSync(file, 'utf8')),
    );
    expect(plain).toEqual([]);
  });

  it('has a code for every check a request DTO of the api uses', () => {
    expect(ApiModule).toBeDefined(); // importing it loads every controller's DTOs
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
    const requests = [...storage.validationMetadatas.entries()].filter(([target]) => target !== AppConfig).flatMap(([, metadata]) => metadata);
    expect(requests.length).toBeGreaterThan(100);
    // Conditions (IsOptional, ValidateIf) and nested types are no checks of their own.
    const notChecks = new Set(['conditionalValidation', 'nestedValidation', 'whitelistValidation', 'isDefined']);
    const checks = new Set(requests.map((m) => (m.type === 'customValidation' ? m.name : m.type)));
    const uncoded = [...checks].filter((check): check is string => !!check && !notChecks.has(check) && !FIELD_CHECKS[check]);
    expect(uncoded).toEqual([]);
  });
});
