import type { FeatureCollection } from 'geojson';
import { expect, test } from 'vitest';
import {
  OFFLINE_FILL_LAYER_IDS,
  OFFLINE_ROAD_LAYER_IDS,
  OVERLAY_BEFORE_ID,
  offlineBasemapLayers,
  placesOf,
} from './basemap';
import { pdokTileTemplate, pdokTileUrl } from './basemap-pdok';

const context: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { kind: 'place', name: 'Dorp', rank: 'village' },
      geometry: { type: 'Point', coordinates: [5.2, 52.0] },
    },
    {
      type: 'Feature',
      properties: { kind: 'place', name: 'Stad', rank: 'town' },
      geometry: { type: 'Point', coordinates: [5.1, 52.1] },
    },
    {
      type: 'Feature',
      properties: { kind: 'place', rank: 'town' },
      geometry: { type: 'Point', coordinates: [5.1, 52.1] },
    },
    {
      type: 'Feature',
      properties: { kind: 'road', class: 'main' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [5, 52],
          [5.1, 52],
        ],
      },
    },
  ],
};

test('named places come out towns first; unnamed ones and other kinds are left out', () => {
  expect(placesOf(context)).toEqual([
    { name: 'Stad', rank: 'town', lngLat: [5.1, 52.1] },
    { name: 'Dorp', rank: 'village', lngLat: [5.2, 52.0] },
  ]);
});

test('the offline style draws every context kind and needs no glyphs or sprites', () => {
  const layers = offlineBasemapLayers();
  const ids = layers.map((layer) => layer.id);
  for (const id of [...OFFLINE_FILL_LAYER_IDS, ...OFFLINE_ROAD_LAYER_IDS, OVERLAY_BEFORE_ID]) {
    expect(ids).toContain(id);
  }
  expect(ids).toContain('context-outline');
  expect(layers.some((layer) => layer.type === 'symbol')).toBe(false);
  // Data rasters go under the roads: the fills come before the overlay in drawing order.
  for (const id of OFFLINE_FILL_LAYER_IDS) {
    expect(ids.indexOf(id)).toBeLessThan(ids.indexOf(OVERLAY_BEFORE_ID));
  }
});

test('the PDOK probe asks for the XYZ tile holding the position', () => {
  // Amersfoort (5.3872, 52.1552) at zoom 10 lies in tile x 527, y 337 (y = 1024 x 0.3296).
  expect(pdokTileUrl(5.3872, 52.1552, 10)).toBe(
    pdokTileTemplate().replace('{z}', '10').replace('{x}', '527').replace('{y}', '337'),
  );
});
