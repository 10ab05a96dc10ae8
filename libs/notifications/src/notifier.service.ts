import { Injectable } from '@nestjs/common';
import { AppConfig, Clock } from '@samverkan/platform';
import type { EntityManager } from 'typeorm';
import { EmailService } from './email.service.js';
import { NotificationsService } from './notifications.service.js';

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
    for (const userId of new Set(userIds)) await this.notifyOne(manager, userId, notice);
  }

  /** One person; returns the notification's id. */
  async notifyOne(manager: EntityManager, userId: string, notice: Notice): Promise<string> {
    const [{ id: notificationId }] = await manager.query<{ id: string }[]>(
      `INSERT INTO notifications (user_id, kind, title, body, resource_type, resource_id, deadline_id, created_at, inbox_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (user_id, inbox_key) WHERE inbox_key IS NOT NULL DO UPDATE SET
         title = EXCLUDED.title, body = EXCLUDED.body, created_at = EXCLUDED.created_at, read_at = NULL
       RETURNING id`,
      [
        userId,
        notice.kind,
        notice.title,
        notice.body,
        notice.resourceType,
        notice.resourceId,
        notice.deadlineId ?? null,
        this.clock.now(),
        notice.inboxKey ?? null,
      ],
    );
    const mail = this.email.enabled && (notice.email === 'always' || (await this.notifications.emailMode(userId, manager)) === 'immediate');
    if (mail) {
      await this.email.store(manager, {
        userId,
        kind: 'reminder',
        subject: `Samverkan – ${notice.title}`,
        body: `${notice.title}\n\n${notice.body}\n\nÖppna i Samverkan: ${this.config.PUBLIC_URL}`,
        dedupeKey: `${notice.dedupeKey}-${userId}`,
      });
    }
    return notificationId;
  }
}
