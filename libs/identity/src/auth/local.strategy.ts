import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { type AuthenticatedUser, AuthService } from './auth.service.js';

/** Passport's local strategy: e-mail and password from the login body. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', session: false });
  }

  validate(email: string, password: string): Promise<AuthenticatedUser> {
    return this.auth.validateCredentials(email, password);
  }
}
