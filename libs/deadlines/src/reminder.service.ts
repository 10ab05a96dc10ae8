import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SUPERVISOR_ROLES } from '@samverkan/access';
import { EmailService, NotificationsService } from '@samverkan/notifications';
import { AppConfig, Clock } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import type { ReminderJob } from './deadlines.service.js';
import type { ReminderRule } from './deadlines.dto.js';
import { fireAt, RULE_LABELS } from './reminder-rules.js';

export type DeliveryOutcome = 'delivered' | 'duplicate' | 'void' | 'early';

export interface Delivery {
  outcome: DeliveryOutcome;
  recipients: number;
  /** For 'early': when the reminder is really due. */
  fireAt?: Date;
}

/** A job that arrives this much before its time (clock drift between hosts) still counts. */
const EARLY_TOLERANCE_MS = 2_000;

const dateTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' });

/**
 * Delivers one reminder. Re-reads the deadline first: a met, cancelled or moved deadline, or a
 * rule switched off, makes the job void. One delivery row per (deadline, rule, due version,
 * recipient) is the guard against duplicates: BullMQ delivers at least once; people hear once.
 */
@Injectable()
export class ReminderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly email: EmailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async deliver(job: ReminderJob): Promise<Delivery> {
    const [deadline] = await this.dataSource.query<
      (ReminderRule & { id: string; title: string; kind: string; resource_type: string; resource_id: string; due_at: Date; due_version: number; status: string })[]
    >(
      `SELECT d.id, d.title, d.kind, d.resource_type, d.resource_id, d.due_at, d.due_version, d.status, r.key,
              r.anchor, r.offset_value AS "offsetValue", r.offset_unit AS "offsetUnit", r.recipient, r.active
       FROM deadlines d JOIN reminder_rules r ON r.deadline_kind = d.kind AND r.key = $2
       WHERE d.id = $1`,
      [job.deadlineId, job.ruleKey],
    );
    if (!deadline || deadline.status !== 'open' || deadline.due_version !== job.dueVersion || !deadline.active) {
      return { outcome: 'void', recipients: 0 };
    }
    const when = fireAt(deadline.due_at, deadline);
    if (when.getTime() - this.clock.now().getTime() > EARLY_TOLERANCE_MS) {
      // Fired before its time (a clock moved): the processor puts the job back for the right moment.
      return { outcome: 'early', recipients: 0, fireAt: when };
    }
    const escalation = deadline.recipient === 'manager';
    const emailIds: string[] = [];
    const delivered = await this.dataSource.transaction(async (manager) => {
      const recipients = await manager.query<{ user_id: string }[]>(
        escalation ? MANAGERS_SQL : RESPONSIBLE_SQL,
        [deadline.id, this.clock.now(), SUPERVISOR_ROLES],
      );
      let count = 0;
      const overdue = deadline.due_at.getTime() <= this.clock.now().getTime();
      const title = `${RULE_LABELS[deadline.recipient]}: ${deadline.title}`;
      const body = overdue
        ? `Försenad – skulle ha varit klar ${dateTime.format(deadline.due_at)}.`
        : `Ska vara klar ${dateTime.format(deadline.due_at)}.`;
      for (const { user_id: userId } of recipients) {
        // One statement: the delivery row is the guard; only a new delivery creates its notification.
        const [created] = await manager.query<{ id: string }[]>(
          `WITH note AS (SELECT gen_random_uuid() AS id),
           delivery AS (
             INSERT INTO reminder_deliveries (deadline_id, rule_key, due_version, recipient_user_id, notification_id, delivered_at)
             SELECT $1, $2, $3, $4, note.id, $5 FROM note ON CONFLICT DO NOTHING RETURNING notification_id)
           INSERT INTO notifications (id, user_id, kind, title, body, resource_type, resource_id, deadline_id, created_at)
           SELECT delivery.notification_id, $4, $6, $7, $8, $9, $10, $1, $5 FROM delivery RETURNING id`,
          [deadline.id, deadline.key, deadline.due_version, userId, this.clock.now(), escalation ? 'deadline_escalation' : 'deadline_reminder',
            title, body, deadline.resource_type, deadline.resource_id],
        );
        if (!created) continue;
        count += 1;
        const notificationId = created.id;
        // Escalations always mail at once; reminders follow the user's choice (a mail each, the digest, none).
        if (this.email.enabled && (escalation || (await this.notifications.emailMode(userId, manager)) === 'immediate')) {
          const id = await this.email.store(manager, {
            userId,
            kind: 'reminder',
            subject: `Samverkan – ${title}`,
            body: `${title}\n\n${body}\n\nÖppna i Samverkan: ${this.config.PUBLIC_URL}`,
            dedupeKey: `reminder-${notificationId}`,
          });
          if (id) emailIds.push(id);
        }
      }
      return count;
    });
    await this.email.enqueue(emailIds);
    return { outcome: delivered > 0 ? 'delivered' : 'duplicate', recipients: delivered };
  }
}

// The person responsible; else everyone in the responsible unit; else the organisation's supervisors.
const RESPONSIBLE_SQL = `
  WITH d AS (SELECT * FROM deadlines WHERE id = $1),
  member AS (
    SELECT DISTINCT m.user_id, un.organisation_id, m.unit_id, m.role
    FROM memberships m JOIN units un ON un.id = m.unit_id JOIN users u ON u.id = m.user_id AND u.is_active
    WHERE m.valid_from <= $2 AND (m.valid_until IS NULL OR m.valid_until > $2))
  SELECT u.id AS user_id FROM users u JOIN d ON u.id = d.responsible_user_id WHERE u.is_active
  UNION
  SELECT member.user_id FROM member JOIN d ON d.responsible_user_id IS NULL AND member.unit_id = d.responsible_unit_id
  UNION
  SELECT member.user_id FROM member JOIN d ON d.responsible_user_id IS NULL AND d.responsible_unit_id IS NULL
    AND member.organisation_id = d.responsible_organisation_id AND member.role = ANY($3::text[])`;

// Supervisors of the responsible unit; if it has none, those of the responsible organisation.
const MANAGERS_SQL = `
  WITH d AS (SELECT * FROM deadlines WHERE id = $1),
  supervisor AS (
    SELECT DISTINCT m.user_id, m.unit_id, un.organisation_id
    FROM memberships m JOIN units un ON un.id = m.unit_id JOIN users u ON u.id = m.user_id AND u.is_active
    WHERE m.role = ANY($3::text[]) AND m.valid_from <= $2 AND (m.valid_until IS NULL OR m.valid_until > $2)),
  in_unit AS (SELECT s.user_id FROM supervisor s JOIN d ON s.unit_id = d.responsible_unit_id)
  SELECT user_id FROM in_unit
  UNION
  SELECT s.user_id FROM supervisor s JOIN d ON s.organisation_id = d.responsible_organisation_id
  WHERE NOT EXISTS (SELECT 1 FROM in_unit)`;
