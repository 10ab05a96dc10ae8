export * from './inspections.module.js';
export * from './licence-rules.js';
export * from './licensing.service.js';
