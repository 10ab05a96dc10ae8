import { randomBytes } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@samverkan/audit';
import { AppConfig, Clock, ProblemException, updateReturning } from '@samverkan/platform';
import * as oidc from 'openid-client';
import type { DataSource, EntityManager } from 'typeorm';
import { AccountTokens } from '../account/account-tokens.js';
import { hashPassword } from '../auth/password.service.js';
import { type TokenPair, TokenService } from '../auth/token.service.js';
import { type IdentityProviderConfig, IdentityProvidersService } from './identity-providers.service.js';
import { amrOf, claimValue, classifyOidcError, isStrongAcr, issuerAllowed, LOGIN_ATTEMPT_MINUTES } from './oidc-rules.js';
import type { OidcCallbackRequest, OidcProviderOption } from './oidc.dto.js';

interface AttemptRow {
  provider_id: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  /** The invitation the sign-in was started from, to be accepted by it (account_tokens). */
  invitation_id: string | null;
}

interface UserRow {
  id: string;
  organisation_id: string;
  is_active: boolean;
  token_version: number;
}

/** Where the web client receives the provider's answer (a signed-out route of apps/web). */
const CALLBACK_PATH = '/oidc/callback';
/** Discovery documents are read again after this long (key rotation, changed endpoints). */
const DISCOVERY_TTL_MS = 10 * 60_000;

/**
 * Sign-in through the organisation's identity provider: OpenID Connect authorization code flow
 * with PKCE (RFC 7636), state and nonce (openid-client). A started attempt is kept in
 * oidc_login_attempts and taken (deleted) once when the answer comes, so a replayed state is
 * refused. The person is matched to an existing account by the provider's configured claim and
 * never created silently: only a provider that allows just-in-time accounts creates one, with its
 * default role. The provider's `acr`/`amr` are kept in the session; the session is strong only
 * when the `acr` is one the organisation named (HSLF-FS 2016:40 4 kap. 3 §).
 */
@Injectable()
export class OidcService {
  private readonly discovered = new Map<string, { at: number; server: oidc.ServerMetadata }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly providers: IdentityProvidersService,
    private readonly tokens: TokenService,
    private readonly accountTokens: AccountTokens,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  listActive(): Promise<OidcProviderOption[]> {
    return this.dataSource.query<OidcProviderOption[]>(
      `SELECT id, display_name AS "displayName" FROM identity_providers WHERE is_active ORDER BY display_name, id LIMIT 50`,
    );
  }

  /**
   * Starts a sign-in at the provider. Started from an invitation (its raw token), the answer
   * accepts that invitation: the provider must be the invited person's organisation's.
   */
  async start(providerId: string, invitationToken?: string): Promise<{ authorizationUrl: string }> {
    const provider = await this.providers.activeConfig(providerId);
    if (!provider) throw new NotFoundException(`No active identity provider ${providerId}.`);
    const invitation = invitationToken ? await this.accountTokens.valid(this.dataSource.manager, 'invitation', invitationToken) : null;
    if (invitation && invitation.organisation_id !== provider.organisationId) throw new NotFoundException(`No active identity provider ${providerId}.`);
    const configuration = await this.configuration(provider);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const redirectUri = new URL(CALLBACK_PATH, this.config.PUBLIC_URL).href;
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      // Attempts nobody finished are of no use once expired.
      await manager.query('DELETE FROM oidc_login_attempts WHERE expires_at <= $1', [now]);
      await manager.query(
        `INSERT INTO oidc_login_attempts (state, provider_id, nonce, code_verifier, redirect_uri, created_at, expires_at, invitation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [state, provider.id, nonce, codeVerifier, redirectUri, now, new Date(now.getTime() + LOGIN_ATTEMPT_MINUTES * 60_000), invitation?.id ?? null],
      );
      await this.audit.record(
        { action: 'oidc.start', resourceType: 'identity_provider', resourceId: provider.id, subjectOrganisationId: provider.organisationId },
        manager,
      );
    });
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: provider.scopes,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { authorizationUrl: url.href };
  }

  async callback(request: OidcCallbackRequest, meta: { userAgent: string | null; ip: string }): Promise<TokenPair> {
    // One-time: the attempt is deleted as it is read, so a second answer with the same state finds nothing.
    const [attempt] = await updateReturning<AttemptRow & { live: boolean }>(
      this.dataSource,
      `DELETE FROM oidc_login_attempts WHERE state = $1 RETURNING provider_id, nonce, code_verifier, redirect_uri, invitation_id, expires_at > $2 AS live`,
      [request.state, this.clock.now()],
    );
    if (!attempt?.live) {
      await this.audit.record({ action: 'oidc.login', outcome: 'failure', details: { reason: attempt ? 'state_expired' : 'state_unknown' } });
      throw new ProblemException('oidc.state_unknown');
    }
    const provider = await this.providers.activeConfig(attempt.provider_id);
    const where = { resourceType: 'identity_provider', resourceId: attempt.provider_id };
    if (!provider) {
      await this.audit.record({ action: 'oidc.login', outcome: 'failure', ...where, details: { reason: 'provider_inactive' } });
      throw new ProblemException('oidc.state_unknown');
    }
    /** Records why this answer was refused (the technical detail stays in the audit trail). */
    const refused = (outcome: 'failure' | 'denied', details: Record<string, unknown>) =>
      this.audit.record({ action: 'oidc.login', outcome, ...where, subjectOrganisationId: provider.organisationId, details });
    if (request.error || !request.code) {
      const error = (request.error ?? 'no_code').replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 60) || 'error';
      await refused('failure', { reason: 'provider_error', error });
      throw new ProblemException('oidc.provider_refused', { error });
    }
    const configuration = await this.configuration(provider);
    let claims: Record<string, unknown>;
    try {
      const current = new URL(attempt.redirect_uri);
      current.searchParams.set('code', request.code);
      current.searchParams.set('state', request.state);
      if (request.iss) current.searchParams.set('iss', request.iss);
      const tokens = await oidc.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: attempt.code_verifier,
        expectedState: request.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = (tokens.claims() ?? {}) as Record<string, unknown>;
    } catch (error) {
      const refusal = classifyOidcError(error);
      await refused('failure', { reason: refusal.code.slice('oidc.'.length), detail: refusal.detail });
      switch (refusal.code) {
        case 'oidc.nonce_mismatch':
          throw new ProblemException('oidc.nonce_mismatch');
        case 'oidc.provider_refused':
          throw new ProblemException('oidc.provider_refused', { error: refusal.providerError ?? 'error' });
        case 'oidc.provider_unavailable':
          throw new ProblemException('oidc.provider_unavailable');
        default:
          throw new ProblemException('oidc.id_token_invalid');
      }
    }
    const value = claimValue(claims, provider.userClaim);
    if (!value) {
      await refused('failure', { reason: 'claim_missing', claim: provider.userClaim });
      throw new ProblemException('oidc.claim_missing', { claim: provider.userClaim });
    }
    if (attempt.invitation_id) return this.acceptInvitation(attempt.invitation_id, provider, value, claims, meta, refused);
    let user = await this.match(provider, value);
    if (!user && provider.jitAllowed) user = (await this.createJustInTime(provider, value, claims)) ?? (await this.match(provider, value));
    if (!user || !user.is_active) {
      await refused('denied', { reason: user ? 'inactive' : 'no_account', claim: provider.userClaim, subject: claims.sub });
      throw new ProblemException('oidc.no_account');
    }
    return this.dataSource.transaction((manager) => this.signIn(manager, user, provider, claims, meta));
  }

  /**
   * The answer to a sign-in started from an invitation: the provider account becomes the invited
   * person's — by e-mail, the provider's address must be the invited one; by subject, the subject
   * is linked to the invited user unless it already belongs to someone else — and the invitation
   * is used up, in the same transaction as the session starts.
   */
  private async acceptInvitation(
    invitationId: string,
    provider: IdentityProviderConfig,
    value: string,
    claims: Record<string, unknown>,
    meta: { userAgent: string | null; ip: string },
    refused: (outcome: 'failure' | 'denied', details: Record<string, unknown>) => Promise<void>,
  ): Promise<TokenPair> {
    // A refusal is audited on its own connection, so it stays when the transaction rolls back.
    const refuse = (reason: string) => refused('denied', { reason: 'invitation', refusal: reason });
    return this.dataSource.transaction(async (manager) => {
      const [invitation] = await manager.query<(UserRow & { email: string; used_at: Date | null; expires_at: Date })[]>(
        `SELECT u.id, u.organisation_id, u.is_active, u.token_version, u.email, t.used_at, t.expires_at
         FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = $1 AND t.kind = 'invitation' FOR UPDATE OF t`,
        [invitationId],
      );
      if (!invitation || !invitation.is_active) {
        await refuse('not_found');
        throw new ProblemException('account_token.not_found');
      }
      if (invitation.used_at) {
        await refuse('used');
        throw new ProblemException('account_token.used');
      }
      if (invitation.expires_at <= this.clock.now()) {
        await refuse('expired');
        throw new ProblemException('account_token.expired');
      }
      const [taken] =
        provider.matchOn === 'email'
          ? []
          : await manager.query<{ user_id: string }[]>('SELECT user_id FROM external_identities WHERE provider_id = $1 AND subject = $2', [provider.id, value]);
      const someoneElse = provider.matchOn === 'email' ? value.toLowerCase() !== invitation.email : taken !== undefined && taken.user_id !== invitation.id;
      if (someoneElse) {
        await refuse('someone_else');
        throw new ProblemException('oidc.invitation_mismatch');
      }
      if (provider.matchOn === 'external_subject' && !taken)
        await manager.query('INSERT INTO external_identities (provider_id, subject, user_id, created_at) VALUES ($1, $2, $3, $4)', [
          provider.id,
          value,
          invitation.id,
          this.clock.now(),
        ]);
      await manager.query('UPDATE account_tokens SET used_at = $2 WHERE id = $1', [invitationId, this.clock.now()]);
      await this.audit.record(
        {
          action: 'account.invitation_accept',
          actor: { userId: invitation.id, organisationId: invitation.organisation_id },
          resourceType: 'user',
          resourceId: invitation.id,
          subjectOrganisationId: invitation.organisation_id,
          details: { providerId: provider.id, matchOn: provider.matchOn },
        },
        manager,
      );
      return this.signIn(manager, invitation, provider, claims, meta);
    });
  }

  /** Starts the session of a person the provider signed in, recording the assurance it asserted. */
  private async signIn(
    manager: EntityManager,
    user: UserRow,
    provider: IdentityProviderConfig,
    claims: Record<string, unknown>,
    meta: { userAgent: string | null; ip: string },
  ): Promise<TokenPair> {
    const acr = typeof claims.acr === 'string' ? claims.acr.slice(0, 200) : null;
    const strong = isStrongAcr(acr, provider.strongAcrValues);
    const amr = amrOf(claims);
    await manager.query('UPDATE users SET last_login_at = $2 WHERE id = $1', [user.id, this.clock.now()]);
    await this.audit.record(
      {
        action: 'oidc.login',
        actor: { userId: user.id, organisationId: user.organisation_id },
        resourceType: 'user',
        resourceId: user.id,
        details: { providerId: provider.id, acr, amr, strong },
      },
      manager,
    );
    return this.tokens.issue(user.id, user.token_version, { method: 'oidc', strong, acr, amr, userAgent: meta.userAgent, ip: meta.ip }, manager);
  }

  /** The account the claim names: by e-mail within the provider's organisation, or by the provider's subject link. */
  private async match(provider: IdentityProviderConfig, value: string): Promise<UserRow | undefined> {
    const [user] =
      provider.matchOn === 'email'
        ? await this.dataSource.query<UserRow[]>('SELECT id, organisation_id, is_active, token_version FROM users WHERE email = $1 AND organisation_id = $2', [
            value.toLowerCase(),
            provider.organisationId,
          ])
        : await this.dataSource.query<UserRow[]>(
            `SELECT u.id, u.organisation_id, u.is_active, u.token_version FROM external_identities e JOIN users u ON u.id = e.user_id
             WHERE e.provider_id = $1 AND e.subject = $2`,
            [provider.id, value],
          );
    return user;
  }

  /** Just-in-time account (only where the organisation allows it), with the provider's default role; audited. */
  private async createJustInTime(provider: IdentityProviderConfig, value: string, claims: Record<string, unknown>): Promise<UserRow | undefined> {
    const email = (provider.matchOn === 'email' ? value : claimValue(claims, 'email'))?.toLowerCase();
    if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || !provider.jitRole || !provider.jitUnitId) return undefined;
    const displayName = (claimValue(claims, 'name') ?? email).slice(0, 200);
    // No password is set: the account signs in through its provider (the hash is of random bytes nobody knows).
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    return this.dataSource.transaction(async (manager) => {
      // An address already taken (another organisation's account, or a sign-in a moment earlier) creates nothing.
      const [user] = await manager.query<UserRow[]>(
        `INSERT INTO users (organisation_id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id, organisation_id, is_active, token_version`,
        [provider.organisationId, email, displayName, passwordHash],
      );
      if (!user) return undefined;
      await manager.query('INSERT INTO memberships (user_id, unit_id, role, valid_from) VALUES ($1, $2, $3, $4)', [
        user.id,
        provider.jitUnitId,
        provider.jitRole,
        this.clock.now(),
      ]);
      if (provider.matchOn === 'external_subject') {
        await manager.query('INSERT INTO external_identities (provider_id, subject, user_id) VALUES ($1, $2, $3)', [provider.id, value, user.id]);
      }
      await this.audit.record(
        {
          action: 'oidc.account_created',
          actor: { userId: user.id, organisationId: provider.organisationId },
          resourceType: 'user',
          resourceId: user.id,
          subjectOrganisationId: provider.organisationId,
          details: { providerId: provider.id, role: provider.jitRole, unitId: provider.jitUnitId },
        },
        manager,
      );
      return user;
    });
  }

  /**
   * The client for a provider. Discovery is cached for a while; the client is built per use so
   * the application's clock (and so the ID token's expiry check) is the one in force now.
   */
  private async configuration(provider: IdentityProviderConfig): Promise<oidc.Configuration> {
    const key = `${provider.id}:${provider.version}`;
    // Plain http only for the tests' and the demo's local providers (never in production: issuerAllowed).
    const insecure = new URL(provider.issuer).protocol === 'http:' && issuerAllowed(provider.issuer, this.config.NODE_ENV === 'production');
    let cached = this.discovered.get(key);
    if (!cached || Date.now() - cached.at > DISCOVERY_TTL_MS) {
      try {
        const found = await oidc.discovery(new URL(provider.issuer), provider.clientId, undefined, oidc.ClientSecretBasic(provider.clientSecret), {
          execute: insecure ? [oidc.allowInsecureRequests] : [],
          timeout: 10,
        });
        cached = { at: Date.now(), server: found.serverMetadata() };
        this.discovered.set(key, cached);
      } catch (error) {
        await this.audit.record({
          action: 'oidc.login',
          outcome: 'failure',
          resourceType: 'identity_provider',
          resourceId: provider.id,
          details: { reason: 'discovery', detail: String(error).slice(0, 300) },
        });
        throw new ProblemException('oidc.provider_unavailable');
      }
    }
    const configuration = new oidc.Configuration(
      cached.server,
      provider.clientId,
      { [oidc.clockSkew]: Math.round((this.clock.now().getTime() - Date.now()) / 1000) },
      oidc.ClientSecretBasic(provider.clientSecret),
    );
    if (insecure) oidc.allowInsecureRequests(configuration);
    return configuration;
  }
}
