import { describe, expect, test } from 'vitest';
import { rdToWgs84 } from '../projection/rd';
import { multiPolygonArea } from './geometry';
import { parseAreasFile } from './index';
import type { Position2 } from './raw';

const encode = (text: string) => new TextEncoder().encode(text);

/** A square in RD New near Amersfoort, closed, counter-clockwise. */
function square(x: number, y: number, size: number): Position2[] {
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
}

type Geometry =
  | { type: 'Polygon'; coordinates: Position2[][] }
  | {
      type: 'MultiPolygon';
      coordinates: Position2[][][];
    };

async function parseGeometries(geometries: Geometry[]) {
  const text = JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'EPSG:28992' } },
    features: geometries.map((geometry, i) => ({
      type: 'Feature',
      properties: { name: `v${i + 1}` },
      geometry,
    })),
  });
  return parseAreasFile({ name: 'nesting.geojson', bytes: encode(text) });
}

const X = 155_000;
const Y = 463_000;
/** 200 m x 200 m = 4 ha. */
const shell = square(X, Y, 200);
const areaHa = (rd: Position2[][][]) => multiPolygonArea(rd) / 10_000;

describe('ring nesting (docs/import.md, Geometry checks)', () => {
  test('a hole outside its shell is dropped with a repaired notice: 4 ha, not 0 or -8', async () => {
    const outside = square(X + 1_000, Y, 200);
    const result = await parseGeometries([{ type: 'Polygon', coordinates: [shell, outside] }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [area] = result.value.areas;
    expect(area && areaHa(area.rd)).toBeCloseTo(4, 6);
    expect(area?.rd[0]).toHaveLength(1);
    expect(area?.wgs84.type === 'Polygon' && area.wgs84.coordinates).toHaveLength(1);
    expect(result.value.notes).toContainEqual(
      expect.objectContaining({ kind: 'repaired', code: 'import.holeOutsideDropped', feature: 1 }),
    );
  });

  test('a hole larger than its shell and containing it is refused with the location', async () => {
    const big = square(X - 100, Y - 100, 400);
    const result = await parseGeometries([{ type: 'Polygon', coordinates: [shell, big] }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('self-intersection');
    expect(result.error.code).toBe('import.holeContainsShell');
    expect(result.error.params).toMatchObject({ x: expect.any(Number), part: 1, feature: 1 });
    // The location is a corner of the hole, which lies outside the shell.
    expect([X - 100, X + 300]).toContain(result.error.params?.x);
    expect([Y - 100, Y + 300]).toContain(result.error.params?.y);
  });

  test('a hole equal to its shell is refused, not accepted as 0 ha', async () => {
    const result = await parseGeometries([
      { type: 'Polygon', coordinates: [shell, [...shell].reverse()] },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      kind: 'self-intersection',
      code: 'import.holeEqualsShell',
    });
  });

  test('a hole partly outside its shell (sharing an edge, no crossing) is refused', async () => {
    const partly: Position2[] = [
      [X + 100, Y],
      [X + 300, Y],
      [X + 300, Y + 200],
      [X + 100, Y + 200],
      [X + 100, Y],
    ];
    const result = await parseGeometries([{ type: 'Polygon', coordinates: [shell, partly] }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('import.holePartlyOutside');
    expect(result.error.params?.x).toBe(X + 300);
  });

  test('two holes that overlap are refused where they overlap', async () => {
    const a = square(X + 20, Y + 20, 100);
    const b = square(X + 20, Y + 20, 100);
    const result = await parseGeometries([{ type: 'Polygon', coordinates: [shell, a, b] }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('import.holesOverlap');
    const nested = await parseGeometries([
      { type: 'Polygon', coordinates: [shell, square(X + 10, Y + 10, 150), a] },
    ]);
    expect(!nested.ok && nested.error.code).toBe('import.holesOverlap');
  });

  test('holes inside their shell, and one touching it at a vertex, are kept', async () => {
    const touching: Position2[] = [
      [X, Y],
      [X + 50, Y + 20],
      [X + 20, Y + 50],
      [X, Y],
    ];
    const result = await parseGeometries([
      { type: 'Polygon', coordinates: [shell, square(X + 100, Y + 100, 50), touching] },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const area = result.value.areas[0];
    expect(area?.rd[0]).toHaveLength(3);
    expect(area && areaHa(area.rd)).toBeCloseTo(4 - 0.25 - 0.105, 6);
    expect(result.value.notes.filter((n) => n.kind === 'repaired')).toEqual([]);
  });
});

describe('overlapping parts', () => {
  test('a duplicated part counts once: 4 ha, not 8, with a repaired notice', async () => {
    const result = await parseGeometries([
      { type: 'MultiPolygon', coordinates: [[shell], [shell]] },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const area = result.value.areas[0];
    expect(area && areaHa(area.rd)).toBeCloseTo(4, 6);
    expect(area?.wgs84.type).toBe('Polygon');
    expect(result.value.notes).toContainEqual(
      expect.objectContaining({
        kind: 'repaired',
        code: 'import.partsDissolved',
        params: expect.objectContaining({ parts: 1 }),
      }),
    );
  });

  test('overlapping parts are dissolved into their union; a part in another part’s hole is kept', async () => {
    const result = await parseGeometries([
      {
        type: 'MultiPolygon',
        coordinates: [[shell], [square(X + 100, Y, 200)], [square(X + 1_000, Y, 100)]],
      },
      {
        type: 'MultiPolygon',
        coordinates: [[shell, square(X + 50, Y + 50, 100)], [square(X + 75, Y + 75, 50)]],
      },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [dissolved, island] = result.value.areas;
    expect(dissolved && areaHa(dissolved.rd)).toBeCloseTo(6 + 1, 6);
    expect(dissolved?.rd).toHaveLength(2);
    expect(island && areaHa(island.rd)).toBeCloseTo(4 - 1 + 0.25, 6);
    expect(island?.rd).toHaveLength(2);
    expect(result.value.notes.filter((n) => n.code === 'import.partsDissolved')).toHaveLength(1);
  });

  test('overlapping parts written in WGS84 are dissolved too (clipping on a local grid)', async () => {
    const toLonLat = (ring: Position2[]) => ring.map((p) => rdToWgs84(p) as Position2);
    const text = JSON.stringify({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[toLonLat(shell)], [toLonLat(square(X + 100, Y, 200))]],
      },
    });
    const result = await parseAreasFile({ name: 'wgs84.geojson', bytes: encode(text) });
    expect(result.ok, JSON.stringify(result.ok ? null : result.error)).toBe(true);
    if (!result.ok) return;
    const area = result.value.areas[0];
    expect(area && areaHa(area.rd)).toBeCloseTo(6, 3);
    expect(result.value.notes.map((n) => n.code)).toContain('import.partsDissolved');
  });

  test('parts that only share an edge are left alone', async () => {
    const result = await parseGeometries([
      { type: 'MultiPolygon', coordinates: [[shell], [square(X + 200, Y, 200)]] },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.areas[0]?.rd).toHaveLength(2);
    expect(result.value.notes).toEqual([]);
  });

  test('a refused feature among good ones is a warning of its own kind; the others are kept', async () => {
    const big = square(X - 100, Y - 100, 400);
    const result = await parseGeometries([
      { type: 'Polygon', coordinates: [shell] },
      { type: 'Polygon', coordinates: [shell, big] },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.areas).toHaveLength(1);
    expect(result.value.notes).toContainEqual(
      expect.objectContaining({
        kind: 'self-intersection',
        code: 'import.holeContainsShell',
        feature: 2,
      }),
    );
  });
});
