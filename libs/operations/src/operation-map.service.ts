import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, scopeCondition } from '@samverkan/access';
import { bboxParams, Clock, type MapFeature, type MapFeatureQuery, type MapFeatures, featuresOf, withinBBox } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { OPERATION_AREA_RADIUS_METRES } from './operation-rules.js';

/**
 * Released operation areas on the map (issue #20), for those who read the released summaries
 * (operation_summary:read, their collaborations). Only a summary whose release named one of the
 * collaboration's places is drawn: a circle around that place, labelled with the general area and
 * the period. Nothing of the operation itself — no id, counts, participants or intelligence.
 * The place's position is read with the summary (a read, as SELECT_SUMMARIES reads collaborations;
 * libs/promises owns and writes the places).
 */
@Injectable()
export class OperationMap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async areas(principal: Principal, query: MapFeatureQuery): Promise<MapFeatures> {
    const scope = scopeCondition(principal, 'operation_summary:read', { id: 's.id', collaborationId: 's.collaboration_id' }, this.clock.now(), {
      grants: false,
    });
    const qb = this.dataSource
      .createQueryBuilder()
      .from('operation_summaries', 's')
      .innerJoin('places', 'pl', 'pl.id = s.place_id')
      .select('s.id', 'id')
      .addSelect('s.area', 'label')
      .addSelect('pl.latitude::float8', 'latitude')
      .addSelect('pl.longitude::float8', 'longitude')
      .addSelect(`to_char(s.period_start, 'YYYY-MM-DD')`, 'periodStart')
      .addSelect(`to_char(s.period_end, 'YYYY-MM-DD')`, 'periodEnd')
      .where(scope.sql, scope.params)
      .andWhere('pl.latitude IS NOT NULL')
      .andWhere(withinBBox('pl.latitude', 'pl.longitude'), bboxParams(query.box));
    if (query.collaborationId) qb.andWhere('s.collaboration_id = :collaborationId', { collaborationId: query.collaborationId });
    const rows = await qb
      .orderBy('s.period_start', 'DESC')
      .addOrderBy('s.id')
      .limit(query.limit + 1)
      .getRawMany<Pick<MapFeature, 'id' | 'label' | 'latitude' | 'longitude' | 'periodStart' | 'periodEnd'>>();
    return featuresOf(
      rows.map((row) => ({ ...row, link: null, detail: null, status: null, radiusMetres: OPERATION_AREA_RADIUS_METRES })),
      query.limit,
    );
  }
}
