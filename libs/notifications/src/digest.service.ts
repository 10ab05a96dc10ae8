import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, stockholmDate } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { EmailService } from './email.service.js';

interface DigestRow {
  user_id: string;
  display_name: string;
  items: { title: string; due_at: string; overdue: boolean }[];
}

const dateTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'medium', timeStyle: 'short' });

/**
 * The daily digest (07:00 Europe/Stockholm): one mail per user who prefers digests, listing what
 * they are responsible for that is overdue or due within a week — instead of a mail per reminder.
 */
@Injectable()
export class DigestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly email: EmailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<{ mails: number }> {
    if (!this.email.enabled) return { mails: 0 };
    const now = this.clock.now();
    const today = stockholmDate(now);
    const horizon = new Date(now.getTime() + 7 * 86_400_000);
    const rows = await this.dataSource.query<DigestRow[]>(
      `WITH mine AS (
         SELECT coalesce(d.responsible_user_id, m.user_id) AS user_id, d.title, d.due_at, d.due_at < $1 AS overdue
         FROM deadlines d
         LEFT JOIN memberships m ON d.responsible_user_id IS NULL AND m.unit_id = d.responsible_unit_id
           AND m.valid_from <= $1 AND (m.valid_until IS NULL OR m.valid_until > $1)
         WHERE d.status = 'open' AND d.due_at <= $2)
       SELECT u.id AS user_id, u.display_name,
              json_agg(json_build_object('title', mine.title, 'due_at', mine.due_at, 'overdue', mine.overdue) ORDER BY mine.due_at) AS items
       FROM mine JOIN users u ON u.id = mine.user_id AND u.is_active
       LEFT JOIN notification_preferences p ON p.user_id = u.id
       WHERE coalesce(p.email_mode, 'digest') = 'digest'
       GROUP BY u.id, u.display_name`,
      [now, horizon],
    );
    const ids: string[] = [];
    await this.dataSource.transaction(async (manager) => {
      for (const row of rows) {
        const overdue = row.items.filter((i) => i.overdue);
        const soon = row.items.filter((i) => !i.overdue);
        const list = (items: DigestRow['items']) => items.map((i) => `  • ${i.title} — ${dateTime.format(new Date(i.due_at))}`).join('\n');
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
        if (id) ids.push(id);
      }
    });
    await this.email.enqueue(ids);
    return { mails: ids.length };
  }
}
