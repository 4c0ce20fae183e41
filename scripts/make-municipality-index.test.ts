import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import {
  outlineBounds,
  parseMunicipalityIndex,
  parseMunicipalityOutlines,
} from '../src/core/places/municipality-index';
import { INDEX_FILE, municipalityIndexText, OUTLINES_FILE } from './make-municipality-index';

const outlinesBytes = readFileSync(OUTLINES_FILE);

test('the committed index equals a fresh one made from the shipped outlines', () => {
  expect(readFileSync(INDEX_FILE, 'utf8')).toBe(municipalityIndexText(outlinesBytes));
});

test('the outlines are 345 WGS84 MultiPolygons with unique GM codes', () => {
  const json = JSON.parse(outlinesBytes.toString('utf8'));
  expect(json.crs).toBeUndefined();
  const outlines = parseMunicipalityOutlines(json);
  if (!outlines.ok) throw new Error(outlines.error.code);
  expect(outlines.value).toHaveLength(345);
  expect(new Set(outlines.value.map((outline) => outline.code)).size).toBe(345);
  for (const { geometry } of outlines.value) {
    const [west, south, east, north] = outlineBounds(geometry);
    expect(west).toBeGreaterThan(3.2);
    expect(east).toBeLessThan(7.3);
    expect(south).toBeGreaterThan(50.7);
    expect(north).toBeLessThan(53.7);
  }
});

test('the index lists every outline with bounds that hold it', () => {
  const index = parseMunicipalityIndex(JSON.parse(readFileSync(INDEX_FILE, 'utf8')));
  const outlines = parseMunicipalityOutlines(JSON.parse(outlinesBytes.toString('utf8')));
  if (!index.ok || !outlines.ok) throw new Error('unreadable');
  expect(index.value.map((entry) => entry.code)).toEqual(outlines.value.map((o) => o.code));
  const utrecht = index.value.find((entry) => entry.code === 'GM0344');
  expect(utrecht?.name).toBe('Utrecht');
  outlines.value.forEach((outline, i) => {
    const [west, south, east, north] = index.value[i]?.bbox ?? [];
    for (const polygon of outline.geometry.coordinates) {
      for (const [lon, lat] of polygon[0] ?? []) {
        expect(lon).toBeGreaterThanOrEqual(west as number);
        expect(lon).toBeLessThanOrEqual(east as number);
        expect(lat).toBeGreaterThanOrEqual(south as number);
        expect(lat).toBeLessThanOrEqual(north as number);
      }
    }
  });
});

test('a broken outlines file or index is refused as unreadable', () => {
  expect(parseMunicipalityOutlines({ type: 'FeatureCollection' }).ok).toBe(false);
  const noCode = { features: [{ properties: { statnaam: 'X' }, geometry: { type: 'Point' } }] };
  expect(parseMunicipalityOutlines(noCode).ok).toBe(false);
  const point = {
    features: [
      {
        properties: { statcode: 'GM0001', statnaam: 'X' },
        geometry: { type: 'Point', coordinates: [5, 52] },
      },
    ],
  };
  const refused = parseMunicipalityOutlines(point);
  expect(refused.ok || refused.error.kind).toBe('unreadable');
  expect(parseMunicipalityIndex({ municipalities: [['XX', 'a', [0, 0, 1, 1]]] }).ok).toBe(false);
});
