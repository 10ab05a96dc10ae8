import { InjectQueue, Processor } from '@nestjs/bullmq';
import { type OnApplicationBootstrap } from '@nestjs/common';
import { CALENDAR_TIME_ZONE, Clock, JobName, QueueName, QueueProcessor, RedisLossWatch, stockholmDate } from '@samverkan/platform';
import type { Job, Queue } from 'bullmq';
import { RestaurantReportOpener } from './restaurant-report-opener.js';

/** Early on 2 January, Swedish time: the reports for the year just ended are opened everywhere. */
export const RESTAURANT_REPORTS_SCHEDULE = { pattern: '0 6 2 1 *', tz: CALENDAR_TIME_ZONE };

export interface RestaurantReportsJob {
  /** The year to open; by default the year before the job runs. */
  year?: number;
}

/** The worker's `supervision` queue: calendar-driven jobs of alcohol licence supervision. */
@Processor(QueueName.Supervision)
export class SupervisionProcessor extends QueueProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly opener: RestaurantReportOpener,
    private readonly clock: Clock,
    @InjectQueue(QueueName.Supervision) private readonly queue: Queue,
    private readonly watch: RedisLossWatch,
  ) {
    super();
  }

  /** The scheduler, at start-up and again whenever Redis lost it (RedisLossWatch). */
  async onApplicationBootstrap(): Promise<void> {
    await this.watch.keep({
      name: 'supervision',
      restore: () => this.queue.upsertJobScheduler('restaurant-reports-yearly', RESTAURANT_REPORTS_SCHEDULE, { name: JobName.RestaurantReportsOpen }),
      intact: async () => (await this.queue.getJobScheduler('restaurant-reports-yearly')) !== undefined,
    });
  }

  protected readonly handlers = {
    [JobName.RestaurantReportsOpen]: (job: Job<RestaurantReportsJob>) =>
      this.openRestaurantReports(job.data.year ?? Number(stockholmDate(this.clock.now()).slice(0, 4)) - 1),
  };

  /** Idempotent (the opener skips reports already open), so a retried job does no harm. */
  async openRestaurantReports(year: number): Promise<{ year: number; opened: number }> {
    let opened = 0;
    for (const collaboration of await this.opener.collaborations()) {
      opened += await this.opener.openYear(collaboration.id, collaboration.municipalityId, year, null);
    }
    this.logger.log(`opened ${opened} restaurant reports for ${year}`);
    return { year, opened };
  }
}
