import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditRecorder } from '@samverkan/platform';
import { AuditController } from './audit.controller.js';
import { AuditInterceptor } from './audit.interceptor.js';
import { AuditService } from './audit.service.js';

/** The audit trail: the service every module records through, the interceptor, the review API. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, { provide: AuditRecorder, useExisting: AuditService }, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditService, AuditRecorder],
})
export class AuditModule {}
