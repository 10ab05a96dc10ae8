import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { afterCommit, AppConfig, Clock, JobName, QueueName } from '@samverkan/platform';
import type { Queue } from 'bullmq';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';

export interface NewEmail {
  userId: string;
  kind: 'reminder' | 'digest';
  subject: string;
  body: string;
  /** One mail per key, ever: a repeated job or digest run does not mail twice. */
  dedupeKey: string;
}

/** How many times a mail is tried (exponential backoff from EMAIL_RETRY_DELAY_MS) before it is marked failed. */
export const EMAIL_ATTEMPTS = 6;

/**
 * E-mail over SMTP (nodemailer). Messages are rows first (email_messages), queued after the
 * transaction commits, sent by the worker with retries; the row records attempts, the last error
 * and whether it finally failed, so administrators can see what did not arrive.
 */
@Injectable()
export class EmailService implements OnApplicationShutdown {
  private readonly logger = new Logger(EmailService.name);
  private transport?: Transporter;
  private warnedOff = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    if (!this.config.SMTP_URL && !this.warnedOff) {
      this.warnedOff = true;
      this.logger.warn('SMTP_URL is not set: e-mail is off; notifications stay in the in-app inbox.');
    }
    return this.config.SMTP_URL !== '';
  }

  /**
   * Stores a message to the user's address inside the caller's transaction, and queues it once
   * that commits; returns its id, or undefined if a message with its dedupe key was stored before.
   */
  async store(manager: EntityManager, email: NewEmail): Promise<string | undefined> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO email_messages (user_id, to_address, subject, body_text, kind, dedupe_key)
       SELECT id, email, $2, $3, $4, $5 FROM users WHERE id = $1 AND is_active
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [email.userId, email.subject, email.body, email.kind, email.dedupeKey],
    );
    if (row) await afterCommit(manager, 'email.enqueue', row.id, (ids) => this.enqueue(ids));
    return row?.id;
  }

  /** Hands stored messages to the queue. The job id is the message id: queued once. */
  async enqueue(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.queue.addBulk(
      ids.map((id) => ({
        name: JobName.EmailSend,
        data: { emailId: id },
        opts: { jobId: `email-${id}`, attempts: EMAIL_ATTEMPTS, backoff: { type: 'exponential', delay: this.config.EMAIL_RETRY_DELAY_MS } },
      })),
    );
  }

  /**
   * The outbox: queues every stored message still pending. Those with a job in Redis are left as
   * they are (the job id is the message id); those whose job was never queued (Redis down at
   * commit) or was lost come back. Nothing to do while e-mail is off: the messages wait.
   */
  async requeuePending(): Promise<number> {
    if (!this.enabled) return 0;
    let after = '00000000-0000-0000-0000-000000000000';
    let queued = 0;
    for (;;) {
      const page = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM email_messages WHERE status = 'pending' AND id > $1 ORDER BY id LIMIT 500`, [
        after,
      ]);
      if (page.length === 0) break;
      after = page[page.length - 1].id;
      await this.enqueue(page.map((p) => p.id));
      queued += page.length;
    }
    return queued;
  }

  /** Sends one stored message; throws (so BullMQ retries) when the SMTP server refuses or is down. */
  async send(emailId: string, finalAttempt: boolean): Promise<'sent' | 'skipped'> {
    const [message] = await this.dataSource.query<{ to_address: string; subject: string; body_text: string; status: string }[]>(
      'SELECT to_address, subject, body_text, status FROM email_messages WHERE id = $1',
      [emailId],
    );
    if (!message || message.status === 'sent' || !this.enabled) return 'skipped';
    try {
      this.transport ??= nodemailer.createTransport(this.config.SMTP_URL);
      await this.transport.sendMail({ from: this.config.MAIL_FROM, to: message.to_address, subject: message.subject, text: message.body_text });
      await this.dataSource.query(`UPDATE email_messages SET status = 'sent', sent_at = $2, attempts = attempts + 1 WHERE id = $1`, [
        emailId,
        this.clock.now(),
      ]);
      return 'sent';
    } catch (error) {
      const reason = (error as Error).message.slice(0, 500);
      await this.dataSource.query(`UPDATE email_messages SET attempts = attempts + 1, last_error = $2, status = $3 WHERE id = $1`, [
        emailId,
        reason,
        finalAttempt ? 'failed' : 'pending',
      ]);
      throw error;
    }
  }

  /**
   * Sends a message at once, without storing it: for one-time links (invitations, password
   * resets, issue #18) whose token must not rest in the database. Throws when e-mail is off or
   * the SMTP server refuses; the caller decides what that means (a new link can be asked for).
   */
  async sendNow(to: string, subject: string, body: string): Promise<void> {
    if (!this.enabled) throw new Error('E-mail is off (SMTP_URL is not set).');
    this.transport ??= nodemailer.createTransport(this.config.SMTP_URL);
    await this.transport.sendMail({ from: this.config.MAIL_FROM, to, subject, text: body });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
