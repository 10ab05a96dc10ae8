/**
 * Jest in ESM mode (NestJS 12 is ESM-only): run through `npm test`, which passes
 * --experimental-vm-modules. Tests use real PostgreSQL and Redis (see libs/testing).
 */
import { cjsCopyPath, ESM_ONLY_PACKAGES } from './libs/testing/jest-esm-packages.mjs';

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/migrations'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // Monorepo aliases first, then the rule that strips `.js` from relative imports.
    '^@samverkan/platform$': '<rootDir>/libs/platform/src/index.ts',
    '^@samverkan/testing$': '<rootDir>/libs/testing/src/index.ts',
    '^@samverkan/(identity|access|audit|promises|notifications|deadlines|inspections|youth|operations|search|map|attachments|documents)$':
      '<rootDir>/libs/$1/src/index.ts',
    '^@samverkan/migrations$': '<rootDir>/migrations/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    ...Object.fromEntries(ESM_ONLY_PACKAGES.map((name) => [`^${name}$`, cjsCopyPath(name)])),
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/libs/testing/global-setup.mjs',
  globalTeardown: '<rootDir>/libs/testing/global-teardown.mjs',
  // Hooks too: a beforeAll that starts the api (Nest, migrations checked, seed) on a shared machine
  // under load once took over 30 s, and jest tore the file down while Nest was still loading.
  testTimeout: 60_000,
};
