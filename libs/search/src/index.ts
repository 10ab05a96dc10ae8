// The public entry of libs/search: the api's module. No other lib imports this one.
export { SearchModule } from './search.module.js';
export { readSearchTerm, SEARCH_KINDS, type SearchKind } from './search-rules.js';
