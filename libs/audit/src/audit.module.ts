import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditRecorder, QueueModule, QueueName, RedisModule } from '@samverkan/platform';
import { AuditAnchorProcessor } from './audit-anchor.processor.js';
import { AuditAnchorService } from './audit-anchor.service.js';
import { AuditController } from './audit.controller.js';
import { AuditInterceptor } from './audit.interceptor.js';
import { AuditService } from './audit.service.js';

/** Recording audit events, for every module of the api and the worker (AuditService, and AuditRecorder for libs/access). */
@Global()
@Module({
  imports: [RedisModule],
  providers: [AuditService, AuditAnchorService, { provide: AuditRecorder, useExisting: AuditService }],
  exports: [AuditService, AuditAnchorService, AuditRecorder],
})
export class AuditRecordingModule {}

/** The worker's part: anchoring the chain on a schedule. */
@Module({
  imports: [AuditRecordingModule, QueueModule.register(QueueName.Audit)],
  providers: [AuditAnchorProcessor],
})
export class AuditWorkerModule {}

/** The audit trail in the api: recording, the interceptor that audits every mutating request, the review API. */
@Module({
  imports: [AuditRecordingModule],
  controllers: [AuditController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
})
export class AuditModule {}
