import { AsyncLocalStorage } from 'node:async_hooks';

/** Who acts in a request, as far as the audit trail needs to know. */
export interface RequestActor {
  userId: string;
  unitId?: string;
  organisationId?: string;
}

export interface RequestContext {
  requestId: string;
  ip?: string;
  /** Set by the access guard once the caller is authenticated. */
  actor?: RequestActor;
  /** Set when the handler wrote its own audit event, so the request-level one is not needed. */
  audited?: boolean;
}

/**
 * The request being handled, if any, for every async continuation of it. Log lines and audit
 * events written while handling a request carry its id (and actor) without anyone passing them.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();
