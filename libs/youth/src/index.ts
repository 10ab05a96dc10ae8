export * from './personal-number.js';
export * from './youth-rules.js';
export * from './youth.module.js';
export * from './youth.seed.js';
export * from './youth.views.js';
