import { Module } from '@nestjs/common';
import { QueueModule, QueueName } from '@samverkan/platform';
import { EmailService } from './email.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsProcessor } from './notifications.processor.js';
import { NotificationsService } from './notifications.service.js';
import { Notifier } from './notifier.service.js';

const providers = [NotificationsService, EmailService, Notifier];

/** The inbox and e-mail, for the api (controller). */
@Module({
  imports: [QueueModule.register(QueueName.Notifications)],
  controllers: [NotificationsController],
  providers,
  exports: providers,
})
export class NotificationsModule {}

/** The inbox and e-mail, for the worker (sending). */
@Module({
  imports: [QueueModule.register(QueueName.Notifications)],
  providers: [...providers, NotificationsProcessor],
  exports: providers,
})
export class NotificationsWorkerModule {}
