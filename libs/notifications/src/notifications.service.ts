import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, type Page, type PageQuery, updateReturning } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { EmailMode, NotificationView } from './notifications.dto.js';

const COLUMNS = `id, kind, title, body, resource_type AS "resourceType", resource_id AS "resourceId",
  created_at AS "createdAt", read_at AS "readAt"`;

/** The in-app inbox and each user's e-mail preference. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(userId: string, query: PageQuery & { unread?: boolean }): Promise<Page<NotificationView>> {
    const unread = query.unread ? 'AND read_at IS NULL' : '';
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query<NotificationView[]>(
        `SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 ${unread} ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [userId, query.limit, query.offset],
      ),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM notifications WHERE user_id = $1 ${unread}`, [userId]),
    ]);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return n;
  }

  /** Marks one of the user's own notifications read; another user's is a 404. */
  async markRead(userId: string, id: string): Promise<NotificationView> {
    const [row] = await updateReturning<NotificationView>(
      this.dataSource,
      `UPDATE notifications SET read_at = coalesce(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId, this.clock.now()],
    );
    if (!row) throw new NotFoundException(`No notification with id ${id}.`);
    return row;
  }

  async markAllRead(userId: string): Promise<number> {
    const rows = await updateReturning(
      this.dataSource,
      'UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id',
      [userId, this.clock.now()],
    );
    return rows.length;
  }

  async emailMode(userId: string, manager: EntityManager = this.dataSource.manager): Promise<EmailMode> {
    const [row] = await manager.query<{ email_mode: EmailMode }[]>('SELECT email_mode FROM notification_preferences WHERE user_id = $1', [userId]);
    return row?.email_mode ?? 'digest';
  }

  /** Of these users, those whose e-mail choice is `mode` (the digest is the default). One query. */
  async withEmailMode(userIds: readonly string[], mode: EmailMode): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ id: string }[]>(
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
