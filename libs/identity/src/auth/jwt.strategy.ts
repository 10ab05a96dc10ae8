import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Principal } from '@samverkan/access';
import { AppConfig, jwtSecret } from '@samverkan/platform';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { PrincipalService } from './principal.service.js';
import type { AccessTokenPayload } from './token.service.js';

/** Passport's JWT strategy: a valid bearer token of an active user whose token version matches. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly principals: PrincipalService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: jwtSecret(config),
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<Principal> {
    const principal = typeof payload.sub === 'string' ? await this.principals.load(payload.sub, payload.tv) : null;
    if (!principal) throw new UnauthorizedException();
    return principal;
  }
}
