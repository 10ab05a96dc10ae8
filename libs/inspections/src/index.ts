export * from './checklist.js';
export * from './inspections.module.js';
export * from './inspections.service.js';
export * from './licence-rules.js';
export * from './licensing.service.js';
export * from './inspections.seed.js';
