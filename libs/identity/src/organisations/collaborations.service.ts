import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationKind } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { affectedRows, ProblemException, ValidationProblem } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { EVERY_PRINCIPAL, PrincipalCache } from '../auth/principal-cache.js';
import { partnerErrors, partyErrors } from './collaboration-rules.js';
import type { CollaborationView, CreateCollaborationRequest } from './organisations.dto.js';

const SELECT = `SELECT c.id, c.name,
    json_build_object('id', p.id, 'name', p.name) AS police,
    json_build_object('id', m.id, 'name', m.name) AS municipality,
    coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name)
              FROM collaboration_partners cp JOIN organisations o ON o.id = cp.organisation_id
              WHERE cp.collaboration_id = c.id), '[]') AS partners
  FROM collaborations c
  JOIN organisations p ON p.id = c.police_organisation_id
  JOIN organisations m ON m.id = c.municipality_organisation_id`;

/**
 * Collaborations and their partners, kept by system administrators (collaboration:manage). Who takes
 * part is in collaboration-rules.ts. A principal carries its collaborations, so every change here
 * renews every cached principal once it commits: the members of the organisations concerned see the
 * collaboration, or stop seeing it, at their next request.
 */
@Injectable()
export class CollaborationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly principals: PrincipalCache,
    private readonly audit: AuditService,
  ) {}

  /** Every collaboration with its parties and partners, by name (a short list: one per municipality). */
  list(): Promise<CollaborationView[]> {
    return this.dataSource.query<CollaborationView[]>(`${SELECT} ORDER BY c.name`);
  }

  /** The collaborations with the given ids (the principal's own, for /me). */
  async byIds(ids: string[]): Promise<CollaborationView[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query<CollaborationView[]>(`${SELECT} WHERE c.id = ANY($1::uuid[]) ORDER BY c.name`, [ids]);
  }

  async create(request: CreateCollaborationRequest): Promise<CollaborationView> {
    const [police, municipality] = await Promise.all([this.organisation(request.policeOrganisationId), this.organisation(request.municipalityOrganisationId)]);
    const errors = partyErrors(police, municipality);
    if (errors.length > 0) throw new ValidationProblem(errors);
    const name = request.name.trim();
    const id = await this.dataSource.transaction(async (manager) => {
      // Both the name and the pair are unique: whichever is taken is said (a pair has one collaboration).
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO collaborations (name, police_organisation_id, municipality_organisation_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING id`,
        [name, request.policeOrganisationId, request.municipalityOrganisationId],
      );
      if (!created) {
        const [pair] = await manager.query<{ name: string }[]>(
          'SELECT name FROM collaborations WHERE police_organisation_id = $1 AND municipality_organisation_id = $2',
          [request.policeOrganisationId, request.municipalityOrganisationId],
        );
        throw pair ? new ProblemException('collaboration.pair_taken', { name: pair.name }) : new ProblemException('collaboration.name_taken', { name });
      }
      await this.audit.record(
        {
          action: 'collaboration.create',
          resourceType: 'collaboration',
          resourceId: created.id,
          subjectOrganisationId: request.municipalityOrganisationId,
          changedFields: ['name', 'policeOrganisationId', 'municipalityOrganisationId'],
        },
        manager,
      );
      await this.principals.changed(manager, EVERY_PRINCIPAL);
      return created.id;
    });
    return this.find(id);
  }

  /** Makes the organisation a partner of the collaboration; already one, nothing changes (PUT). */
  async addPartner(collaborationId: string, organisationId: string): Promise<CollaborationView> {
    await this.find(collaborationId);
    const errors = partnerErrors(await this.organisation(organisationId));
    if (errors.length > 0) throw new ValidationProblem(errors);
    await this.dataSource.transaction(async (manager) => {
      const added = await manager.query<unknown[]>(
        `INSERT INTO collaboration_partners (collaboration_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING organisation_id`,
        [collaborationId, organisationId],
      );
      if (added.length > 0) await this.partnersChanged(manager, { action: 'collaboration.partner_add', collaborationId, organisationId });
    });
    return this.find(collaborationId);
  }

  /**
   * Ends the organisation's partnership: its members no longer read the promise or record under it.
   * What they recorded stays the collaboration's (activities and findings are its records).
   */
  async removePartner(collaborationId: string, organisationId: string): Promise<void> {
    await this.find(collaborationId);
    await this.dataSource.transaction(async (manager) => {
      const removed = await manager.query('DELETE FROM collaboration_partners WHERE collaboration_id = $1 AND organisation_id = $2', [
        collaborationId,
        organisationId,
      ]);
      if (affectedRows(removed) === 0) throw new NotFoundException(`The organisation ${organisationId} is no partner of collaboration ${collaborationId}.`);
      await this.partnersChanged(manager, { action: 'collaboration.partner_remove', collaborationId, organisationId });
    });
  }

  /** Audits a partner added or removed, and renews every cached principal once it commits. */
  private async partnersChanged(
    manager: EntityManager,
    change: { action: 'collaboration.partner_add' | 'collaboration.partner_remove'; collaborationId: string; organisationId: string },
  ): Promise<void> {
    const { action, collaborationId, organisationId } = change;
    await this.audit.record(
      { action, resourceType: 'collaboration', resourceId: collaborationId, subjectOrganisationId: organisationId, details: { organisationId } },
      manager,
    );
    await this.principals.changed(manager, EVERY_PRINCIPAL);
  }

  private async organisation(id: string): Promise<{ id: string; kind: OrganisationKind } | undefined> {
    const [row] = await this.dataSource.query<{ id: string; kind: OrganisationKind }[]>('SELECT id, kind FROM organisations WHERE id = $1', [id]);
    return row;
  }

  private async find(id: string): Promise<CollaborationView> {
    const [row] = await this.dataSource.query<CollaborationView[]>(`${SELECT} WHERE c.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No collaboration with id ${id}.`);
    return row;
  }
}
