import { SetMetadata } from '@nestjs/common';

/**
 * What a route demands of its caller. Every controller route declares one (deny by default); the
 * access guard (libs/access) enforces it. Declared here so that platform routes (health) can say
 * @Public() without depending on the access library.
 */
export const ACCESS_METADATA = 'samverkan:access';

export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  /** `hidden`: those without the permission get 404, as if the route did not exist. */
  | { kind: 'permission'; permission: string; hidden?: boolean };

/** Open to anyone, signed in or not (login, health). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies RouteAccess);
