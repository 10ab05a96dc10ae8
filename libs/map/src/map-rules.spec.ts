import { describe, expect, it } from '@jest/globals';
import { loadConfig, readBBox, tileOrigin, WORLD } from '@samverkan/platform';
import { readLayers } from './map-rules.js';

describe('the map’s rules', () => {
  it('reads the layers asked for in the catalogue’s order, all when none are named', () => {
    expect(readLayers(undefined)).toEqual(['premises', 'place', 'finding', 'operation_area']);
    expect(readLayers(['finding', 'premises'])).toEqual(['premises', 'finding']);
  });

  it('reads a box as west,south,east,north and the world when none is given', () => {
    expect(readBBox('13.40,59.30,13.60,59.45')).toEqual({ west: 13.4, south: 59.3, east: 13.6, north: 59.45 });
    expect(readBBox(undefined)).toEqual(WORLD);
  });

  it.each(['13.4,59.3,13.6', '13.6,59.3,13.4,59.45', '13.4,59.45,13.6,59.3', '13.4,59.3,13.4,59.45', 'a,b,c,d', '13.4,59.3,13.6,95', '1e2,0,2,1', ''])(
    'refuses the box %p at the field bbox',
    (value) => {
      expect(() => readBBox(value)).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: 'bbox', code: 'map.bbox' })] }));
    },
  );

  it('takes the tile server’s origin for the Content-Security-Policy, and refuses what is no tile URL at start-up', () => {
    expect(tileOrigin('https://tile.example.org/{z}/{x}/{y}.png')).toBe('https://tile.example.org');
    expect(tileOrigin('https://{s}.tile.example.org:8443/osm/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org:8443');
    expect(tileOrigin('http://127.0.0.1:4567/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:4567');
    for (const bad of [
      'ftp://tile.example.org/{z}/{x}/{y}.png',
      'https://tile.example.org/tiles.png',
      'tiles/{z}/{x}/{y}.png',
      'https://u:p@t.example.org/{z}/{x}/{y}.png',
    ]) {
      expect(tileOrigin(bad)).toBeUndefined();
      expect(() => loadConfig({ MAP_TILE_URL: bad })).toThrow(/MAP_TILE_URL/);
    }
    expect(loadConfig({}).MAP_TILE_URL).toBe('');
    expect(() => loadConfig({ MAP_TILE_ATTRIBUTION: '<script>' })).toThrow(/MAP_TILE_ATTRIBUTION/);
  });
});
