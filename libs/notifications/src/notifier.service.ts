import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, Clock } from '@samverkan/platform';
import type { EntityManager } from 'typeorm';
import { EmailService } from './email.service.js';
import { NotificationsService } from './notifications.service.js';

/** A notice's e-mail text. */
function mailBody(title: string, body: string, publicUrl: string): string {
  return `${title}\n\n${body}\n\nÖppna i Samverkan: ${publicUrl}`;
}

export interface Notice {
  kind: string;
  /** No personal data: the inbox and e-mail name the record, not the person. */
  title: string;
  body: string;
  resourceType: string;
  resourceId: string;
  /** The deadline the notice is about, if any (reminders and escalations). */
  deadlineId?: string;
  /**
   * One inbox row per key and user: a later notice with the same key refreshes that row (its text,
   * time, unread again) instead of adding another — a deadline's reminders to a person show once.
   */
  inboxKey?: string;
  /** Once per key and user: a retried job does not mail twice. */
  dedupeKey: string;
  /** `preference` follows each user's choice (a mail each, the digest, none); `always` mails at once (escalations). */
  email?: 'preference' | 'always';
}

/**
 * Tells people about something: an inbox notification each, and an e-mail for those who asked
 * for immediate mail (or for everyone, for escalations). The one way the other libs notify —
 * deadlines' reminders as well as a withdrawn consent or a new report of concern. Written in the
 * caller's transaction; the e-mail is queued once that commits (EmailService.store).
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly email: EmailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async notify(manager: EntityManager, userIds: readonly string[], notice: Notice): Promise<void> {
    await this.notifyMany(
      manager,
      [...new Set(userIds)].map((userId) => ({ userId, notice })),
    );
  }

  /** One person; returns the notification's id. */
  async notifyOne(manager: EntityManager, userId: string, notice: Notice): Promise<string> {
    const [id] = await this.notifyMany(manager, [{ userId, notice }]);
    return id;
  }

  /**
   * The bulk entry point (#19: reminders are delivered a bucket at a time): one inbox statement for
   * all of them, then the e-mail of those who get one (stored per recipient, queued after commit).
   * Returns each item's notification id, in order. Items with the same user and inbox key share one
   * row, the last one's text; every item still gets its own e-mail (its dedupe key).
   */
  async notifyMany(manager: EntityManager, items: readonly { userId: string; notice: Notice }[]): Promise<string[]> {
    if (items.length === 0) return [];
    // One row per (user, inbox key): a statement may not upsert the same row twice.
    const rows = new Map<string, { id: string; userId: string; notice: Notice }>();
    const keys = items.map(({ userId, notice }) => {
      const key = notice.inboxKey === undefined ? randomUUID() : `${userId} ${notice.inboxKey}`;
      rows.set(key, { id: randomUUID(), userId, notice });
      return key;
    });
    const list = [...rows.values()];
    const column = <T>(pick: (row: { id: string; userId: string; notice: Notice }) => T) => list.map(pick);
    // A new row takes the id given here; an existing one (same user and inbox key) keeps its own, which RETURNING tells.
    const returned = await manager.query<{ id: string; user_id: string; inbox_key: string | null }[]>(
      `INSERT INTO notifications (id, user_id, kind, title, body, resource_type, resource_id, deadline_id, created_at, inbox_key)
       SELECT n.id, n.user_id, n.kind, n.title, n.body, n.resource_type, n.resource_id, n.deadline_id, $9, n.inbox_key
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $10::text[])
         AS n(id, user_id, kind, title, body, resource_type, resource_id, deadline_id, inbox_key)
       ON CONFLICT (user_id, inbox_key) WHERE inbox_key IS NOT NULL DO UPDATE SET
         title = EXCLUDED.title, body = EXCLUDED.body, created_at = EXCLUDED.created_at, read_at = NULL
       RETURNING id, user_id, inbox_key`,
      [
        column((r) => r.id),
        column((r) => r.userId),
        column((r) => r.notice.kind),
        column((r) => r.notice.title),
        column((r) => r.notice.body),
        column((r) => r.notice.resourceType),
        column((r) => r.notice.resourceId),
        column((r) => r.notice.deadlineId ?? null),
        this.clock.now(),
        column((r) => r.notice.inboxKey ?? null),
      ],
    );
    for (const row of returned) {
      if (row.inbox_key !== null) rows.get(`${row.user_id} ${row.inbox_key}`)!.id = row.id;
    }
    if (this.email.enabled) await this.mail(manager, items);
    return keys.map((key) => rows.get(key)!.id);
  }

  /**
   * The set-based bulk entry point (#19: reminders are delivered a bucket at a time, 100 000 at
   * once): the notices are rows of `table`, a temporary table of the caller's transaction with the
   * columns user_id, kind, title, body, resource_type, resource_id, deadline_id, inbox_key (required
   * here), dedupe_key, email ('always' or 'preference') and notification_id. One statement writes
   * them all into the inbox (one row per user and inbox key, refreshed if it is there) and sets each
   * row's notification_id; then the e-mail of those who get one is stored per recipient. Nothing
   * passes through this process but the e-mail, so memory stays flat however many there are.
   * Returns how many inbox rows were written or refreshed.
   */
  async notifyTable(manager: EntityManager, table: string): Promise<number> {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`notifyTable: not a table name: ${table}`);
    // One row per (user, inbox key), in that order: a statement may not upsert a row twice, and
    // concurrent deliveries take the rows' locks in the same order.
    const [{ written }] = await manager.query<{ written: number }[]>(
      `WITH written AS (
         INSERT INTO notifications (user_id, kind, title, body, resource_type, resource_id, deadline_id, created_at, inbox_key)
         SELECT DISTINCT ON (user_id, inbox_key) user_id, kind, title, body, resource_type, resource_id, deadline_id, $1::timestamptz, inbox_key
         FROM ${table} ORDER BY user_id, inbox_key
         ON CONFLICT (user_id, inbox_key) WHERE inbox_key IS NOT NULL DO UPDATE SET
           title = EXCLUDED.title, body = EXCLUDED.body, created_at = EXCLUDED.created_at, read_at = NULL
         RETURNING id, user_id, inbox_key),
       linked AS (UPDATE ${table} t SET notification_id = w.id FROM written w WHERE t.user_id = w.user_id AND t.inbox_key = w.inbox_key RETURNING 1)
       SELECT (SELECT count(*)::int FROM written) AS written, (SELECT count(*) FROM linked) AS linked`,
      [this.clock.now()],
    );
    if (this.email.enabled) {
      let after: { user_id: string; dedupe_key: string } = { user_id: '00000000-0000-0000-0000-000000000000', dedupe_key: '' };
      for (;;) {
        // Those who get a mail, a page at a time: escalations always, others if they chose a mail each.
        const page = await manager.query<{ user_id: string; title: string; body: string; dedupe_key: string }[]>(
          `SELECT t.user_id, t.title, t.body, t.dedupe_key FROM ${table} t LEFT JOIN notification_preferences p USING (user_id)
           WHERE (t.user_id, t.dedupe_key) > ($1::uuid, $2::text) AND (t.email = 'always' OR coalesce(p.email_mode, 'digest') = 'immediate')
           ORDER BY t.user_id, t.dedupe_key LIMIT 1000`,
          [after.user_id, after.dedupe_key],
        );
        if (page.length === 0) break;
        after = page[page.length - 1];
        for (const row of page) {
          await this.email.store(manager, {
            userId: row.user_id,
            kind: 'reminder',
            subject: `Samverkan – ${row.title}`,
            body: mailBody(row.title, row.body, this.config.PUBLIC_URL),
            dedupeKey: `${row.dedupe_key}-${row.user_id}`,
          });
        }
      }
    }
    return written;
  }

  /** E-mail for escalations (always) and for those who chose a mail each; one preference query for all. */
  private async mail(manager: EntityManager, items: readonly { userId: string; notice: Notice }[]): Promise<void> {
    const immediate = await this.notifications.withEmailMode(
      items.filter((i) => i.notice.email !== 'always').map((i) => i.userId),
      'immediate',
      manager,
    );
    for (const { userId, notice } of items) {
      if (notice.email !== 'always' && !immediate.has(userId)) continue;
      await this.email.store(manager, {
        userId,
        kind: 'reminder',
        subject: `Samverkan – ${notice.title}`,
        body: mailBody(notice.title, notice.body, this.config.PUBLIC_URL),
        dedupeKey: `${notice.dedupeKey}-${userId}`,
      });
    }
  }
}
