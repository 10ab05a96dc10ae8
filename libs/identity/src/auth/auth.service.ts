import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@samverkan/audit';
import { Clock, updateReturning } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { FAILED_LOGIN_WINDOW_MINUTES, INVALID_CREDENTIALS, LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from './auth-policy.js';
import { PasswordService } from './password.service.js';

export interface AuthenticatedUser {
  id: string;
  organisationId: string;
  tokenVersion: number;
}

interface CredentialRow {
  id: string;
  organisation_id: string;
  password_hash: string;
  is_active: boolean;
  locked_until: Date | null;
  token_version: number;
}

/** Checks credentials, counts failures, locks accounts and records every attempt. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The user behind these credentials, or 401 with the same message whatever went wrong, so the
   * answer never tells whether an address has an account, is locked or is deactivated.
   */
  async validateCredentials(email: string, password: string): Promise<AuthenticatedUser> {
    const [user] = await this.dataSource.query<CredentialRow[]>(
      `SELECT id, organisation_id, password_hash, is_active, locked_until, token_version
       FROM users WHERE email = $1`,
      [email.trim().toLowerCase()],
    );
    if (!user) {
      await this.passwords.verifyAgainstNothing(password);
      await this.audit.record({ action: 'auth.login', outcome: 'failure', details: { reason: 'unknown_user' } });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    const actor = { userId: user.id, organisationId: user.organisation_id };
    const passwordOk = await this.passwords.verify(user.password_hash, password);
    const now = this.clock.now();
    if (user.locked_until && user.locked_until > now) {
      await this.audit.record({ action: 'auth.login', outcome: 'denied', actor, details: { reason: 'locked' } });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    if (!user.is_active) {
      await this.audit.record({ action: 'auth.login', outcome: 'denied', actor, details: { reason: 'inactive' } });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    if (!passwordOk) {
      await this.recordFailure(user.id, actor, now);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    // With a second factor the password is only the first step: failures are forgiven when the
    // second succeeds (mfa.service.ts), else re-entering the password would reset the count of
    // wrong codes and allow unlimited guessing.
    await this.dataSource.query(
      `WITH f AS (SELECT EXISTS (SELECT 1 FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL)
                      OR EXISTS (SELECT 1 FROM user_passkeys WHERE user_id = $1) AS second)
       UPDATE users SET
         failed_login_count = CASE WHEN f.second THEN failed_login_count ELSE 0 END,
         failed_login_window_start = CASE WHEN f.second THEN failed_login_window_start ELSE NULL END,
         locked_until = NULL,
         last_login_at = CASE WHEN f.second THEN last_login_at ELSE $2 END
       FROM f WHERE id = $1`,
      [user.id, now],
    );
    if (this.passwords.needsRehash(user.password_hash)) {
      // The password is known only now: its hash moves to today's parameters (password.service.ts).
      // Matched on the old hash, so a password changed meanwhile is not overwritten.
      await this.dataSource.query('UPDATE users SET password_hash = $2 WHERE id = $1 AND password_hash = $3', [
        user.id,
        await this.passwords.hash(password),
        user.password_hash,
      ]);
    }
    await this.audit.record({ action: 'auth.login', actor, resourceType: 'user', resourceId: user.id });
    return { id: user.id, organisationId: user.organisation_id, tokenVersion: user.token_version };
  }

  /**
   * Counts a failed attempt in the current 15-minute window; the fifth locks the account. A wrong
   * second factor (mfa.service.ts) counts too.
   */
  async recordFailure(userId: string, actor: { userId: string; organisationId: string }, now: Date, reason = 'wrong_password') {
    await this.dataSource.transaction(async (manager) => {
      const [{ failed_login_count: count }] = await updateReturning<{ failed_login_count: number }>(
        manager,
        `UPDATE users SET
           failed_login_count = CASE WHEN failed_login_window_start IS NULL
               OR failed_login_window_start <= $2::timestamptz - make_interval(mins => $3) THEN 1
             ELSE failed_login_count + 1 END,
           failed_login_window_start = CASE WHEN failed_login_window_start IS NULL
               OR failed_login_window_start <= $2::timestamptz - make_interval(mins => $3) THEN $2
             ELSE failed_login_window_start END
         WHERE id = $1 RETURNING failed_login_count`,
        [userId, now, FAILED_LOGIN_WINDOW_MINUTES],
      );
      await this.audit.record({ action: 'auth.login', outcome: 'failure', actor, details: { reason, failures: count } }, manager);
      if (count >= MAX_FAILED_LOGINS) {
        const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
        await manager.query(`UPDATE users SET locked_until = $2, failed_login_count = 0, failed_login_window_start = NULL WHERE id = $1`, [userId, until]);
        await this.audit.record(
          { action: 'auth.lockout', outcome: 'denied', actor, resourceType: 'user', resourceId: userId, details: { until: until.toISOString() } },
          manager,
        );
      }
    });
  }
}
