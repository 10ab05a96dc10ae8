import { type CanActivate, type ExecutionContext, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { AuditRecorder, ProblemException, requestContext, routeOf } from '@samverkan/platform';
import type { FastifyRequest } from 'fastify';
import { AccessService } from './access.service.js';
import { BearerAuthenticator, bearerToken } from './bearer-authenticator.js';
import { ACCESS_METADATA, type RouteAccess } from './decorators.js';
import { isPermission } from './permissions.js';
import { type Principal, scopesFor } from './principal.js';

/**
 * The global guard: deny by default. A route is open only if it says @Public(); otherwise the
 * caller must present a valid access token (BearerAuthenticator, libs/identity) and, for
 * @RequirePermission routes, hold the permission through a role. A route that declares nothing is
 * refused (and fails a test). The token is checked directly, not through passport: its per-request
 * strategy machinery cost more than the check itself (#19).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  private authenticator?: BearerAuthenticator;
  // Route metadata does not change while the app runs: looked up once per controller and handler.
  private readonly routeAccess = new WeakMap<object, WeakMap<object, RouteAccess | null>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditRecorder,
    private readonly access: AccessService,
    private readonly modules: ModuleRef,
  ) {}

  private accessOf(context: ExecutionContext): RouteAccess | undefined {
    const [handler, controller] = [context.getHandler(), context.getClass()];
    let byHandler = this.routeAccess.get(controller);
    if (!byHandler) this.routeAccess.set(controller, (byHandler = new WeakMap()));
    let access = byHandler.get(handler);
    if (access === undefined) {
      access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [handler, controller]) ?? null;
      byHandler.set(handler, access);
    }
    return access ?? undefined;
  }

  /** The principal of the request's bearer token; 401 without a valid one. */
  private async authenticate(request: FastifyRequest): Promise<Principal> {
    const token = bearerToken(request.headers.authorization);
    // Provided by libs/identity, which is not visible from this module: found once, app-wide.
    this.authenticator ??= this.modules.get(BearerAuthenticator, { strict: false });
    const principal = token ? await this.authenticator.authenticate(token) : null;
    if (!principal) throw new UnauthorizedException();
    return principal;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.accessOf(context);
    if (access?.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    try {
      request.user = await this.authenticate(request);
    } catch (error) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        await this.audit.record({ action: 'access.unauthenticated', outcome: 'denied', details: { route: routeOf(request) } });
      }
      throw error;
    }
    const principal = request.user;
    if (!principal) throw new UnauthorizedException();

    const store = requestContext.getStore();
    const permission = access?.kind === 'permission' && isPermission(access.permission) ? access.permission : undefined;
    // The acting unit is the one whose role carries the permission the route needs.
    const acting = (permission && scopesFor(principal, permission)[0]) || principal.memberships[0];
    if (store) store.actor = { userId: principal.userId, unitId: acting?.unitId, organisationId: principal.organisationId };

    if (access?.kind === 'authenticated') return true;
    if (!access) {
      this.logger.error(`Route ${routeOf(request)} declares no access rule; refused`);
      throw new ProblemException('access.route_undeclared');
    }
    if (!isPermission(access.permission) || scopesFor(principal, access.permission).length === 0) {
      await this.audit.record({
        action: 'access.denied',
        outcome: 'denied',
        details: { route: routeOf(request), permission: access.permission, ...(access.hidden ? { status: 404 } : {}) },
      });
      if (access.hidden) throw new NotFoundException('Not found.');
      throw new ProblemException('access.permission_required', { permission: access.permission });
    }
    // Held, but some permissions need a strong session (strong-auth.ts, HSLF-FS 2016:40 4 kap 4 §).
    await this.access.assertStrongSession(principal, access.permission, { route: routeOf(request) });
    return true;
  }
}
