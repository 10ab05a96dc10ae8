import { Global, Module, type NestModule } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { AuditRecorder, QueueModule, QueueName, RedisModule } from '@samverkan/platform';
import { AuditAnchorProcessor } from './audit-anchor.processor.js';
import { AuditAnchorService } from './audit-anchor.service.js';
import { AuditVerificationProcessor } from './audit-verification.processor.js';
import { AuditVerificationService } from './audit-verification.service.js';
import { AuditController } from './audit.controller.js';
import { AuditInterceptor } from './audit.interceptor.js';
import { AuditService } from './audit.service.js';
import { bindAuditInterceptor } from './audited-routes.js';

/** Recording audit events, for every module of the api and the worker (AuditService, and AuditRecorder for libs/access). */
@Global()
@Module({
  imports: [RedisModule],
  providers: [AuditService, AuditAnchorService, { provide: AuditRecorder, useExisting: AuditService }],
  exports: [AuditService, AuditAnchorService, AuditRecorder],
})
export class AuditRecordingModule {}

/** The worker's part: anchoring the chain on a schedule, and verifying it in pages (issue #19). */
@Module({
  imports: [AuditRecordingModule, QueueModule.register(QueueName.Audit, QueueName.AuditVerification)],
  providers: [AuditAnchorProcessor, AuditVerificationService, AuditVerificationProcessor],
})
export class AuditWorkerModule {}

/** The audit trail in the api: recording, the interceptor that audits every mutating request and sensitive read, the review API (it queues verification runs). */
@Module({
  imports: [AuditRecordingModule, QueueModule.register(QueueName.AuditVerification)],
  controllers: [AuditController],
  providers: [AuditInterceptor, AuditVerificationService],
  exports: [AuditVerificationService],
})
export class AuditModule implements NestModule {
  constructor(
    private readonly modules: ModulesContainer,
    private readonly interceptor: AuditInterceptor,
  ) {}

  /** Nest calls this before it registers the routes: the one moment to bind the interceptor to the audited ones (audited-routes.ts). */
  configure(): void {
    bindAuditInterceptor(this.modules, this.interceptor);
  }
}
