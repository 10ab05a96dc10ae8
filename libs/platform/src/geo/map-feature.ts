import type { BBox } from './bbox.js';

/** The layers of the map (issue #20), each answered by the lib that owns its records. */
export const MAP_LAYERS = ['premises', 'place', 'finding', 'operation_area'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/**
 * One thing on the map. `link` is the record's page where it has one (premises, findings).
 * `radiusMetres` is set for an operation area: a circle, not a point. The other fields say what
 * the list beside the map shows of each kind.
 */
export interface MapFeature {
  id: string;
  label: string;
  latitude: number;
  longitude: number;
  link: string | null;
  /** Premises: address; place: its kind; finding: its category; operation area: the summary's period. */
  detail: string | null;
  /** Findings: open, in_progress, done, rejected. */
  status: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  radiusMetres: number | null;
}

/** What a lib is asked for one layer: inside `box`, optionally one collaboration, at most `limit`. */
export interface MapFeatureQuery {
  box: BBox;
  collaborationId?: string;
  limit: number;
}

export interface MapFeatures {
  items: MapFeature[];
  /** More lay in the box than the limit: zoom in. */
  more: boolean;
}

/** The rows of a layer query (limit + 1 read) as an answer. */
export function featuresOf(rows: MapFeature[], limit: number): MapFeatures {
  return { items: rows.slice(0, limit), more: rows.length > limit };
}
