import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, RECORD_PAGES, scopeCondition } from '@samverkan/access';
import { bboxParams, Clock, type MapFeature, type MapFeatureQuery, type MapFeatures, featuresOf, withinBBox } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { PREMISES_COLUMNS } from './premises.service.js';

/**
 * Licensed premises on the map (issue #20), in the scope of the premises list (premises:read: the
 * caller's collaborations or organisation, and premises granted to them). Premises without a
 * position are not drawn; their place in the register is the list.
 */
@Injectable()
export class LicensingMap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async premises(principal: Principal, query: MapFeatureQuery): Promise<MapFeatures> {
    const scope = scopeCondition(principal, 'premises:read', PREMISES_COLUMNS, this.clock.now());
    const qb = this.dataSource
      .createQueryBuilder()
      .from('premises', 'p')
      .select('p.id', 'id')
      .addSelect('p.name', 'label')
      .addSelect('p.latitude::float8', 'latitude')
      .addSelect('p.longitude::float8', 'longitude')
      .addSelect(`nullif(concat_ws(', ', nullif(p.address, ''), nullif(p.city, '')), '')`, 'detail')
      .where(scope.sql, scope.params)
      .andWhere('p.latitude IS NOT NULL')
      .andWhere(withinBBox('p.latitude', 'p.longitude'), bboxParams(query.box));
    if (query.collaborationId) qb.andWhere('p.collaboration_id = :collaborationId', { collaborationId: query.collaborationId });
    const rows = await qb
      .orderBy('p.name')
      .addOrderBy('p.id')
      .limit(query.limit + 1)
      .getRawMany<Pick<MapFeature, 'id' | 'label' | 'latitude' | 'longitude' | 'detail'>>();
    return featuresOf(
      rows.map((row) => ({ ...row, link: RECORD_PAGES.premises.path(row.id), status: null, periodStart: null, periodEnd: null, radiusMetres: null })),
      query.limit,
    );
  }
}
