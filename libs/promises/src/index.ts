export * from './activities.service.js';
export * from './activities.views.js';
export * from './progress.js';
export * from './promises.module.js';
export * from './vocabulary.js';
export * from './counted-inspections.js';
export { FiguresService } from './figures.service.js';
export { suggest, windowOf } from './follow-ups.service.js';
export { promiseEnded, shownPromiseStatus } from './promise-rules.js';
