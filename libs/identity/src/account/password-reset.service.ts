import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { Clock, invalidField } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { PasswordService } from '../auth/password.service.js';
import { TokenService } from '../auth/token.service.js';
import { ACCOUNT_TOKEN_TTL_MINUTES } from './account-rules.js';
import { AccountMail } from './account-mail.js';
import { AccountTokens } from './account-tokens.js';
import type { PasswordResetAccepted } from './account.dto.js';
import { SessionsService } from './sessions.service.js';

/**
 * Password reset by e-mail link (one-time, one hour) and the signed-in password change. A reset
 * request gets the same answer at once whether or not the address has an account: the look-up and
 * the mail happen after the answer, so neither the body nor the time tells (no account enumeration).
 */
@Injectable()
export class PasswordResetService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PasswordResetService.name);
  /** Reset requests still being worked on after their answer (awaited on shutdown and by tests). */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly accountTokens: AccountTokens,
    private readonly mail: AccountMail,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  request(email: string): PasswordResetAccepted {
    const work = this.sendLink(email.trim().toLowerCase())
      .catch((error: unknown) => this.logger.warn(`Password reset not sent: ${(error as Error).message}`))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    return { validMinutes: ACCOUNT_TOKEN_TTL_MINUTES.password_reset };
  }

  /** Waits for reset requests answered but not yet worked through. */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.settled();
  }

  private async sendLink(email: string): Promise<void> {
    const [user] = await this.dataSource.query<{ id: string; display_name: string; organisation_id: string }[]>(
      'SELECT id, display_name, organisation_id FROM users WHERE email = $1 AND is_active',
      [email],
    );
    if (!user) {
      await this.audit.record({ action: 'account.password_reset_request', outcome: 'failure', details: { reason: 'unknown_address' } });
      return;
    }
    const link = await this.dataSource.transaction(async (manager) => {
      const created = await this.accountTokens.create(manager, 'password_reset', user.id, null);
      await this.audit.record(
        {
          action: 'account.password_reset_request',
          actor: { userId: user.id, organisationId: user.organisation_id },
          resourceType: 'user',
          resourceId: user.id,
          subjectOrganisationId: user.organisation_id,
        },
        manager,
      );
      return created;
    });
    await this.mail.passwordReset({ email, displayName: user.display_name }, link.raw, link.expiresAt);
  }

  /** Sets a new password with a reset link: the link is consumed and every session of the user ends. */
  async reset(raw: string, password: string): Promise<void> {
    const preview = await this.accountTokens.valid(this.dataSource.manager, 'password_reset', raw);
    this.passwords.assertAcceptable(password, { email: preview.email, displayName: preview.display_name }, 'password');
    const hash = await this.passwords.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.accountTokens.valid(manager, 'password_reset', raw, true);
      // Whoever held a session may have held the old password: every session ends, access tokens at once.
      await manager.query(
        `UPDATE users SET password_hash = $2, token_version = token_version + 1, failed_login_count = 0, locked_until = NULL,
           updated_at = $3, version = version + 1 WHERE id = $1`,
        [row.user_id, hash, this.clock.now()],
      );
      await this.tokens.revokeAllFor(row.user_id, manager, 'password_changed');
      await this.accountTokens.consume(manager, row.id);
      await this.audit.record(
        {
          action: 'account.password_reset',
          actor: { userId: row.user_id, organisationId: row.organisation_id },
          resourceType: 'user',
          resourceId: row.user_id,
          subjectOrganisationId: row.organisation_id,
          changedFields: ['password'],
        },
        manager,
      );
    });
  }

  /** The signed-in change: the current password first; the user's other sessions end, this one stays. */
  async change(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const [user] = await this.dataSource.query<{ password_hash: string | null }[]>('SELECT password_hash FROM users WHERE id = $1', [principal.userId]);
    const ok = user?.password_hash
      ? await this.passwords.verify(user.password_hash, currentPassword)
      : await this.passwords.verifyAgainstNothing(currentPassword);
    if (!ok) throw invalidField('currentPassword', 'password.current_wrong');
    this.passwords.assertAcceptable(newPassword, { email: principal.email, displayName: principal.displayName }, 'newPassword');
    const hash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE users SET password_hash = $2, updated_at = $3, version = version + 1 WHERE id = $1', [
        principal.userId,
        hash,
        this.clock.now(),
      ]);
      const ended = await this.sessions.end(manager, principal.userId, 'password_changed', { except: principal.session?.id });
      await this.audit.record(
        {
          action: 'account.password_change',
          resourceType: 'user',
          resourceId: principal.userId,
          changedFields: ['password'],
          details: { sessionsEnded: ended },
        },
        manager,
      );
    });
  }
}
