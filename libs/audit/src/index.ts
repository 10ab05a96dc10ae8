export * from './audit-actions.js';
export * from './audit-anchor.service.js';
export * from './audit-event.js';
export * from './audit-read.decorator.js';
export * from './audit.dto.js';
export * from './audit.module.js';
export * from './audit.service.js';
export * from './audited-routes.js';
