import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { AppConfig, Clock, ProblemException, updateReturning } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { PasswordService } from '../auth/password.service.js';
import { type TokenPair, TokenService } from '../auth/token.service.js';
import { invitationState } from './account-rules.js';
import { AccountMail } from './account-mail.js';
import { AccountTokens } from './account-tokens.js';
import type { InvitationView, UserAccountView } from './account.dto.js';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
  is_active: boolean;
  password_set: boolean;
}

/**
 * Invitations (issue #18): an administrator invites a person by e-mail instead of typing their
 * first password; the person opens the one-time link (72 h), chooses a password under the password
 * policy and is signed in. Linking an identity provider account instead is the OIDC sign-in's.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly accountTokens: AccountTokens,
    private readonly mail: AccountMail,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Sends (or sends again) an invitation to a user without a password; earlier links stop working. */
  async send(principal: Principal, userId: string): Promise<UserAccountView> {
    const user = await this.administered(principal, userId, 'manage');
    if (user.password_set) throw new ProblemException('invitation.already_accepted');
    if (!user.is_active) throw new ProblemException('invitation.user_inactive');
    const { raw, expiresAt } = await this.dataSource.transaction(async (manager) => {
      const link = await this.accountTokens.create(manager, 'invitation', userId, principal.userId);
      await this.audit.record(
        {
          action: 'user.invite',
          resourceType: 'user',
          resourceId: userId,
          subjectOrganisationId: user.organisation_id,
          details: { expiresAt: link.expiresAt },
        },
        manager,
      );
      return link;
    });
    try {
      await this.mail.invitation({ email: user.email, displayName: user.display_name, organisationName: user.organisation_name }, raw, expiresAt);
    } catch (error) {
      // Never delivered: the link is withdrawn, so the user page says no invitation was sent.
      await this.dataSource.transaction(async (manager) => {
        await this.accountTokens.withdraw(manager, raw);
        await this.audit.record(
          {
            action: 'user.invite',
            outcome: 'failure',
            resourceType: 'user',
            resourceId: userId,
            subjectOrganisationId: user.organisation_id,
            details: { reason: 'mail_unavailable' },
          },
          manager,
        );
      });
      throw error;
    }
    return this.accountOf(userId, user.password_set);
  }

  /** Whether the user has a password, and their latest invitation (the admin user page). */
  async account(principal: Principal, userId: string): Promise<UserAccountView> {
    const user = await this.administered(principal, userId, 'read');
    return this.accountOf(userId, user.password_set);
  }

  /**
   * What the link shows before a password is chosen (public: the link is the credential), and the
   * organisation's identity providers the person may accept it with instead (oidc.service.ts).
   */
  async view(raw: string): Promise<InvitationView> {
    const row = await this.accountTokens.valid(this.dataSource.manager, 'invitation', raw);
    const identityProviders = await this.dataSource.query<InvitationView['identityProviders']>(
      `SELECT id, display_name AS "displayName" FROM identity_providers WHERE organisation_id = $1 AND is_active ORDER BY display_name, id LIMIT 20`,
      [row.organisation_id],
    );
    return {
      displayName: row.display_name,
      email: row.email,
      organisationName: row.organisation_name,
      expiresAt: row.expires_at.toISOString(),
      identityProviders,
    };
  }

  /** Sets the first password under the policy, consumes the link and signs the person in. */
  async accept(raw: string, password: string, client: { userAgent: string | null; ip: string }): Promise<TokenPair> {
    const preview = await this.accountTokens.valid(this.dataSource.manager, 'invitation', raw);
    this.passwords.assertAcceptable(password, { email: preview.email, displayName: preview.display_name }, 'password');
    const hash = await this.passwords.hash(password);
    return this.dataSource.transaction(async (manager) => {
      // Locked and checked again: of two uses of one link, only the first sets a password.
      const row = await this.accountTokens.valid(manager, 'invitation', raw, true);
      const [user] = await updateReturning<{ token_version: number }>(
        manager,
        `UPDATE users SET password_hash = $2, failed_login_count = 0, locked_until = NULL, last_login_at = $3, updated_at = $3, version = version + 1
         WHERE id = $1 RETURNING token_version`,
        [row.user_id, hash, this.clock.now()],
      );
      await this.accountTokens.consume(manager, row.id);
      await this.audit.record(
        {
          action: 'account.invitation_accept',
          actor: { userId: row.user_id, organisationId: row.organisation_id },
          resourceType: 'user',
          resourceId: row.user_id,
          subjectOrganisationId: row.organisation_id,
          changedFields: ['password'],
        },
        manager,
      );
      // A password alone is not strong authentication (HSLF-FS 2016:40) except in the demo and tests.
      return this.tokens.issue(
        row.user_id,
        user.token_version,
        { method: 'password', strong: this.config.DEMO_STRONG_PASSWORD_SESSIONS, userAgent: client.userAgent, ip: client.ip },
        manager,
      );
    });
  }

  private async accountOf(userId: string, passwordSet: boolean): Promise<UserAccountView> {
    const [latest] = await this.dataSource.query<{ created_at: Date; expires_at: Date; used_at: Date | null }[]>(
      `SELECT created_at, expires_at, used_at FROM account_tokens WHERE user_id = $1 AND kind = 'invitation' ORDER BY created_at DESC LIMIT 1`,
      [userId],
    );
    return {
      passwordSet,
      invitation: latest
        ? {
            // A superseded link is marked used too, but the latest one is only ever used by acceptance.
            state: invitationState({ usedAt: latest.used_at, expiresAt: latest.expires_at }, this.clock.now()),
            sentAt: latest.created_at.toISOString(),
            expiresAt: latest.expires_at.toISOString(),
          }
        : null,
    };
  }

  /** The user, if the caller may `action` them (users.service's rule: the user as a record of their organisation). */
  private async administered(principal: Principal, userId: string, action: 'read' | 'manage'): Promise<UserRow> {
    const [user] = await this.dataSource.query<UserRow[]>(
      `SELECT u.id, u.email, u.display_name, u.organisation_id, o.name AS organisation_name, u.is_active, u.password_hash IS NOT NULL AS password_set
       FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1`,
      [userId],
    );
    if (!user) throw new NotFoundException(`No user with id ${userId}.`);
    await this.access.authorize(principal, 'user', action, { id: user.id, organisationId: user.organisation_id, ownerUserId: user.id });
    return user;
  }
}
