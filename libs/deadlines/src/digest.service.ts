import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SUPERVISOR_ROLES } from '@samverkan/access';
import { EmailService, NotificationsService } from '@samverkan/notifications';
import { AppConfig, Clock, stockholmDate } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { answerersSql } from './deadline-answerers.js';
import { dueText } from './reminder-rules.js';

interface DigestRow {
  user_id: string;
  display_name: string;
  items: { title: string; due_at: string; due_on: string | null; overdue: boolean }[];
}

/**
 * The daily digest (07:00 Europe/Stockholm): one mail per user who prefers digests, listing what
 * they answer for (deadline-answerers.ts: the same people reminders go to, organisation-level
 * deadlines included) that is overdue or due within a week — instead of a mail per reminder.
 */
@Injectable()
export class DigestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly email: EmailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<{ mails: number }> {
    if (!this.email.enabled) return { mails: 0 };
    const now = this.clock.now();
    const today = stockholmDate(now);
    const horizon = new Date(now.getTime() + 7 * 86_400_000);
    const answering = await this.dataSource.query<DigestRow[]>(
      `WITH mine AS (${answerersSql(`SELECT * FROM deadlines WHERE status = 'open' AND due_at <= $2`, '$1', '$3')})
       SELECT u.id AS user_id, u.display_name,
              json_agg(json_build_object('title', d.title, 'due_at', d.due_at, 'due_on', d.due_on, 'overdue', d.due_at < $1) ORDER BY d.due_at, d.id) AS items
       FROM mine JOIN deadlines d ON d.id = mine.deadline_id JOIN users u ON u.id = mine.user_id
       GROUP BY u.id, u.display_name`,
      [now, horizon, SUPERVISOR_ROLES],
    );
    const wantDigest = await this.notifications.withEmailMode(
      answering.map((row) => row.user_id),
      'digest',
    );
    // Stored in one transaction; each mail is queued once it commits (EmailService.store).
    const mails = await this.dataSource.transaction(async (manager) => {
      let stored = 0;
      for (const row of answering.filter((r) => wantDigest.has(r.user_id))) {
        const overdue = row.items.filter((i) => i.overdue);
        const soon = row.items.filter((i) => !i.overdue);
        const list = (items: DigestRow['items']) =>
          items.map((i) => `  • ${i.title} — ${dueText({ due_at: new Date(i.due_at), due_on: i.due_on })}`).join('\n');
        const body = [
          `Hej ${row.display_name},`,
          '',
          overdue.length ? `Försenat (${overdue.length}):\n${list(overdue)}\n` : '',
          soon.length ? `Inom en vecka (${soon.length}):\n${list(soon)}\n` : '',
          `Se allt i Samverkan: ${this.config.PUBLIC_URL}`,
          '',
          'Du får den här sammanfattningen varje morgon. Ändra under Inställningar → Aviseringar.',
        ]
          .filter((line) => line !== '')
          .join('\n');
        const id = await this.email.store(manager, {
          userId: row.user_id,
          kind: 'digest',
          subject: `Samverkan: ${overdue.length} försenade, ${soon.length} inom en vecka`,
          body,
          dedupeKey: `digest-${row.user_id}-${today}`,
        });
        if (id) stored += 1;
      }
      return stored;
    });
    return { mails };
  }
}
