import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { NotificationsModule } from '@samverkan/notifications';
import { BearerAuthenticator } from '@samverkan/access';
import { AppConfig, FieldCipher, RedisModule } from '@samverkan/platform';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, accessTokenKey } from './auth/access-token.js';
import { AccountAdminController } from './account/account-admin.controller.js';
import { AccountMail } from './account/account-mail.js';
import { AccountTokens } from './account/account-tokens.js';
import { AccountController } from './account/account.controller.js';
import { InvitationsService } from './account/invitations.service.js';
import { PasswordResetService } from './account/password-reset.service.js';
import { SessionsService } from './account/sessions.service.js';
import { AccessTokenAuthenticator } from './auth/access-token.authenticator.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { LocalStrategy } from './auth/local.strategy.js';
import { LoginGuard } from './auth/login.guard.js';
import { MeController } from './auth/me.controller.js';
import { MfaAuthController } from './mfa/mfa-auth.controller.js';
import { MfaController } from './mfa/mfa.controller.js';
import { MfaService } from './mfa/mfa.service.js';
import { PasswordService } from './auth/password.service.js';
import { PrincipalCache } from './auth/principal-cache.js';
import { PrincipalService } from './auth/principal.service.js';
import { TokenService } from './auth/token.service.js';
import { IdentityProvidersService } from './oidc/identity-providers.service.js';
import { IdentityProvidersController, OidcController } from './oidc/oidc.controller.js';
import { OidcService } from './oidc/oidc.service.js';
import { CollaborationsController, OrganisationsController } from './organisations/organisations.controller.js';
import { MembersDirectory } from './organisations/members-directory.js';
import { CollaborationsService } from './organisations/collaborations.service.js';
import { OrganisationsService } from './organisations/organisations.service.js';
import { RolesController } from './users/roles.controller.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';

/** Organisations, units, users, memberships; sign-in with rotating refresh tokens. */
@Module({
  imports: [
    PassportModule.register({ session: false }),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: accessTokenKey(config),
        signOptions: { algorithm: ACCESS_TOKEN_ALGORITHM, issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
      }),
    }),
    RedisModule,
    NotificationsModule,
  ],
  controllers: [
    AuthController,
    MfaAuthController,
    MfaController,
    MeController,
    UsersController,
    RolesController,
    OrganisationsController,
    CollaborationsController,
    AccountController,
    AccountAdminController,
    OidcController,
    IdentityProvidersController,
  ],
  providers: [
    AuthService,
    AccessTokenAuthenticator,
    { provide: BearerAuthenticator, useExisting: AccessTokenAuthenticator },
    LocalStrategy,
    LoginGuard,
    PasswordService,
    PrincipalService,
    PrincipalCache,
    TokenService,
    UsersService,
    OrganisationsService,
    CollaborationsService,
    MembersDirectory,
    FieldCipher,
    MfaService,
    AccountTokens,
    AccountMail,
    InvitationsService,
    PasswordResetService,
    SessionsService,
    IdentityProvidersService,
    OidcService,
  ],
  exports: [PrincipalService, PrincipalCache, OrganisationsService, MembersDirectory],
})
export class IdentityModule {}
