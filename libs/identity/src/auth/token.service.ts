import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthMethod, SessionEndReason } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { AppConfig, Clock, updateReturning } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccessTokenPayload } from './access-token.js';
import { PrincipalCache } from './principal-cache.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: 'Bearer';
}

/** How a sign-in was made, recorded on the session it starts (auth_sessions). */
export interface SessionStart {
  method: AuthMethod;
  /** Whether this sign-in counts as strong authentication (session-assurance.ts). */
  strong: boolean;
  acr?: string | null;
  amr?: string[];
  userAgent?: string | null;
  ip?: string | null;
}

const INVALID_REFRESH = 'Ogiltig eller förbrukad förnyelsetoken (Invalid or used refresh token).';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * Short-lived access tokens (JWT) and rotating refresh tokens. A refresh token is `<id>.<secret>`;
 * only the SHA-256 of the secret is stored. Each use replaces it with a new one in the same family;
 * presenting a used or revoked one again means it was stolen or replayed, so the whole family
 * is revoked (OAuth 2.0 Security BCP, refresh token rotation).
 */
@Injectable()
export class TokenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly principals: PrincipalCache,
  ) {}

  /** A new session (a new refresh-token family) and its first token pair, after a sign-in. */
  async issue(userId: string, tokenVersion: number, start: SessionStart, manager?: EntityManager): Promise<TokenPair> {
    const run = async (m: EntityManager) => {
      const sessionId = crypto.randomUUID();
      const now = this.clock.now();
      await m.query(
        `INSERT INTO auth_sessions (id, user_id, method, acr, amr, strong_at, user_agent, ip, created_at, last_used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
        [
          sessionId,
          userId,
          start.method,
          start.acr ?? null,
          start.amr ?? [],
          start.strong ? now : null,
          start.userAgent?.slice(0, 300) ?? null,
          start.ip ?? null,
          now,
        ],
      );
      return this.pair(userId, tokenVersion, sessionId, m);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async rotate(refreshToken: string): Promise<TokenPair> {
    const parsed = parse(refreshToken);
    if (!parsed) throw new UnauthorizedException(INVALID_REFRESH);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<
        {
          family_id: string;
          user_id: string;
          token_hash: string;
          expires_at: Date;
          used_at: Date | null;
          revoked_at: Date | null;
          token_version: number;
          is_active: boolean;
          organisation_id: string;
        }[]
      >(
        `SELECT t.family_id, t.user_id, t.token_hash, t.expires_at, t.used_at, t.revoked_at,
                u.token_version, u.is_active, u.organisation_id
         FROM refresh_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.id = $1 FOR UPDATE OF t`,
        [parsed.id],
      );
      if (!row || !timingSafeEqual(Buffer.from(row.token_hash, 'hex'), sha256(parsed.secret))) {
        return { error: 'invalid' as const };
      }
      const actor = { userId: row.user_id, organisationId: row.organisation_id };
      // Exchanged once already: someone is replaying it. End the whole session (family).
      if (row.used_at) {
        await this.revokeFamily(manager, row.family_id, 'replayed');
        await this.audit.record({ action: 'auth.refresh_reuse', outcome: 'denied', actor, resourceType: 'user', resourceId: row.user_id }, manager);
        return { error: 'reuse' as const };
      }
      if (row.revoked_at) return { error: 'revoked' as const };
      if (row.expires_at <= this.clock.now() || !row.is_active) {
        await this.revokeFamily(manager, row.family_id, row.is_active ? 'expired' : 'deactivated');
        return { error: 'expired' as const };
      }
      await manager.query('UPDATE refresh_tokens SET used_at = $2 WHERE id = $1', [parsed.id, this.clock.now()]);
      await manager.query('UPDATE auth_sessions SET last_used_at = $2 WHERE id = $1', [row.family_id, this.clock.now()]);
      const tokens = await this.pair(row.user_id, row.token_version, row.family_id, manager);
      await this.audit.record({ action: 'auth.refresh', actor, resourceType: 'user', resourceId: row.user_id }, manager);
      return { tokens };
    });
    // Revocations and the reuse event are committed before the caller hears "no".
    if (!('tokens' in outcome) || !outcome.tokens) throw new UnauthorizedException(INVALID_REFRESH);
    return outcome.tokens;
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored (logout is idempotent). */
  async revoke(refreshToken: string): Promise<string | undefined> {
    const parsed = parse(refreshToken);
    if (!parsed) return undefined;
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ family_id: string; user_id: string; token_hash: string }[]>(
        'SELECT family_id, user_id, token_hash FROM refresh_tokens WHERE id = $1',
        [parsed.id],
      );
      if (!row || !timingSafeEqual(Buffer.from(row.token_hash, 'hex'), sha256(parsed.secret))) return undefined;
      await this.revokeFamily(manager, row.family_id, 'signed_out');
      return row.user_id;
    });
  }

  /** Ends every session of a user (deactivation): their refresh tokens stop working, and their access tokens at the next request. */
  async revokeAllFor(userId: string, manager: EntityManager, reason: SessionEndReason = 'deactivated'): Promise<void> {
    const now = this.clock.now();
    await manager.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, now]);
    await manager.query('UPDATE auth_sessions SET ended_at = $2, ended_reason = $3 WHERE user_id = $1 AND ended_at IS NULL', [userId, now, reason]);
    await this.principals.changed(manager, userId);
  }

  private async pair(userId: string, tokenVersion: number, familyId: string, manager: EntityManager): Promise<TokenPair> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [familyId, userId, sha256(secret).toString('hex'), expiresAt, this.clock.now()],
    );
    // The session id lets every request see at once that the family was revoked (access-token.authenticator.ts).
    const payload: AccessTokenPayload = { sub: userId, tv: tokenVersion, sid: familyId };
    // JWT expiry is checked against real time by the verifier, so it is stamped with real time too;
    // issuer, audience, algorithm and key come from the module's sign options (identity.module.ts).
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS });
    return { accessToken, refreshToken: `${id}.${secret}`, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, tokenType: 'Bearer' };
  }

  /** Ends one session: its refresh tokens are revoked and the session marked with why (auth_sessions). */
  async revokeFamily(manager: EntityManager, familyId: string, reason: SessionEndReason): Promise<void> {
    const now = this.clock.now();
    await manager.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [familyId, now]);
    const ended = await updateReturning<{ user_id: string }>(
      manager,
      'UPDATE auth_sessions SET ended_at = $2, ended_reason = $3 WHERE id = $1 AND ended_at IS NULL RETURNING user_id',
      [familyId, now, reason],
    );
    await this.principals.changed(
      manager,
      ended.map((session) => session.user_id),
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parse(token: string): { id: string; secret: string } | undefined {
  const [id, secret, ...rest] = token.split('.');
  if (!id || !secret || rest.length > 0 || !UUID.test(id) || secret.length < 20) return undefined;
  return { id, secret };
}
