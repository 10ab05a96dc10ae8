import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Principal } from '@samverkan/access';
import { type AttachmentAccess, type AttachmentGate, AttachmentGates } from '@samverkan/attachments';
import type { EntityManager } from 'typeorm';
import { visibleCategories, YouthCaseAccess } from './youth-case-access.js';
import { CATEGORY_KEYS } from './youth-rules.js';

/**
 * Attachments of youth cases (issue #21) follow the case: seen by whoever sees the case, and of
 * each file only what its information category allows, by the same rule as notes (consent and
 * disclosure coverage, OSL 10 kap 18 a §, GDPR art. 6, 9, 10); added and removed by those who may
 * update the case while it is open. A new file counts as a new entry for retention (SoL 12 kap 1 §).
 */
@Injectable()
export class YouthAttachmentGate implements AttachmentGate, OnModuleInit {
  readonly recordType = 'youth_case' as const;
  readonly categories = CATEGORY_KEYS;

  constructor(
    private readonly gates: AttachmentGates,
    private readonly cases: YouthCaseAccess,
  ) {}

  onModuleInit(): void {
    this.gates.register(this);
  }

  async read(principal: Principal, caseId: string): Promise<AttachmentAccess> {
    const { record, access } = await this.cases.readable(principal, caseId);
    return { categories: visibleCategories(access), organisationId: record.ownerOrganisationId };
  }

  async write(principal: Principal, caseId: string): Promise<AttachmentAccess> {
    const record = await this.cases.workable(principal, caseId, 'youth_case:update');
    return { categories: null, organisationId: record.ownerOrganisationId };
  }

  written(manager: EntityManager, caseId: string): Promise<void> {
    return this.cases.touch(manager, caseId);
  }
}
