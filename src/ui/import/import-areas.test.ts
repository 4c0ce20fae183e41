import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import type { ParsedArea } from '../../core/parse/types';
import { AREA_COLORS } from '../../state/area-colors';
import type { Area } from '../../state/areas-slice';
import { areasFromImport, boundsOfAreas, selfIntersectingFeatures } from './import-areas';

const square = (lon: number, lat: number, size = 0.01): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

const parsed = (feature: number, id: string, name = '', properties = {}): ParsedArea => ({
  feature,
  id,
  name,
  properties,
  rd: [],
  wgs84: square(5 + feature / 100, 52),
});

const existingArea = (id: string, color: string): Area => ({
  id,
  name: id,
  color,
  visible: true,
  geometry: square(5, 52),
});

const numbered = (index: number) => `Gebied ${index}`;

describe('areasFromImport', () => {
  test('keeps the file id, name and properties, and uses the WGS84 geometry', () => {
    const source = parsed(1, 'perceel-7', 'Weide', { naam: 'Weide', opp: 3 });
    const [area] = areasFromImport([source], [], numbered);
    expect(area).toEqual({
      id: 'perceel-7',
      name: 'Weide',
      color: AREA_COLORS[0],
      visible: true,
      geometry: source.wgs84,
      properties: { naam: 'Weide', opp: 3 },
    });
  });

  test('makes repeated and existing ids unique with a suffix', () => {
    const areas = areasFromImport(
      [parsed(1, 'a'), parsed(2, 'a'), parsed(3, 'a'), parsed(4, 'b')],
      [existingArea('a', '#123456'), existingArea('a-2', '#654321')],
      numbered,
    );
    expect(areas.map((area) => area.id)).toEqual(['a-3', 'a-4', 'a-5', 'b']);
  });

  test('names unnamed areas with a number after the areas already there', () => {
    const areas = areasFromImport(
      [parsed(1, '1'), parsed(2, '2', 'Plan'), parsed(3, '3', '   ')],
      [existingArea('x', '#123456')],
      numbered,
    );
    expect(areas.map((area) => area.name)).toEqual(['Gebied 2', 'Plan', 'Gebied 4']);
  });

  test('takes unused palette colours first, then repeats the palette', () => {
    const existing = [existingArea('x', AREA_COLORS[0]), existingArea('y', AREA_COLORS[2])];
    const areas = areasFromImport(
      Array.from({ length: 8 }, (_, index) => parsed(index + 1, String(index + 1))),
      existing,
      numbered,
    );
    const free = AREA_COLORS.filter((_, index) => index !== 0 && index !== 2);
    expect(areas.slice(0, 6).map((area) => area.color)).toEqual(free);
    expect(areas[6]?.color).toBe(AREA_COLORS[(existing.length + 6) % AREA_COLORS.length]);
  });

  test('10,000 areas with one id stay unique and quick (linear, not quadratic)', () => {
    const many = Array.from({ length: 10_000 }, (_, index) => parsed(index + 1, 'perceel'));
    const areas = areasFromImport(many, [], numbered);
    expect(new Set(areas.map((area) => area.id)).size).toBe(10_000);
    expect(areas.at(-1)?.id).toBe('perceel-10000');
  });
});

test('selfIntersectingFeatures collects the features refused for crossing themselves', () => {
  const notes = [
    { kind: 'self-intersection', code: 'import.selfIntersection', feature: 3 },
    { kind: 'out-of-area', code: 'import.outOfArea', feature: 4 },
    { kind: 'partial', code: 'import.partial', feature: null },
    { kind: 'self-intersection', code: 'import.selfIntersection', feature: 7 },
    // Same kind, but splitting cannot help a hole around its outline.
    { kind: 'self-intersection', code: 'import.holeContainsShell', feature: 9 },
  ];
  expect([...selfIntersectingFeatures(notes)]).toEqual([3, 7]);
});

test('boundsOfAreas spans every outer ring and is null without areas', () => {
  expect(boundsOfAreas([])).toBeNull();
  const bounds = boundsOfAreas([{ geometry: square(5, 52) }, { geometry: square(6, 51.5, 0.1) }]);
  expect(bounds).toEqual([5, 51.5, 6.1, 52.01]);
});
