export * from './operation-rules.js';
export * from './operations.module.js';
export * from './operations.views.js';
