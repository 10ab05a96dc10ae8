import { Injectable } from '@nestjs/common';
import { hasPermission, type Principal, sessionAllows } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { LicensingMap } from '@samverkan/inspections';
import { OperationMap } from '@samverkan/operations';
import { AppConfig, MAP_LAYERS, type MapFeatureQuery, type MapFeatures, type MapLayer, readBBox } from '@samverkan/platform';
import { PromiseMap } from '@samverkan/promises';
import { MAP_LAYER_LIMIT, MAP_LAYER_PERMISSIONS, readLayers } from './map-rules.js';
import type { MapFeaturesQuery, MapFeaturesView, MapSettingsView } from './map.dto.js';

/**
 * The map (issue #20): each layer the caller may read, answered by the lib that owns its records
 * (one owner per table) in that lib's own scope, bounded and filtered by the box in SQL.
 */
@Injectable()
export class MapService {
  constructor(
    private readonly config: AppConfig,
    private readonly licensing: LicensingMap,
    private readonly promises: PromiseMap,
    private readonly operations: OperationMap,
    private readonly audit: AuditService,
  ) {}

  /** The layers `principal` may read now (a permission that needs a stronger session is left out, as in the search). */
  readable(principal: Principal): MapLayer[] {
    return MAP_LAYERS.filter(
      (layer) => hasPermission(principal, MAP_LAYER_PERMISSIONS[layer]) && sessionAllows(principal.session, MAP_LAYER_PERMISSIONS[layer]),
    );
  }

  settings(principal: Principal): MapSettingsView {
    return { tileUrl: this.config.MAP_TILE_URL || null, attribution: this.config.MAP_TILE_ATTRIBUTION || null, layers: this.readable(principal) };
  }

  async features(principal: Principal, query: MapFeaturesQuery): Promise<MapFeaturesView> {
    const box = readBBox(query.bbox);
    const allowed = this.readable(principal);
    const layers = readLayers(query.layers).filter((layer) => allowed.includes(layer));
    const asked: MapFeatureQuery = { box, collaborationId: query.collaborationId, limit: MAP_LAYER_LIMIT };
    // One layer after the other: the pool's connections are shared with every other request.
    const answer: MapFeaturesView['layers'] = [];
    for (const layer of layers) answer.push({ layer, ...(await this.layer(layer, principal, asked)) });
    // A read of several registers at once: which layers, how many of each, and the box.
    await this.audit.record({
      action: 'map.viewed',
      resourceType: 'map',
      details: {
        counts: Object.fromEntries(answer.map((l) => [l.layer, l.items.length])),
        bbox: query.bbox ?? null,
        ...(query.collaborationId ? { collaborationId: query.collaborationId } : {}),
      },
    });
    return { layers: answer };
  }

  private layer(layer: MapLayer, principal: Principal, query: MapFeatureQuery): Promise<MapFeatures> {
    switch (layer) {
      case 'premises':
        return this.licensing.premises(principal, query);
      case 'place':
        return this.promises.places(principal, query);
      case 'finding':
        return this.promises.findings(principal, query);
      case 'operation_area':
        return this.operations.areas(principal, query);
    }
  }
}
