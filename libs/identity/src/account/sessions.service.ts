import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type AuthMethod, type Principal, type SessionEndReason } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { AppConfig, Clock, type Page, type PageQuery, pageOf, updateReturning } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { PrincipalCache } from '../auth/principal-cache.js';
import { describeDevice } from './account-rules.js';
import type { SessionView } from './account.dto.js';

interface SessionRow {
  id: string;
  method: AuthMethod;
  strong_at: Date | null;
  user_agent: string | null;
  ip: string | null;
  created_at: Date;
  last_used_at: Date;
}

const SELECT_SESSIONS = `SELECT s.id, s.method, s.strong_at, s.user_agent, host(s.ip) AS ip, s.created_at, s.last_used_at FROM auth_sessions s`;

/**
 * A user's live sessions (auth_sessions, issue #18): their own list with sign-out of one or all
 * others, and an administrator's view and forced sign-out. Ending a session revokes its refresh
 * tokens and takes effect on the next request of its access tokens (principal.service.ts).
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly principals: PrincipalCache,
  ) {}

  async mine(principal: Principal, query: PageQuery): Promise<Page<SessionView>> {
    const page = await this.live(principal.userId, query, principal.session?.id);
    await this.audit.record({ action: 'account.sessions_read', resourceType: 'user', resourceId: principal.userId });
    return page;
  }

  async ofUser(principal: Principal, userId: string, query: PageQuery): Promise<Page<SessionView>> {
    const organisationId = await this.administered(principal, userId, 'read');
    const page = await this.live(userId, query, principal.session?.id);
    await this.audit.record({ action: 'user.sessions_read', resourceType: 'user', resourceId: userId, subjectOrganisationId: organisationId });
    return page;
  }

  /** Ends one of the caller's own sessions (signed out from another device). */
  async endMine(principal: Principal, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const ended = await this.end(manager, principal.userId, 'signed_out_elsewhere', { only: sessionId });
      if (ended === 0) throw new NotFoundException(`No live session ${sessionId} of yours.`);
      await this.audit.record({ action: 'account.session_end', resourceType: 'user', resourceId: principal.userId, details: { sessionId } }, manager);
    });
  }

  /** Ends every session of the caller but the one this request was made in. */
  async endOthers(principal: Principal): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const ended = await this.end(manager, principal.userId, 'signed_out_elsewhere', { except: principal.session?.id });
      await this.audit.record(
        { action: 'account.sessions_end_others', resourceType: 'user', resourceId: principal.userId, details: { sessionsEnded: ended } },
        manager,
      );
      return ended;
    });
  }

  /** An administrator's forced sign-out: every session of the user ends at once. */
  async endAllOf(principal: Principal, userId: string): Promise<number> {
    const organisationId = await this.administered(principal, userId, 'manage');
    return this.dataSource.transaction(async (manager) => {
      const ended = await this.end(manager, userId, 'ended_by_admin', {});
      await this.audit.record(
        { action: 'user.sessions_end', resourceType: 'user', resourceId: userId, subjectOrganisationId: organisationId, details: { sessionsEnded: ended } },
        manager,
      );
      return ended;
    });
  }

  /** Ends live sessions of a user (one, all but one, or all) and revokes their refresh tokens; returns how many ended. */
  async end(manager: EntityManager, userId: string, reason: SessionEndReason, which: { only?: string; except?: string }): Promise<number> {
    const now = this.clock.now();
    const ended = await updateReturning<{ id: string }>(
      manager,
      `UPDATE auth_sessions SET ended_at = $2, ended_reason = $3
       WHERE user_id = $1 AND ended_at IS NULL AND ($4::uuid IS NULL OR id = $4) AND ($5::uuid IS NULL OR id <> $5) RETURNING id`,
      [userId, now, reason, which.only ?? null, which.except ?? null],
    );
    if (ended.length > 0) {
      await this.principals.changed(manager, userId);
      await manager.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = ANY($1::uuid[]) AND revoked_at IS NULL', [ended.map((s) => s.id), now]);
    }
    return ended.length;
  }

  /** Live: not ended, and used within a refresh token's lifetime (after that it cannot be renewed). */
  private async live(userId: string, query: PageQuery, currentId: string | undefined): Promise<Page<SessionView>> {
    const since = new Date(this.clock.now().getTime() - this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const qb = this.dataSource
      .createQueryBuilder()
      .from('auth_sessions', 's')
      .where('s.user_id = :userId AND s.ended_at IS NULL AND s.last_used_at > :since', { userId, since });
    // auth_sessions_user_live_idx (user_id, created_at DESC) WHERE ended_at IS NULL backs this list.
    const page = await pageOf<SessionRow>(this.dataSource, qb, { alias: 's', orderBy: [['s.created_at', 'DESC']], select: SELECT_SESSIONS }, query);
    return {
      ...page,
      items: page.items.map((row) => ({
        id: row.id,
        method: row.method,
        strong: row.strong_at !== null,
        ...describeDevice(row.user_agent),
        ip: row.ip,
        createdAt: row.created_at.toISOString(),
        lastUsedAt: row.last_used_at.toISOString(),
        current: row.id === currentId,
      })),
    };
  }

  private async administered(principal: Principal, userId: string, action: 'read' | 'manage'): Promise<string> {
    const [user] = await this.dataSource.query<{ organisation_id: string }[]>('SELECT organisation_id FROM users WHERE id = $1', [userId]);
    if (!user) throw new NotFoundException(`No user with id ${userId}.`);
    await this.access.authorize(principal, 'user', action, { id: userId, organisationId: user.organisation_id, ownerUserId: userId });
    return user.organisation_id;
  }
}
