export * from './deadlines.dto.js';
export * from './deadlines.module.js';
export * from './deadlines.service.js';
export * from './digest.service.js';
export * from './reconciler.service.js';
export * from './reminder-rules.js';
export * from './reminder.service.js';
