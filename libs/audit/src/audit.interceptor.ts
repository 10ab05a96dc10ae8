import { type CallHandler, type ExecutionContext, HttpException, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { requestContext, routeOf } from '@samverkan/platform';
import type { FastifyRequest } from 'fastify';
import { catchError, concatMap, from, map, type Observable, throwError } from 'rxjs';
import { AUDIT_READ_METADATA } from './audit-read.decorator.js';
import { AuditService } from './audit.service.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Makes sure every mutating request, and every read of a route marked @AuditRead, leaves an audit
 * event. A handler that records its own, richer event (AuditService.record) is not recorded twice.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  // Route metadata does not change while the app runs: looked up once per handler.
  private readonly sensitiveTypes = new WeakMap<object, string | null>();

  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  private sensitiveTypeOf(handler: object): string | undefined {
    let type = this.sensitiveTypes.get(handler);
    if (type === undefined) {
      type = this.reflector.get<string | undefined>(AUDIT_READ_METADATA, handler as () => unknown) ?? null;
      this.sensitiveTypes.set(handler, type);
    }
    return type ?? undefined;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const sensitiveType = this.sensitiveTypeOf(context.getHandler());
    const mutating = MUTATING.has(request.method);
    if (!mutating && !sensitiveType) return next.handle();

    const route = routeOf(request);
    const resourceId = (request.params as Record<string, string> | undefined)?.id;
    const action = sensitiveType && !mutating ? `${sensitiveType}.read` : 'http.request';
    const needed = () => !requestContext.getStore()?.audited;

    return next.handle().pipe(
      concatMap((body) =>
        needed() ? from(this.audit.record({ action, resourceType: sensitiveType, resourceId, details: { route } })).pipe(map(() => body)) : [body],
      ),
      catchError((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : 500;
        if (!needed() || (!mutating && status !== 403 && status !== 404)) return throwError(() => error);
        return from(
          this.audit.record({
            action,
            outcome: status === 403 || status === 404 ? 'denied' : 'failure',
            resourceType: sensitiveType,
            resourceId,
            details: { route, status },
          }),
        ).pipe(concatMap(() => throwError(() => error)));
      }),
    );
  }
}
