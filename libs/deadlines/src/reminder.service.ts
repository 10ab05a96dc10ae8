import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SUPERVISOR_ROLES } from '@samverkan/access';
import { type Notice, Notifier } from '@samverkan/notifications';
import { Clock } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import type { ReminderJob } from './deadlines.service.js';
import type { ReminderRule } from './deadlines.dto.js';
import { answerersSql, supervisorsSql } from './deadline-answerers.js';
import { dueText, fireAt, RULE_LABELS, superseded } from './reminder-rules.js';

export type DeliveryOutcome = 'delivered' | 'duplicate' | 'void' | 'early' | 'superseded';

export interface Delivery {
  outcome: DeliveryOutcome;
  recipients: number;
  /** For 'early': when the reminder is really due. */
  fireAt?: Date;
}

/** A job that arrives this much before its time (clock drift between hosts) still counts. */
const EARLY_TOLERANCE_MS = 2_000;

/**
 * Delivers one reminder. Re-reads the deadline first: a met, cancelled or moved deadline, or a
 * rule switched off, makes the job void; a rule overtaken by a later one that is due as well is
 * not sent (superseded). One delivery row per (deadline, rule, due version, recipient) is the
 * guard against duplicates: BullMQ delivers at least once; people hear once. In the inbox a
 * person has one row per deadline, due version and kind (reminder or escalation), which a later
 * rule's reminder refreshes.
 */
@Injectable()
export class ReminderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async deliver(job: ReminderJob): Promise<Delivery> {
    const [deadline] = await this.dataSource.query<
      (ReminderRule & {
        id: string;
        title: string;
        kind: string;
        resource_type: string;
        resource_id: string;
        due_at: Date;
        due_on: string | null;
        due_version: number;
        status: string;
      })[]
    >(
      `SELECT d.id, d.title, d.kind, d.resource_type, d.resource_id, d.due_at, to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.due_version, d.status, r.key,
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
    const rules = await this.dataSource.query<ReminderRule[]>(
      `SELECT key, anchor, offset_value AS "offsetValue", offset_unit AS "offsetUnit", recipient, active FROM reminder_rules WHERE deadline_kind = $1`,
      [deadline.kind],
    );
    if (superseded(deadline, rules, deadline.due_at, this.clock.now())) return { outcome: 'superseded', recipients: 0 };
    const escalation = deadline.recipient === 'manager';
    const overdue = deadline.due_at.getTime() <= this.clock.now().getTime();
    const title = `${RULE_LABELS[deadline.recipient]}: ${deadline.title}`;
    const notice: Notice = {
      kind: escalation ? 'deadline_escalation' : 'deadline_reminder',
      title,
      body: overdue ? `Försenad – skulle ha varit klar ${dueText(deadline)}.` : `Ska vara klar ${dueText(deadline)}.`,
      resourceType: deadline.resource_type,
      resourceId: deadline.resource_id,
      deadlineId: deadline.id,
      inboxKey: `deadline-${deadline.id}-v${deadline.due_version}-${escalation ? 'deadline_escalation' : 'deadline_reminder'}`,
      dedupeKey: `reminder-${deadline.id}-${deadline.key}-${deadline.due_version}`,
      // Escalations always mail at once; reminders follow the user's choice (a mail each, the digest, none).
      email: escalation ? 'always' : 'preference',
    };
    const delivered = await this.dataSource.transaction(async (manager) => {
      const select = 'SELECT * FROM deadlines WHERE id = $1';
      const recipients = await manager.query<{ user_id: string }[]>(escalation ? supervisorsSql(select, '$2', '$3') : answerersSql(select, '$2', '$3'), [
        deadline.id,
        this.clock.now(),
        SUPERVISOR_ROLES,
      ]);
      let count = 0;
      for (const { user_id: userId } of recipients) {
        // The delivery row is the guard: only the first delivery to this person notifies.
        const [fresh] = await manager.query<unknown[]>(
          `INSERT INTO reminder_deliveries (deadline_id, rule_key, due_version, recipient_user_id, delivered_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING recipient_user_id`,
          [deadline.id, deadline.key, deadline.due_version, userId, this.clock.now()],
        );
        if (!fresh) continue;
        count += 1;
        const notificationId = await this.notifier.notifyOne(manager, userId, notice);
        await manager.query(
          'UPDATE reminder_deliveries SET notification_id = $5 WHERE deadline_id = $1 AND rule_key = $2 AND due_version = $3 AND recipient_user_id = $4',
          [deadline.id, deadline.key, deadline.due_version, userId, notificationId],
        );
      }
      return count;
    });
    return { outcome: delivered > 0 ? 'delivered' : 'duplicate', recipients: delivered };
  }
}
