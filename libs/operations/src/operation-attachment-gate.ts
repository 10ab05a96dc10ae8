import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Principal } from '@samverkan/access';
import { type AttachmentAccess, type AttachmentGate, AttachmentGates } from '@samverkan/attachments';
import { OperationsService } from './operations.service.js';

/**
 * Attachments of police operations (issue #21): inside the police compartment like the operation
 * itself (DOMAIN.md §4) — seen, added and removed only by those who may open the operation (its
 * participants, proposer and commanders); for everyone else it does not exist (404).
 */
@Injectable()
export class OperationAttachmentGate implements AttachmentGate, OnModuleInit {
  readonly recordType = 'operation' as const;

  constructor(
    private readonly gates: AttachmentGates,
    private readonly operations: OperationsService,
  ) {}

  onModuleInit(): void {
    this.gates.register(this);
  }

  async read(principal: Principal, id: string): Promise<AttachmentAccess> {
    const record = await this.operations.readable(principal, id);
    return { categories: null, organisationId: record.ownerOrganisationId };
  }

  write(principal: Principal, id: string): Promise<AttachmentAccess> {
    return this.read(principal, id);
  }
}
