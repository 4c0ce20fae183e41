import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import type { Area } from '../state/areas-slice';
import { areasFeatureCollection, areasSourceChange, drawnAreasOf } from './areas-source';

const square = (x: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [5 + x, 52],
      [5.01 + x, 52],
      [5.01 + x, 52.01],
      [5 + x, 52],
    ],
  ],
});

const areasOf = (count: number): Area[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `a${index}`,
    name: `Area ${index}`,
    color: '#0072b2',
    visible: true,
    geometry: square(index / 100),
  }));

const none = new Set<string>();

describe('areasFeatureCollection', () => {
  test('visible areas only, without the edited ones, with id and colour but no selection', () => {
    const areas = areasOf(3);
    areas[1] = { ...(areas[1] as Area), visible: false };
    const collection = areasFeatureCollection(areas, new Set(['a2']));
    expect(collection.features).toEqual([
      {
        type: 'Feature',
        id: 'a0',
        geometry: areas[0]?.geometry,
        properties: { id: 'a0', color: '#0072b2' },
      },
    ]);
  });
});

describe('areasSourceChange', () => {
  test('a rename, a new selection or the same list again change nothing on the map', () => {
    const areas = areasOf(10);
    const drawn = drawnAreasOf(areas, none);
    const renamed = areas.map((area) => (area.id === 'a3' ? { ...area, name: 'New' } : area));
    expect(areasSourceChange(drawn, renamed, none)).toEqual({ kind: 'none' });
    expect(areasSourceChange(drawn, [...areas], new Set())).toEqual({ kind: 'none' });
  });

  test('a few changed areas become a diff: colour, geometry, hidden, removed and added', () => {
    const areas = areasOf(20);
    const drawn = drawnAreasOf(areas, none);
    const added = { ...(areas[0] as Area), id: 'new', geometry: square(1) };
    const next = [
      ...areas
        .filter((area) => area.id !== 'a4')
        .map((area) => {
          if (area.id === 'a1') return { ...area, color: '#d55e00' };
          if (area.id === 'a2') return { ...area, geometry: square(2) };
          if (area.id === 'a3') return { ...area, visible: false };
          return area;
        }),
      added,
    ];
    const change = areasSourceChange(drawn, next, new Set(['a5']));
    expect(change).toEqual({
      kind: 'update',
      diff: {
        remove: ['a3', 'a4', 'a5'],
        add: [
          {
            type: 'Feature',
            id: 'new',
            geometry: added.geometry,
            properties: { id: 'new', color: '#0072b2' },
          },
        ],
        update: [
          { id: 'a1', addOrUpdateProperties: [{ key: 'color', value: '#d55e00' }] },
          { id: 'a2', newGeometry: square(2) },
        ],
      },
    });
  });

  test('many changes replace all data, e.g. an import or a new session', () => {
    const areas = areasOf(100);
    const drawn = drawnAreasOf(areas, none);
    const imported = [...areas, ...areasOf(130).slice(100)];
    expect(areasSourceChange(drawn, imported, none, 20)).toEqual({
      kind: 'replace',
      data: areasFeatureCollection(imported),
    });
    expect(areasSourceChange(drawn, imported, none, 40).kind).toBe('update');
    const cleared = areasSourceChange(drawn, [], none);
    expect(cleared).toEqual({ kind: 'replace', data: { type: 'FeatureCollection', features: [] } });
  });

  test('most areas changed (new copies of all of them) replace all data', () => {
    const areas = areasOf(100);
    const drawn = drawnAreasOf(areas, none);
    const copies = areas.map((area) => ({ ...area, geometry: structuredClone(area.geometry) }));
    expect(areasSourceChange(drawn, copies, none).kind).toBe('replace');
    expect(areasSourceChange(drawn, [...copies.slice(0, 50), ...areas.slice(50)], none).kind).toBe(
      'update',
    );
  });
});
