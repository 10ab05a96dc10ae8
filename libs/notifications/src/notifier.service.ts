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
  /** Once per key and user: a retried job does not mail twice. */
  dedupeKey: string;
  /** `preference` follows each user's choice (a mail each, the digest, none); `always` mails at once (escalations). */
  email?: 'preference' | 'always';
}

/**
 * Tells people about something: an inbox notification each, and an e-mail for those who asked
 * for immediate mail (or for everyone, for escalations). The one way the other libs notify —
 * deadlines' reminders as well as a withdrawn consent or a new report of concern. Written in the
 * caller's transaction; `send` hands the e-mail to the queue after commit.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly email: EmailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Returns the ids of e-mail to `send` once the transaction has committed. */
  async notify(manager: EntityManager, userIds: readonly string[], notice: Notice): Promise<string[]> {
    const emailIds: string[] = [];
    for (const userId of new Set(userIds)) {
      const { emailId } = await this.notifyOne(manager, userId, notice);
      if (emailId) emailIds.push(emailId);
    }
    return emailIds;
  }

  /** One person: the notification's id, and the e-mail to `send` after commit if one was written. */
  async notifyOne(manager: EntityManager, userId: string, notice: Notice): Promise<{ notificationId: string; emailId?: string }> {
    const [{ id: notificationId }] = await manager.query<{ id: string }[]>(
      `INSERT INTO notifications (user_id, kind, title, body, resource_type, resource_id, deadline_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [userId, notice.kind, notice.title, notice.body, notice.resourceType, notice.resourceId, notice.deadlineId ?? null, this.clock.now()],
    );
    const mail = this.email.enabled && (notice.email === 'always' || (await this.notifications.emailMode(userId, manager)) === 'immediate');
    if (!mail) return { notificationId };
    const emailId = await this.email.store(manager, {
      userId,
      kind: 'reminder',
      subject: `Samverkan – ${notice.title}`,
      body: `${notice.title}\n\n${notice.body}\n\nÖppna i Samverkan: ${this.config.PUBLIC_URL}`,
      dedupeKey: `${notice.dedupeKey}-${userId}`,
    });
    return { notificationId, emailId };
  }

  async send(emailIds: readonly string[]): Promise<void> {
    await this.email.enqueue(emailIds);
  }
}
