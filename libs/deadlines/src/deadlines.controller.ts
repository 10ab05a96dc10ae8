import { InjectQueue } from '@nestjs/bullmq';
import { Body, Controller, Get, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Authenticated, CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import {
  ApiOk,
  ApiPage,
  etagOf,
  IfMatchVersion,
  ProblemException,
  QueueName,
  REDIS_COMMAND_TIMEOUT_MS,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
  withTimeout,
} from '@samverkan/platform';
import type { Queue } from 'bullmq';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import {
  DeadlineListQuery,
  DeadlineView,
  type FailedEmailView,
  type QueueCountsView,
  QueueHealthView,
  ReminderRule,
  ReplaceRulesRequest,
} from './deadlines.dto.js';
import { DeadlinesService } from './deadlines.service.js';
import { ReminderRulesService } from './reminder-rules.service.js';

@ApiTags('deadlines')
@Controller({ version: '1' })
export class DeadlinesController {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly rules: ReminderRulesService,
    @InjectQueue(QueueName.Deadlines) private readonly deadlineQueue: Queue,
    @InjectQueue(QueueName.Notifications) private readonly notificationQueue: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('deadlines')
  @Authenticated()
  @ApiOperation({ summary: 'Tidsfrister (Deadlines) I or my units answer for; filter mine, unit, kind, overdue, dueBefore' })
  @ApiPage(DeadlineView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: DeadlineListQuery) {
    return this.deadlines.list(principal, query);
  }

  @Get('reminder-rules')
  @RequirePermission('reminder_rule:manage')
  @ApiOperation({ summary: 'Påminnelseregler (Reminder rules) per deadline kind; the ETag is the version of the whole set' })
  @ApiOk([ReminderRule])
  async listRules(@Res({ passthrough: true }) reply: FastifyReply) {
    const [rules, version] = await Promise.all([this.rules.list(), this.rules.version()]);
    void reply.header('etag', etagOf(version));
    return rules;
  }

  @Put('reminder-rules')
  @RequirePermission('reminder_rule:manage')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of GET /reminder-rules' })
  @ApiOperation({ summary: 'Ersätt påminnelsereglerna (Replace the rules of the kinds named; If-Match with the set’s version)' })
  @ApiOk([ReminderRule], 'Every rule after the change')
  async replaceRules(@IfMatchVersion() version: number, @Body() body: ReplaceRulesRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const replaced = await this.rules.replace(body.rules, version);
    void reply.header('etag', etagOf(replaced.version));
    return replaced.rules;
  }

  @Get('admin/queues')
  @RequirePermission('operations:read')
  @ApiOperation({ summary: 'Köernas hälsa (Queue health): job counts, failed e-mail' })
  @ApiOk(QueueHealthView)
  @ApiServiceUnavailableResponse({ description: 'Redis cannot be reached (queue.unavailable)' })
  async queues(): Promise<QueueHealthView> {
    const counts = async (queue: Queue): Promise<QueueCountsView> => {
      // Bounded: with Redis down or hanging this answers 503 in time, never hangs (#15).
      const c = await withTimeout(
        queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed'),
        REDIS_COMMAND_TIMEOUT_MS,
        `counting ${queue.name}`,
      ).catch(() => {
        throw new ProblemException('queue.unavailable', { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS });
      });
      return {
        name: queue.name,
        counts: { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, completed: c.completed ?? 0, failed: c.failed ?? 0 },
      };
    };
    const [deadlines, notifications, [email]] = await Promise.all([
      counts(this.deadlineQueue),
      counts(this.notificationQueue),
      this.dataSource.query<{ pending: number; failed: number; sent: number }[]>(
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'failed')::int AS failed,
                count(*) FILTER (WHERE status = 'sent')::int AS sent FROM email_messages`,
      ),
    ]);
    const failedEmails = await this.dataSource.query<FailedEmailView[]>(
      `SELECT id, to_address AS "to", subject, attempts, last_error AS "lastError", created_at AS "createdAt"
       FROM email_messages WHERE status = 'failed' ORDER BY created_at DESC LIMIT 50`,
    );
    return { queues: [deadlines, notifications], email: { ...email, recentFailures: failedEmails } };
  }
}
