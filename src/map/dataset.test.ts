import { expect, test } from 'vitest';
import { rdToWgs84 } from '../core/projection/rd';
import { parseCatalogue, wgs84BoundsOfRdBox } from './dataset';

const catalogue = {
  id: 'demo',
  title: { nl: 'Demo', en: 'Demo' },
  crs: 'EPSG:28992',
  bbox_rd: [140000, 440000, 160000, 456000],
  synthetic: true,
  attribution: { nl: 'synthetisch', en: 'synthetic' },
  layers: [{ id: 'carbon-stock', title: { nl: 'Voorraad', en: 'Stock' }, unit: 't C/ha' }],
};

test('a well-formed catalogue passes', () => {
  const result = parseCatalogue(catalogue);
  expect(result.ok).toBe(true);
});

test('a catalogue without a usable box or layers is unreadable, naming the part', () => {
  const bad = [
    { ...catalogue, bbox_rd: [1, 2, 3] },
    { ...catalogue, bbox_rd: [160000, 440000, 140000, 456000] },
    { ...catalogue, layers: [] },
    { ...catalogue, layers: [{ id: 'unknown', title: { nl: '', en: '' }, unit: '' }] },
    'not json object',
  ];
  for (const value of bad) {
    const result = parseCatalogue(value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('unreadable');
      expect(result.error.code).toBe('map.datasetInvalid');
    }
  }
});

test('the WGS84 bounds of an RD box contain its corners and hug them', () => {
  const box = [140000, 440000, 160000, 456000] as const;
  const [west, south, east, north] = wgs84BoundsOfRdBox(box);
  for (const corner of [
    [box[0], box[1]],
    [box[0], box[3]],
    [box[2], box[1]],
    [box[2], box[3]],
  ] as const) {
    const [lon, lat] = rdToWgs84(corner);
    expect(lon).toBeGreaterThanOrEqual(west);
    expect(lon).toBeLessThanOrEqual(east);
    expect(lat).toBeGreaterThanOrEqual(south);
    expect(lat).toBeLessThanOrEqual(north);
  }
  // 20 km by 16 km: about 0.29 degrees of longitude and 0.144 of latitude at 52 N.
  expect(east - west).toBeCloseTo(0.292, 2);
  expect(north - south).toBeCloseTo(0.144, 2);
});
