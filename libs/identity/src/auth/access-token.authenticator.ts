import { Injectable } from '@nestjs/common';
import { JwtService, type JwtVerifyOptions } from '@nestjs/jwt';
import type { BearerAuthenticator, Principal } from '@samverkan/access';
import { AppConfig } from '@samverkan/platform';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, readAccessToken } from './access-token.js';
import { PrincipalService } from './principal.service.js';

/**
 * The access guard's check of a bearer token: signed with our key (a KeyObject, access-token.ts),
 * for this issuer and audience, not expired nor older than the access-token lifetime, carrying
 * every required claim, of an active user whose token version matches and whose session is not
 * revoked (PrincipalService.load).
 */
@Injectable()
export class AccessTokenAuthenticator implements BearerAuthenticator {
  private readonly options: JwtVerifyOptions;

  constructor(
    config: AppConfig,
    private readonly jwt: JwtService,
    private readonly principals: PrincipalService,
  ) {
    // The key is the JwtModule's (accessTokenKey); `maxAge` also requires `iat`.
    this.options = {
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
      maxAge: config.ACCESS_TOKEN_TTL_SECONDS,
    };
  }

  async authenticate(token: string): Promise<Principal | null> {
    let payload: unknown;
    try {
      payload = this.jwt.verify<object>(token, this.options);
    } catch {
      return null;
    }
    const claims = readAccessToken(payload);
    return claims ? this.principals.load(claims.userId, claims) : null;
  }
}
