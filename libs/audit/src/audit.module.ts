import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditRecorder } from '@samverkan/platform';
import { AuditController } from './audit.controller.js';
import { AuditInterceptor } from './audit.interceptor.js';
import { AuditService } from './audit.service.js';

/** Recording audit events, for every module of the api and the worker (AuditService, and AuditRecorder for libs/access). */
@Global()
@Module({
  providers: [AuditService, { provide: AuditRecorder, useExisting: AuditService }],
  exports: [AuditService, AuditRecorder],
})
export class AuditRecordingModule {}

/** The audit trail in the api: recording, the interceptor that audits every mutating request, the review API. */
@Module({
  imports: [AuditRecordingModule],
  controllers: [AuditController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
})
export class AuditModule {}
