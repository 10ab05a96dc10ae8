import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
}

/**
 * The request being handled, if any, for every async continuation of it. Log lines written while
 * handling a request carry its id without anyone passing it along.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();
