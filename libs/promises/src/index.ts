export * from './activities.service.js';
export * from './activities.views.js';
export * from './progress.js';
export * from './promises.module.js';
export * from './vocabulary.js';
