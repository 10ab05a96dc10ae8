export * from './operation-rules.js';
export { OperationSearch } from './operation-search.service.js';
export { OperationMap } from './operation-map.service.js';
export * from './operations.module.js';
export * from './operations.views.js';
