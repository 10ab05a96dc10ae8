import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccessService, type Principal } from '@samverkan/access';
import { type DocumentGate, type DocumentKind, type DocumentRecord, DocumentRegistry } from '@samverkan/documents';
import { ProblemException } from '@samverkan/platform';
import { InspectionsService } from '../inspections/inspections.service.js';
import { SanctionsService } from '../sanctions/sanctions.service.js';
import { inspectionReference, isReportable, sanctionCaseReference, sanctionDocumentRefusal, type SanctionDocumentKind } from './document-rules.js';

/**
 * Documents of an inspection (the tillsynsrapport to the licence holder, issue #21): seen by
 * whoever sees the inspection, issued by those who may perform it — once the protocol is done.
 */
@Injectable()
export class InspectionDocumentGate implements DocumentGate, OnModuleInit {
  readonly recordType = 'inspection' as const;

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly inspections: InspectionsService,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.registry.registerGate(this);
  }

  async read(principal: Principal, id: string): Promise<DocumentRecord> {
    const row = await this.inspections.get(principal, id);
    return { organisationId: row.ownerOrganisationId, reference: inspectionReference(row.premisesName, row.plannedStart) };
  }

  async issue(principal: Principal, id: string, kind: DocumentKind | null): Promise<DocumentRecord> {
    const row = await this.inspections.get(principal, id);
    await this.access.assertAllowed(principal, 'inspection:perform', { id, collaborationId: row.collaborationId, organisationId: row.ownerOrganisationId });
    // The report tells what the protocol found (AL 9 kap. 2 §: every visit is reported to the holder): not before the visit is performed.
    if (kind !== null && !isReportable(row.status)) throw new ProblemException('inspection.not_performed', { status: row.status });
    return { organisationId: row.ownerOrganisationId, reference: inspectionReference(row.premisesName, row.plannedStart) };
  }
}

/**
 * Documents of a sanction case (the hearing letter and the decision, AL 9 kap. 17–18 §§): seen by
 * whoever sees the case, issued by those who decide it (the municipality's licensing officers), as
 * its hearing and decision are recorded; the hearing letter while the case is open, the decision
 * letter once decided (document-rules.ts).
 */
@Injectable()
export class SanctionCaseDocumentGate implements DocumentGate, OnModuleInit {
  readonly recordType = 'sanction_case' as const;

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly sanctions: SanctionsService,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.registry.registerGate(this);
  }

  async read(principal: Principal, id: string): Promise<DocumentRecord> {
    const row = await this.sanctions.get(principal, id);
    return { organisationId: row.ownerOrganisationId, reference: sanctionCaseReference(row.premisesName, row.proposedAt) };
  }

  async issue(principal: Principal, id: string, kind: DocumentKind | null): Promise<DocumentRecord> {
    const row = await this.sanctions.get(principal, id);
    await this.access.assertAllowed(principal, 'sanction:decide', { id, collaborationId: row.collaborationId, organisationId: row.ownerOrganisationId });
    const refusal = kind === null ? null : sanctionDocumentRefusal(kind as SanctionDocumentKind, row.decision);
    if (refusal) throw new ProblemException(refusal === 'decided' ? 'sanction.decided' : 'sanction.decision_missing');
    return { organisationId: row.ownerOrganisationId, reference: sanctionCaseReference(row.premisesName, row.proposedAt) };
  }
}
