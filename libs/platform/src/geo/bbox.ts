import { invalidField } from '../errors/problem.js';

/** A box on the map in WGS 84 degrees: what lies between south-west and north-east. */
export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The whole world, for a map asked without a box. */
export const WORLD: BBox = { west: -180, south: -90, east: 180, north: 90 };

const NUMBER = /^\s*-?\d{1,3}(\.\d{1,12})?\s*$/;

/**
 * Reads `west,south,east,north` (the order of GeoJSON's bbox and OpenStreetMap's API). Anything
 * else — not four numbers, outside ±180/±90, or an empty or inverted box — is a 400 at `field`
 * (`map.bbox`). A box across the antimeridian is not asked for by a map of Swedish places.
 */
export function readBBox(value: string | undefined, field = 'bbox'): BBox {
  if (value === undefined) return WORLD;
  const parts = value.split(',');
  if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p))) throw invalidField(field, 'map.bbox');
  const [west, south, east, north] = parts.map(Number);
  const inRange = [west, east].every((x) => x >= -180 && x <= 180) && [south, north].every((y) => y >= -90 && y <= 90);
  if (!inRange || west >= east || south >= north) throw invalidField(field, 'map.bbox');
  return { west, south, east, north };
}

/**
 * SQL: the position in columns `latitude`, `longitude` (numeric degrees) lies in the box bound to
 * `:bboxWest`…`:bboxNorth` (see `bboxParams`). Written as the point expression the MapPositions
 * migration's GiST indexes hold, so the planner can use them: `point(longitude, latitude) <@ box`.
 */
export function withinBBox(latitude: string, longitude: string): string {
  return `point(${longitude}::float8, ${latitude}::float8) <@ box(point(:bboxWest, :bboxSouth), point(:bboxEast, :bboxNorth))`;
}

export function bboxParams(box: BBox): Record<string, number> {
  return { bboxWest: box.west, bboxSouth: box.south, bboxEast: box.east, bboxNorth: box.north };
}
