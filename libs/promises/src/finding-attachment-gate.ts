import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccessService, type Principal } from '@samverkan/access';
import { type AttachmentAccess, type AttachmentGate, AttachmentGates } from '@samverkan/attachments';
import { FindingPhotosService } from './finding-photos.service.js';
import { FindingsService } from './findings.service.js';

/**
 * Attachments of findings (issue #21) follow the finding's photos: seen by whoever sees the
 * finding, added and removed by its recorder or whoever may update it, while it is not done or
 * rejected.
 */
@Injectable()
export class FindingAttachmentGate implements AttachmentGate, OnModuleInit {
  readonly recordType = 'finding' as const;

  constructor(
    private readonly gates: AttachmentGates,
    private readonly findings: FindingsService,
    private readonly photos: FindingPhotosService,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.gates.register(this);
  }

  async read(principal: Principal, findingId: string): Promise<AttachmentAccess> {
    const facts = await this.findings.facts(principal, findingId);
    return { categories: null, organisationId: facts.organisationId };
  }

  async write(principal: Principal, findingId: string): Promise<AttachmentAccess> {
    const facts = await this.findings.facts(principal, findingId);
    if (facts.ownerUserId !== principal.userId) await this.access.assertAllowed(principal, 'finding:update', facts);
    await this.photos.assertNotFinal(findingId);
    return { categories: null, organisationId: facts.organisationId };
  }
}
