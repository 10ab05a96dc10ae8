export * from './test-database.js';
export * from './test-environment.js';
export * from './app-process.js';
export * from './private-servers.js';
