import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccessService, type Principal } from '@samverkan/access';
import { type AttachmentAccess, type AttachmentGate, AttachmentGates } from '@samverkan/attachments';
import { InspectionsService } from './inspections/inspections.service.js';
import { SanctionsService } from './sanctions/sanctions.service.js';

/**
 * Attachments of inspections (issue #21: the report sent to the holder, a photo of a notice):
 * seen by whoever sees the inspection, added and removed by those who may perform it.
 */
@Injectable()
export class InspectionAttachmentGate implements AttachmentGate, OnModuleInit {
  readonly recordType = 'inspection' as const;

  constructor(
    private readonly gates: AttachmentGates,
    private readonly inspections: InspectionsService,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.gates.register(this);
  }

  async read(principal: Principal, id: string): Promise<AttachmentAccess> {
    const row = await this.inspections.get(principal, id);
    return { categories: null, organisationId: row.ownerOrganisationId };
  }

  async write(principal: Principal, id: string): Promise<AttachmentAccess> {
    const row = await this.inspections.get(principal, id);
    await this.access.assertAllowed(principal, 'inspection:perform', { id, collaborationId: row.collaborationId, organisationId: row.ownerOrganisationId });
    return { categories: null, organisationId: row.ownerOrganisationId };
  }
}

/**
 * Attachments of sanction cases (the hearing letter, the holder's answer, the decision): seen by
 * whoever sees the case, added and removed by those who decide it (the municipality's licensing
 * officers), as its hearing and decision are.
 */
@Injectable()
export class SanctionCaseAttachmentGate implements AttachmentGate, OnModuleInit {
  readonly recordType = 'sanction_case' as const;

  constructor(
    private readonly gates: AttachmentGates,
    private readonly sanctions: SanctionsService,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.gates.register(this);
  }

  async read(principal: Principal, id: string): Promise<AttachmentAccess> {
    const row = await this.sanctions.get(principal, id);
    return { categories: null, organisationId: row.ownerOrganisationId };
  }

  async write(principal: Principal, id: string): Promise<AttachmentAccess> {
    const row = await this.sanctions.get(principal, id);
    await this.access.assertAllowed(principal, 'sanction:decide', { id, collaborationId: row.collaborationId, organisationId: row.ownerOrganisationId });
    return { categories: null, organisationId: row.ownerOrganisationId };
  }
}
