import { Injectable } from '@nestjs/common';
import { Clock, ProblemException } from '@samverkan/platform';
import type { EntityManager } from 'typeorm';
import {
  ACCOUNT_TOKEN_TTL_MINUTES,
  accountTokenState,
  type AccountTokenKind,
  hashAccountToken,
  isAccountTokenShape,
  newAccountToken,
} from './account-rules.js';

export interface AccountTokenRow {
  id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
  email: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
  is_active: boolean;
}

/**
 * One-time links (account_tokens): only the SHA-256 of a token is stored, the raw token lives only
 * in the e-mail. A new link of a kind supersedes the user's earlier unused ones (they count as used).
 */
@Injectable()
export class AccountTokens {
  constructor(private readonly clock: Clock) {}

  /** A new link for the user; returns the raw token and its expiry. */
  async create(manager: EntityManager, kind: AccountTokenKind, userId: string, createdBy: string | null): Promise<{ raw: string; expiresAt: Date }> {
    const now = this.clock.now();
    const token = newAccountToken();
    const expiresAt = new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MINUTES[kind] * 60_000);
    await manager.query('UPDATE account_tokens SET used_at = $3 WHERE user_id = $1 AND kind = $2 AND used_at IS NULL', [userId, kind, now]);
    await manager.query(`INSERT INTO account_tokens (kind, user_id, token_hash, expires_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      kind,
      userId,
      token.hash,
      expiresAt,
      createdBy,
      now,
    ]);
    return { raw: token.raw, expiresAt };
  }

  /**
   * The valid link of `kind` with its user, or a problem: unknown (404), used or expired (410).
   * `lock` takes the row for update so that two uses of one link cannot both succeed.
   */
  async valid(manager: EntityManager, kind: AccountTokenKind, raw: string, lock = false): Promise<AccountTokenRow> {
    if (!isAccountTokenShape(raw)) throw new ProblemException('account_token.not_found');
    const [row] = await manager.query<AccountTokenRow[]>(
      `SELECT t.id, t.user_id, t.expires_at, t.used_at, u.email, u.display_name, u.organisation_id, o.name AS organisation_name, u.is_active
       FROM account_tokens t JOIN users u ON u.id = t.user_id JOIN organisations o ON o.id = u.organisation_id
       WHERE t.token_hash = $1 AND t.kind = $2 ${lock ? 'FOR UPDATE OF t' : ''}`,
      [hashAccountToken(raw), kind],
    );
    // A deactivated account's links are as dead as the account.
    if (!row || !row.is_active) throw new ProblemException('account_token.not_found');
    const state = accountTokenState({ usedAt: row.used_at, expiresAt: row.expires_at }, this.clock.now());
    if (state === 'used') throw new ProblemException('account_token.used');
    if (state === 'expired') throw new ProblemException('account_token.expired');
    return row;
  }

  /** Removes a link that was never delivered. */
  async withdraw(manager: EntityManager, raw: string): Promise<void> {
    await manager.query('DELETE FROM account_tokens WHERE token_hash = $1', [hashAccountToken(raw)]);
  }

  async consume(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE account_tokens SET used_at = $2 WHERE id = $1', [id, this.clock.now()]);
  }
}
