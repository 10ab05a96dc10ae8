import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, recordLinkSql } from '@samverkan/access';
import { Clock, type Page, pageOf, type PageQuery, updateReturning } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { EmailMode, NotificationView } from './notifications.dto.js';

/** A notification as the api shows it, of `notifications n`. */
const COLUMNS = `n.id, n.kind, n.title, n.body, n.resource_type AS "resourceType", n.resource_id AS "resourceId",
  n.created_at AS "createdAt", n.read_at AS "readAt"`;

/** The columns and the subject's link for the reader: a page they may open (libs/access record-pages.ts), else null. */
function withLink(principal: Principal, now: Date): { columns: string; params: Record<string, unknown> } {
  const link = recordLinkSql(principal, 'n.resource_type', 'n.resource_id', now);
  return { columns: `${COLUMNS}, ${link.sql} AS link`, params: link.params };
}

/** The in-app inbox and each user's e-mail preference. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: PageQuery & { unread?: boolean }): Promise<Page<NotificationView>> {
    const qb = this.dataSource.createQueryBuilder().from('notifications', 'n').where('n.user_id = :userId', { userId: principal.userId });
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    const { columns, params } = withLink(principal, this.clock.now());
    return pageOf<NotificationView>(
      this.dataSource,
      qb,
      { alias: 'n', orderBy: [['n.created_at', 'DESC']], idOrder: 'DESC', select: `SELECT ${columns} FROM notifications n`, selectParams: params },
      query,
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [
      userId,
    ]);
    return n;
  }

  /** Marks one of the user's own notifications read; another user's is a 404. */
  async markRead(principal: Principal, id: string): Promise<NotificationView> {
    const now = this.clock.now();
    const rows = await updateReturning<{ id: string }>(
      this.dataSource,
      `UPDATE notifications n SET read_at = coalesce(n.read_at, $3) WHERE n.id = $1 AND n.user_id = $2 RETURNING n.id`,
      [id, principal.userId, now],
    );
    if (rows.length === 0) throw new NotFoundException(`No notification with id ${id}.`);
    const { columns, params } = withLink(principal, now);
    const [sql, bound] = this.dataSource.driver.escapeQueryWithParameters(`SELECT ${columns} FROM notifications n WHERE n.id = :id`, { ...params, id });
    const [row] = await this.dataSource.query<NotificationView[]>(sql, bound);
    return row;
  }

  async markAllRead(userId: string): Promise<number> {
    const rows = await updateReturning(this.dataSource, 'UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id', [
      userId,
      this.clock.now(),
    ]);
    return rows.length;
  }

  async emailMode(userId: string, manager: EntityManager = this.dataSource.manager): Promise<EmailMode> {
    const [row] = await manager.query<{ email_mode: EmailMode }[]>('SELECT email_mode FROM notification_preferences WHERE user_id = $1', [userId]);
    return row?.email_mode ?? 'digest';
  }

  /** Of these users, those whose e-mail choice is `mode` (the digest is the default). One query. */
  async withEmailMode(userIds: readonly string[], mode: EmailMode, manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await manager.query<{ id: string }[]>(
      `SELECT u.id FROM unnest($1::uuid[]) AS u(id) LEFT JOIN notification_preferences p ON p.user_id = u.id
       WHERE coalesce(p.email_mode, 'digest') = $2`,
      [[...new Set(userIds)], mode],
    );
    return new Set(rows.map((row) => row.id));
  }

  async setEmailMode(userId: string, mode: EmailMode): Promise<EmailMode> {
    await this.dataSource.query(
      `INSERT INTO notification_preferences (user_id, email_mode, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET email_mode = EXCLUDED.email_mode, updated_at = now()`,
      [userId, mode],
    );
    return mode;
  }
}
