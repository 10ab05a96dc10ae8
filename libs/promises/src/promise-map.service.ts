import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, RECORD_PAGES, scopeCondition } from '@samverkan/access';
import { bboxParams, Clock, type MapFeature, type MapFeatureQuery, type MapFeatures, featuresOf, withinBBox } from '@samverkan/platform';
import type { DataSource } from 'typeorm';

type Row = Omit<MapFeature, 'link' | 'periodStart' | 'periodEnd' | 'radiusMetres'>;

/**
 * Named places and findings on the map (issue #20), in the scope of their lists: members of the
 * collaboration read them (promise:read). What has no position is not drawn.
 */
@Injectable()
export class PromiseMap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async places(principal: Principal, query: MapFeatureQuery): Promise<MapFeatures> {
    const scope = scopeCondition(principal, 'promise:read', { id: 'pl.id', collaborationId: 'pl.collaboration_id' }, this.clock.now(), { grants: false });
    const qb = this.dataSource
      .createQueryBuilder()
      .from('places', 'pl')
      .select('pl.id', 'id')
      .addSelect('pl.name', 'label')
      .addSelect('pl.latitude::float8', 'latitude')
      .addSelect('pl.longitude::float8', 'longitude')
      .addSelect('pl.kind', 'detail')
      .addSelect('NULL', 'status')
      .where(scope.sql, scope.params)
      .andWhere('pl.latitude IS NOT NULL')
      .andWhere(withinBBox('pl.latitude', 'pl.longitude'), bboxParams(query.box));
    if (query.collaborationId) qb.andWhere('pl.collaboration_id = :collaborationId', { collaborationId: query.collaborationId });
    const rows = await qb
      .orderBy('lower(pl.name)')
      .addOrderBy('pl.id')
      .limit(query.limit + 1)
      .getRawMany<Row>();
    return featuresOf(
      rows.map((row) => ({ ...row, link: null, periodStart: null, periodEnd: null, radiusMetres: null })),
      query.limit,
    );
  }

  /**
   * Findings where they were made: their own position, else their named place's. Two index paths
   * joined by OR (the findings' and the places' GiST position indexes); the newest first.
   */
  async findings(principal: Principal, query: MapFeatureQuery): Promise<MapFeatures> {
    const scope = scopeCondition(principal, 'promise:read', { id: 'f.promise_id', collaborationId: 'f.collaboration_id' }, this.clock.now(), {
      grants: false,
    });
    const qb = this.dataSource
      .createQueryBuilder()
      .from('findings', 'f')
      .leftJoin('places', 'pl', 'pl.id = f.place_id')
      .select('f.id', 'id')
      // The description says what was found; the list and the popup show its start.
      .addSelect(`left(f.description, 120)`, 'label')
      .addSelect('coalesce(f.latitude, pl.latitude)::float8', 'latitude')
      .addSelect('coalesce(f.longitude, pl.longitude)::float8', 'longitude')
      .addSelect('f.category', 'detail')
      .addSelect('f.status', 'status')
      .where(scope.sql, scope.params)
      .andWhere(
        `((f.latitude IS NOT NULL AND ${withinBBox('f.latitude', 'f.longitude')}) OR (f.latitude IS NULL AND pl.latitude IS NOT NULL AND ${withinBBox('pl.latitude', 'pl.longitude')}))`,
        bboxParams(query.box),
      );
    if (query.collaborationId) qb.andWhere('f.collaboration_id = :collaborationId', { collaborationId: query.collaborationId });
    const rows = await qb
      .orderBy('f.recorded_at', 'DESC')
      .addOrderBy('f.id')
      .limit(query.limit + 1)
      .getRawMany<Row>();
    return featuresOf(
      rows.map((row) => ({ ...row, link: RECORD_PAGES.finding.path(row.id), periodStart: null, periodEnd: null, radiusMetres: null })),
      query.limit,
    );
  }

  /** For the release of an operation summary (libs/operations): is `placeId` a place of the collaboration, with a position? */
  async isPlaceOf(collaborationId: string, placeId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT 1 FROM places WHERE id = $1 AND collaboration_id = $2`, [placeId, collaborationId]);
    return row !== undefined;
  }
}
