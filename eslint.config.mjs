// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { libBoundaries } from './scripts/eslint/lib-boundaries.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'apps/web/src/api/schema.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { samverkan: { rules: { 'lib-boundaries': libBoundaries } } },
    rules: {
      'samverkan/lib-boundaries': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
      eqeqeq: ['error', 'smart'],
      // ValidateNested alone lets a list stand where an object belongs (issue #15): NestedObject checks both.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'class-validator', importNames: ['ValidateNested'], message: "Use NestedObject from '@samverkan/platform'." }] },
      ],
    },
  },
  {
    // The one place that may use it.
    files: ['libs/platform/src/errors/validation.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The web client runs in the browser (its own tsconfig: DOM, JSX).
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // A classic script the page runs before it is drawn (issue #19): browser globals, no type checking.
    files: ['apps/web/public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.browser }, sourceType: 'script' },
  },
  {
    // CLIs print their results for a person to read.
    files: ['apps/*/src/cli/**/*.ts', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
