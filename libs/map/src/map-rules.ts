import type { Permission } from '@samverkan/access';
import { MAP_LAYERS, type MapLayer } from '@samverkan/platform';

/** What reading each layer takes: the permission of the list the layer draws from. */
export const MAP_LAYER_PERMISSIONS: Record<MapLayer, Permission> = {
  premises: 'premises:read',
  place: 'promise:read',
  finding: 'promise:read',
  operation_area: 'operation_summary:read',
};

/** At most this many features per layer in one answer; `more` says when the box held more (zoom in). */
export const MAP_LAYER_LIMIT = 500;

/** `layers=premises,place`: the layers asked for, in the catalogue's order; none named means all. */
export function readLayers(value: string[] | undefined): MapLayer[] {
  if (!value || value.length === 0) return [...MAP_LAYERS];
  return MAP_LAYERS.filter((layer) => value.includes(layer));
}
