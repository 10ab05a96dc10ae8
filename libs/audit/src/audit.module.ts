import { Global, Module, type NestModule } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { AuditRecorder, QueueModule, QueueName, RedisModule } from '@samverkan/platform';
import { AuditAnchorProcessor } from './audit-anchor.processor.js';
import { AuditAnchorService } from './audit-anchor.service.js';
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

/** The worker's part: anchoring the chain on a schedule. */
@Module({
  imports: [AuditRecordingModule, QueueModule.register(QueueName.Audit)],
  providers: [AuditAnchorProcessor],
})
export class AuditWorkerModule {}

/** The audit trail in the api: recording, the interceptor that audits every mutating request and sensitive read, the review API. */
@Module({
  imports: [AuditRecordingModule],
  controllers: [AuditController],
  providers: [AuditInterceptor],
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
