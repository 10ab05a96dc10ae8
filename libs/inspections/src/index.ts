export * from './inspections/checklist.js';
export * from './inspections.module.js';
export * from './inspections/inspections.service.js';
export * from './licensing/licence-rules.js';
export * from './licensing/licensing.service.js';
export { plannedVisits, riskScore } from './supervision/risk-model.js';
