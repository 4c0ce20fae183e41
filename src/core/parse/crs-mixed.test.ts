import { describe, expect, test } from 'vitest';
import { rdToWgs84 } from '../projection/rd';
import { parseAreasFile } from './index';
import type { Position2 } from './raw';

const encode = (text: string) => new TextEncoder().encode(text);

function square(x: number, y: number, size: number): Position2[] {
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
}

const rdRing = square(155_000, 463_000, 200);
const lonLatRing = square(155_500, 463_000, 200).map((p) => rdToWgs84(p) as Position2);

function collection(rings: Position2[][], crs?: string): Uint8Array {
  return encode(
    JSON.stringify({
      type: 'FeatureCollection',
      ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
      features: rings.map((ring) => ({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [ring] },
      })),
    }),
  );
}

describe('a file that mixes RD and WGS84 coordinates', () => {
  test('is refused as mixing coordinate systems, naming the features in each, not as outside NL', async () => {
    const result = await parseAreasFile({
      name: 'gemengd.geojson',
      bytes: collection([rdRing, lonLatRing, rdRing]),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({
      kind: 'unsupported',
      code: 'import.crsMixed',
      params: { systems: 'RD New (EPSG:28992): 1, 3; WGS84 (EPSG:4326): 2' },
    });
  });

  test('also when the file declares one of them', async () => {
    const result = await parseAreasFile({
      name: 'gemengd.geojson',
      bytes: collection([lonLatRing, rdRing], 'EPSG:28992'),
    });
    expect(!result.ok && result.error.code).toBe('import.crsMixed');
  });

  test('long lists are cut after ten features per system', async () => {
    const rings = [...Array.from({ length: 12 }, () => rdRing), lonLatRing];
    const result = await parseAreasFile({ name: 'gemengd.geojson', bytes: collection(rings) });
    expect(!result.ok && result.error.params?.systems).toBe(
      'RD New (EPSG:28992): 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 (+2); WGS84 (EPSG:4326): 13',
    );
  });

  test('a feature whose parts are in two systems is named under both', async () => {
    const bytes = encode(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [rdRing] } },
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'MultiPolygon', coordinates: [[rdRing], [lonLatRing]] },
          },
        ],
      }),
    );
    const result = await parseAreasFile({ name: 'gemengd.geojson', bytes });
    expect(!result.ok && result.error.params?.systems).toBe(
      'RD New (EPSG:28992): 1, 2; WGS84 (EPSG:4326): 2',
    );
  });

  test('a file in one system is unaffected', async () => {
    const result = await parseAreasFile({
      name: 'rd.geojson',
      bytes: collection([rdRing, square(156_000, 463_000, 100)]),
    });
    expect(result.ok && result.value.areas).toHaveLength(2);
  });
});
