export * from './email.service.js';
export * from './notifications.dto.js';
export * from './notifications.module.js';
export * from './notifications.service.js';
export * from './notifier.service.js';
