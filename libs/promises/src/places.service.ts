import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal, scopeCondition } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { assertVersionMatched, Clock, invalidField, type Page, pageOf, ProblemException } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import type { CreatePlaceRequest, PlaceListQuery, UpdatePlaceRequest } from './findings.dto.js';
import type { PlaceView } from './findings.views.js';

const SELECT_PLACES = `
  SELECT pl.id, pl.collaboration_id AS "collaborationId", pl.name, pl.kind,
         pl.latitude::float8 AS latitude, pl.longitude::float8 AS longitude, pl.version
  FROM places pl`;

/**
 * The collaboration's named places, chosen when a round, a walk or a finding is recorded. Members
 * of the collaboration read them (promise:read); those who manage the promise (promise:manage in
 * the collaboration) add, change and remove them.
 */
@Injectable()
export class PlacesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: PlaceListQuery): Promise<Page<PlaceView>> {
    const scope = scopeCondition(principal, 'promise:read', { id: 'pl.id', collaborationId: 'pl.collaboration_id' }, this.clock.now(), { grants: false });
    const qb = this.dataSource.createQueryBuilder().from('places', 'pl').where(scope.sql, scope.params);
    if (query.collaborationId) qb.andWhere('pl.collaboration_id = :collaborationId', { collaborationId: query.collaborationId });
    if (query.kind) qb.andWhere('pl.kind = :kind', { kind: query.kind });
    return pageOf<PlaceView>(
      this.dataSource,
      qb,
      {
        alias: 'pl',
        orderBy: [['lower(pl.name)', 'ASC']],
        select: SELECT_PLACES,
      },
      query,
    );
  }

  async get(principal: Principal, id: string): Promise<PlaceView> {
    const place = await this.find(id);
    await this.access.authorize(principal, 'promise', 'read', { id: place.id, collaborationId: place.collaborationId });
    return place;
  }

  async create(principal: Principal, request: CreatePlaceRequest): Promise<PlaceView> {
    // A collaboration the caller is not a member of does not exist for them (404).
    const record = { id: request.collaborationId, collaborationId: request.collaborationId };
    await this.access.authorize(principal, 'promise', 'read', record);
    await this.access.assertAllowed(principal, 'promise:manage', record);
    assertPositionPair(request.latitude, request.longitude);
    const id = await this.dataSource.transaction(async (manager) => {
      const [taken] = await manager.query(`SELECT 1 FROM places WHERE collaboration_id = $1 AND lower(name) = lower($2)`, [
        request.collaborationId,
        request.name.trim(),
      ]);
      if (taken) throw invalidField('name', 'place.name_taken');
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO places (collaboration_id, name, kind, latitude, longitude, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [request.collaborationId, request.name.trim(), request.kind, request.latitude ?? null, request.longitude ?? null, principal.userId],
      );
      await this.audit.record({ action: 'place.create', resourceType: 'place', resourceId: created.id }, manager);
      return created.id;
    });
    return this.find(id);
  }

  async update(principal: Principal, id: string, version: number, request: UpdatePlaceRequest): Promise<PlaceView> {
    const before = await this.manageable(principal, id);
    const latitude = request.latitude !== undefined ? request.latitude : before.latitude;
    const longitude = request.longitude !== undefined ? request.longitude : before.longitude;
    assertPositionPair(latitude ?? undefined, longitude ?? undefined);
    const name = request.name?.trim() ?? before.name;
    const changed = (Object.keys(request) as (keyof UpdatePlaceRequest)[]).filter((k) => request[k] !== before[k]);
    await this.dataSource.transaction(async (manager) => {
      const [taken] = await manager.query(`SELECT 1 FROM places WHERE collaboration_id = $1 AND lower(name) = lower($2) AND id <> $3`, [
        before.collaborationId,
        name,
        id,
      ]);
      if (taken) throw invalidField('name', 'place.name_taken');
      const updated = await manager.query<unknown[]>(
        `UPDATE places SET name = $3, kind = $4, latitude = $5, longitude = $6, version = version + 1 WHERE id = $1 AND version = $2`,
        [id, version, name, request.kind ?? before.kind, latitude, longitude],
      );
      assertVersionMatched(updated, before.version);
      await this.audit.record({ action: 'place.update', resourceType: 'place', resourceId: id, changedFields: changed }, manager);
    });
    return this.find(id);
  }

  /** A place findings or activities point at stays: they keep their place (409 `place.in_use`). */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.manageable(principal, id);
    await this.dataSource.transaction(async (manager) => {
      const [used] = await manager.query(
        '(SELECT 1 FROM findings WHERE place_id = $1 LIMIT 1) UNION ALL (SELECT 1 FROM activities WHERE place_id = $1 LIMIT 1) LIMIT 1',
        [id],
      );
      if (used) throw new ProblemException('place.in_use');
      await manager.query('DELETE FROM places WHERE id = $1', [id]);
      await this.audit.record({ action: 'place.delete', resourceType: 'place', resourceId: id }, manager);
    });
  }

  private async manageable(principal: Principal, id: string): Promise<PlaceView> {
    const place = await this.get(principal, id);
    await this.access.assertAllowed(principal, 'promise:manage', { id: place.collaborationId, collaborationId: place.collaborationId });
    return place;
  }

  private async find(id: string): Promise<PlaceView> {
    const [row] = await this.dataSource.query<PlaceView[]>(`${SELECT_PLACES} WHERE pl.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No place with id ${id}.`);
    return row;
  }
}

/** A position is a pair: half of one is refused at the field that is missing. */
function assertPositionPair(latitude: number | undefined, longitude: number | undefined): void {
  if ((latitude === undefined) !== (longitude === undefined)) throw invalidField(latitude === undefined ? 'latitude' : 'longitude', 'place.position_pair');
}
