import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, type ModulesContainer } from '@nestjs/core';
import { AUDIT_READ_METADATA } from './audit-read.decorator.js';
import type { AuditInterceptor } from './audit.interceptor.js';

const MUTATING = new Set<RequestMethod>([RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.ALL]);

/** Whether a route handler must leave an audit event: every mutating route, and every read marked @AuditRead. */
export function isAuditedRoute(handler: object): boolean {
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  return (method !== undefined && MUTATING.has(method)) || Reflect.getMetadata(AUDIT_READ_METADATA, handler) !== undefined;
}

/** The route handlers of every controller of the application, inherited ones included. */
function* routeHandlers(modules: ModulesContainer): Generator<object> {
  const scanner = new MetadataScanner();
  for (const moduleRef of modules.values()) {
    for (const wrapper of moduleRef.controllers.values()) {
      const prototype = (wrapper.metatype as { prototype?: Record<string, unknown> } | null)?.prototype;
      if (!prototype) continue;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined) yield handler;
      }
    }
  }
}

/**
 * Binds the audit interceptor to every audited route (isAuditedRoute) of the application, as if
 * each had `@UseInterceptors(interceptor)` — and to no other. A global interceptor would audit the
 * same requests, but Nest then wraps every request — each list page, each health probe — in an
 * rxjs pipeline that does nothing for it: a quarter of the cost of a health probe (#19). Being
 * bound by the route's method, no new mutating route can be left unaudited.
 *
 * Nest reads a handler's interceptors when it registers the routes, so this runs before that
 * (AuditModule.configure). The bound object is the interceptor instance itself: Nest uses an
 * instance as it is, where a class added this late would not be found among the module's
 * providers and would silently be dropped.
 */
export function bindAuditInterceptor(modules: ModulesContainer, interceptor: AuditInterceptor): number {
  let bound = 0;
  for (const handler of routeHandlers(modules)) {
    if (!isAuditedRoute(handler)) continue;
    const existing = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as unknown[] | undefined) ?? [];
    if (existing.includes(interceptor)) continue;
    // The metadata lives on the handler, shared by every application built in this process (tests
    // build one per file or describe): an earlier application's interceptor is replaced, not kept,
    // or a later application would record through the earlier one's closed database too. An
    // application already started keeps its own: Nest read the list when it registered the routes.
    const current = existing.filter((other) => (other as object | null)?.constructor !== interceptor.constructor);
    // First, as a global interceptor would be: it sees what every other interceptor of the route does.
    Reflect.defineMetadata(INTERCEPTORS_METADATA, [interceptor, ...current], handler);
    bound += 1;
  }
  return bound;
}
