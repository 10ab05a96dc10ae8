export * from './operation-rules.js';
export { OperationSearch } from './operation-search.service.js';
export * from './operations.module.js';
export * from './operations.views.js';
