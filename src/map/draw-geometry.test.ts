import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { rdToWgs84 } from '../core/projection/rd';
import { polygonFromCoordinateText, rdAreaHa, selfIntersections } from './draw-geometry';

/** A square of `size` metres at RD (x, y), as a WGS84 polygon. */
function rdSquare(x: number, y: number, size: number): Polygon {
  const corners: [number, number][] = [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
  return { type: 'Polygon', coordinates: [corners.map((corner) => rdToWgs84(corner))] };
}

describe('rdAreaHa', () => {
  test('a 1 km square in RD is 100 ha to within 0.01 %', () => {
    expect(rdAreaHa(rdSquare(155_000, 463_000, 1000))).toBeCloseTo(100, 2);
  });

  test('a hole is subtracted and ring orientation does not matter', () => {
    const outer = rdSquare(150_000, 450_000, 1000).coordinates[0] as [number, number][];
    const hole = rdSquare(150_250, 450_250, 500).coordinates[0] as [number, number][];
    const withHole: Polygon = { type: 'Polygon', coordinates: [[...outer].reverse(), hole] };
    expect(rdAreaHa(withHole)).toBeCloseTo(75, 2);
  });
});

describe('selfIntersections', () => {
  test('a bow tie is found where its edges cross', () => {
    const bowTie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [5, 52],
          [5.02, 52.02],
          [5.02, 52],
          [5, 52.02],
          [5, 52],
        ],
      ],
    };
    const [crossing] = selfIntersections(bowTie);
    expect(crossing?.[0]).toBeCloseTo(5.01, 6);
    expect(crossing?.[1]).toBeCloseTo(52.01, 3);
    expect(selfIntersections(rdSquare(155_000, 463_000, 100))).toEqual([]);
  });
});

describe('polygonFromCoordinateText', () => {
  test('RD pairs make a closed polygon of the right size', () => {
    const result = polygonFromCoordinateText(
      '155000 463000\n156000 463000\n156000 464000\n155000 464000',
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.crs).toBe('rd');
    expect(result.polygon.coordinates[0]).toHaveLength(5);
    expect(rdAreaHa(result.polygon)).toBeCloseTo(100, 1);
  });

  test('WGS84 pairs are taken in either order', () => {
    const lonLat = polygonFromCoordinateText('5.1, 52.0; 5.11, 52.0; 5.11, 52.01; 5.1, 52.0');
    const latLon = polygonFromCoordinateText('52.0, 5.1; 52.0, 5.11; 52.01, 5.11');
    if (!lonLat.ok || !latLon.ok) throw new Error('not parsed');
    expect(latLon.polygon).toEqual(lonLat.polygon);
    expect(lonLat.crs).toBe('wgs84');
  });

  test('RD with decimal commas', () => {
    const result = polygonFromCoordinateText('155000,5 463000\n156000 463000,25\n156000 464000');
    expect(result.ok).toBe(true);
  });

  test('bad input says which line, and a crossing says where', () => {
    expect(polygonFromCoordinateText('155000 463000\nabc def\n1 2')).toEqual({
      ok: false,
      error: { code: 'draw.entry.notNumbers', params: { line: 2 } },
    });
    expect(polygonFromCoordinateText('10 10\n20 20\n30 10')).toMatchObject({
      ok: false,
      error: { code: 'draw.entry.outOfArea', params: { line: 1 } },
    });
    expect(polygonFromCoordinateText('155000 463000\n156000 463000')).toMatchObject({
      ok: false,
      error: { code: 'draw.entry.tooFew' },
    });
    const crossed = polygonFromCoordinateText(
      '155000 463000\n156000 464000\n156000 463000\n155000 464000',
    );
    expect(crossed).toMatchObject({ ok: false, error: { code: 'draw.entry.selfIntersection' } });
    if (!crossed.ok && crossed.error.code === 'draw.entry.selfIntersection') {
      const [x, y] = crossed.error.params.where.split(', ').map(Number);
      expect(x).toBeCloseTo(155_500, -1);
      expect(y).toBeCloseTo(463_500, -1);
    }
  });
});
