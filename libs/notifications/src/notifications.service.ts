import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, type Page, pageOf, type PageQuery, updateReturning } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { EmailMode, NotificationView } from './notifications.dto.js';

/** A notification as the api shows it, of `notifications n`. */
const COLUMNS = `n.id, n.kind, n.title, n.body, n.resource_type AS "resourceType", n.resource_id AS "resourceId",
  n.created_at AS "createdAt", n.read_at AS "readAt"`;

/** The in-app inbox and each user's e-mail preference. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(userId: string, query: PageQuery & { unread?: boolean }): Promise<Page<NotificationView>> {
    const qb = this.dataSource.createQueryBuilder().from('notifications', 'n').where('n.user_id = :userId', { userId });
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    return pageOf<NotificationView>(
      this.dataSource,
      qb,
      { alias: 'n', orderBy: [['n.created_at', 'DESC']], idOrder: 'DESC', select: `SELECT ${COLUMNS} FROM notifications n` },
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
  async markRead(userId: string, id: string): Promise<NotificationView> {
    const [row] = await updateReturning<NotificationView>(
      this.dataSource,
      `UPDATE notifications n SET read_at = coalesce(n.read_at, $3) WHERE n.id = $1 AND n.user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId, this.clock.now()],
    );
    if (!row) throw new NotFoundException(`No notification with id ${id}.`);
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
