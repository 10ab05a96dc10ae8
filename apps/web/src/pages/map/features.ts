import type { components } from '../../api/schema';

export type MapLayer = components['schemas']['MapLayer'];
export type ShownFeature = components['schemas']['MapFeatureView'] & { layer: MapLayer };

/** A box on the map, as the api's `bbox` takes it (west,south,east,north). */
export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The api's bbox parameter: six decimals (about 0.1 m) are plenty, and keep the URL short. */
export const bboxParam = (box: BBox) => [box.west, box.south, box.east, box.north].map((n) => n.toFixed(6)).join(',');
