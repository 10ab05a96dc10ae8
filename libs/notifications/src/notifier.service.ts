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
  /** Once per key and user: a retried job does not notify twice. */
  dedupeKey: string;
}

/**
 * Tells people about an event outside the deadline engine (a withdrawn consent, a new report of
 * concern): an inbox notification each, and an e-mail for those who asked for immediate mail.
 * Written in the caller's transaction; `send` hands the e-mail to the queue after commit.
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
      await manager.query(
        `INSERT INTO notifications (user_id, kind, title, body, resource_type, resource_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [userId, notice.kind, notice.title, notice.body, notice.resourceType, notice.resourceId, this.clock.now()],
      );
      if (this.email.enabled && (await this.notifications.emailMode(userId, manager)) === 'immediate') {
        const id = await this.email.store(manager, {
          userId,
          kind: 'reminder',
          subject: `Samverkan – ${notice.title}`,
          body: `${notice.title}\n\n${notice.body}\n\nÖppna i Samverkan: ${this.config.PUBLIC_URL}`,
          dedupeKey: `${notice.dedupeKey}-${userId}`,
        });
        if (id) emailIds.push(id);
      }
    }
    return emailIds;
  }

  async send(emailIds: readonly string[]): Promise<void> {
    await this.email.enqueue(emailIds);
  }
}
