import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Principal } from '@samverkan/access';
import { AppConfig } from '@samverkan/platform';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, accessTokenKey, readAccessToken } from './access-token.js';
import { PrincipalService } from './principal.service.js';

/**
 * Passport's JWT strategy: a bearer token signed with our key, for this issuer and audience, not
 * expired nor older than the access-token lifetime, carrying every required claim (access-token.ts),
 * of an active user whose token version matches and whose session is not revoked.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly principals: PrincipalService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken takes a KeyObject as it is (passport-jwt's typings predate that).
      secretOrKey: accessTokenKey(config) as unknown as string,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
      // Also requires `iat`, and refuses a token issued longer ago than an access token lives.
      jsonWebTokenOptions: { maxAge: config.ACCESS_TOKEN_TTL_SECONDS },
    });
  }

  async validate(payload: unknown): Promise<Principal> {
    const token = readAccessToken(payload);
    // One query: the user, their memberships, the token version and the session (principal.service.ts).
    const principal = token ? await this.principals.load(token.userId, token) : null;
    if (!principal) throw new UnauthorizedException();
    return principal;
  }
}
