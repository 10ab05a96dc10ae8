import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INTERCEPTORS_METADATA, PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA, isPermission, type RouteAccess } from '@samverkan/access';
import { AUDIT_READ_METADATA } from '@samverkan/audit';
import { TestApi } from './support/test-api.js';

/**
 * Deny by default: every route of the API must declare who may call it — @Public(),
 * @Authenticated() or @RequirePermission(<a permission from the catalogue>). A route that
 * declares nothing is refused by the guard at run time and fails here.
 */
describe('every route declares its access rule', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api?.close();
  });

  interface FoundRoute {
    route: string;
    access: RouteAccess | undefined;
    method: RequestMethod;
    auditRead: boolean;
    /** Whether the audit interceptor (AuditModule) wraps the route. */
    audited: boolean;
  }

  function routes(): FoundRoute[] {
    const discovery = api.app.get(DiscoveryService);
    const scanner = api.app.get(MetadataScanner);
    const reflector = api.app.get(Reflector);
    const found: FoundRoute[] = [];
    for (const wrapper of discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller) continue;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as () => unknown;
        const path = Reflect.getMetadata(PATH_METADATA, handler);
        if (path === undefined) continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler);
        found.push({
          route: `${controller.name}.${name} (${method} ${path})`,
          access: reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [handler, controller]),
          method,
          auditRead: Reflect.getMetadata(AUDIT_READ_METADATA, handler) !== undefined,
          audited: ((Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as object[] | undefined) ?? []).some((i) => i.constructor.name === 'AuditInterceptor'),
        });
      }
    }
    return found;
  }

  it('finds the routes', () => {
    expect(routes().length).toBeGreaterThan(10);
  });

  it('has no route without @Public, @Authenticated or @RequirePermission', () => {
    const undeclared = routes()
      .filter((r) => r.access === undefined)
      .map((r) => r.route);
    expect(undeclared).toEqual([]);
  });

  it('names only permissions from the catalogue', () => {
    const unknown = routes()
      .filter((r) => r.access?.kind === 'permission' && !isPermission(r.access.permission))
      .map((r) => r.route);
    expect(unknown).toEqual([]);
  });

  it('audits every mutating route and every @AuditRead read, and wraps no other read (#19)', () => {
    const all = routes();
    const mutating = all.filter((r) => r.method !== RequestMethod.GET && r.method !== RequestMethod.HEAD);
    expect(mutating.length).toBeGreaterThan(50);
    expect(mutating.filter((r) => !r.audited).map((r) => r.route)).toEqual([]);
    expect(all.filter((r) => r.auditRead && !r.audited).map((r) => r.route)).toEqual([]);
    expect(all.filter((r) => r.method === RequestMethod.GET && !r.auditRead && r.audited).map((r) => r.route)).toEqual([]);
  });

  it('keeps the public routes few and known', () => {
    const open = routes()
      .filter((r) => r.access?.kind === 'public')
      .map((r) => r.route.replace(/ \(.*/, ''))
      .sort();
    expect(open).toEqual([
      // A one-time link from e-mail is the credential: invitations (72 h) and password reset (1 h) (#18).
      'AccountController.acceptInvitation',
      'AccountController.invitation',
      'AccountController.requestReset',
      'AccountController.reset',
      'AuthController.login',
      'AuthController.logout',
      'AuthController.refresh',
      'CalendarController.feed',
      'HealthController.ready',
      // The second sign-in step answers a challenge the password step gave; a passkey signs in on its own (#18).
      'MfaAuthController.passkey',
      'MfaAuthController.passkeyOptions',
      'MfaAuthController.passkeyVerify',
      'MfaAuthController.totp',
      // Sign-in through the organisation's identity provider happens before there is a session (#18).
      'OidcController.callback',
      'OidcController.providers',
      'OidcController.start',
      // The public index of published promises (#20): what the promises publish, nothing personal.
      'PublicPromisesController.list',
      'PublicPromisesController.promise',
    ]);
  });

  it('matches the OpenAPI document the web client is generated from (run `npm run web:api` after changing the API)', async () => {
    const live = await api.call('GET', '/api/docs-json');
    const committed = JSON.parse(readFileSync('apps/web/src/api/openapi.json', 'utf8')) as unknown;
    expect(live.body).toEqual(committed);
  });
});
