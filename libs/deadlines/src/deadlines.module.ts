import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverkan/identity';
import { NotificationsModule, NotificationsWorkerModule } from '@samverkan/notifications';
import { QueueModule, QueueName } from '@samverkan/platform';
import { DeadlinesController } from './deadlines.controller.js';
import { DeadlinesProcessor } from './deadlines.processor.js';
import { DeadlinesService } from './deadlines.service.js';
import { DigestService } from './digest.service.js';
import { ReconcilerService } from './reconciler.service.js';
import { ReminderRulesService } from './reminder-rules.service.js';
import { ReminderService } from './reminder.service.js';
import { WorkQueueController } from './work-queue.controller.js';
import { WorkQueueService } from './work-queue.service.js';

/** The deadline registry for the api: modules register deadlines; people list theirs; admins edit rules. */
@Module({
  imports: [QueueModule.register(QueueName.Deadlines, QueueName.Notifications), NotificationsModule, IdentityModule],
  controllers: [DeadlinesController, WorkQueueController],
  providers: [DeadlinesService, ReminderRulesService, WorkQueueService],
  exports: [DeadlinesService],
})
export class DeadlinesModule {}

/** Delivery for the worker: reminders, escalations, the reconciler and the morning digest. */
@Module({
  imports: [QueueModule.register(QueueName.Deadlines), NotificationsWorkerModule],
  providers: [DeadlinesService, ReminderService, ReconcilerService, DigestService, DeadlinesProcessor],
  exports: [DeadlinesService, ReminderService, ReconcilerService, DigestService],
})
export class DeadlinesWorkerModule {}
