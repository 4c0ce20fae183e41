import { describe, expect, test } from 'vitest';
import { DEFAULT_SCENARIO } from '../estimate/scenario';
import { checkSavedGeometry } from './saved-geometry';
import { checkSavedScenario } from './saved-scenario';
import type { SessionContent } from './types';
import { formatWorkshopFile, WORKSHOP_FORMAT } from './workshop-file';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [5, 52],
      [5.01, 52],
      [5.01, 52.01],
      [5, 52.01],
      [5, 52],
    ],
  ],
};

describe('checkSavedGeometry', () => {
  test('a valid geometry is kept as the same object', () => {
    const checked = checkSavedGeometry(square);
    expect(checked).toEqual({ ok: true, geometry: square, repaired: false });
    expect(checked.ok && checked.geometry).toBe(square);
  });

  test.each([
    [
      'a string coordinate',
      [
        ['5', 52],
        [5.01, 52],
        [5.01, 52.01],
        ['5', 52],
      ],
    ],
    [
      'NaN',
      [
        [Number.NaN, 52],
        [5.01, 52],
        [5.01, 52.01],
        [Number.NaN, 52],
      ],
    ],
    [
      'Infinity',
      [
        [5, 52],
        [Number.POSITIVE_INFINITY, 52],
        [5.01, 52.01],
        [5, 52],
      ],
    ],
    ['null', [[5, 52], null, [5.01, 52.01], [5, 52]]],
  ])('%s is refused as unreadable', (_, ring) => {
    const checked = checkSavedGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(checked).toMatchObject({ ok: false, kind: 'unreadable' });
  });

  test('coordinates outside the Netherlands are refused as out-of-area', () => {
    const far = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    expect(checkSavedGeometry(far)).toMatchObject({ ok: false, kind: 'out-of-area' });
  });

  test('a point or no geometry is refused', () => {
    expect(checkSavedGeometry({ type: 'Point', coordinates: [5, 52] }).ok).toBe(false);
    expect(checkSavedGeometry(undefined).ok).toBe(false);
  });

  test('an unclosed ring is repaired, with a flag', () => {
    const open = { type: 'Polygon', coordinates: [square.coordinates[0]?.slice(0, -1)] };
    const checked = checkSavedGeometry(open);
    expect(checked.ok && checked.repaired).toBe(true);
    expect(checked.ok && checked.geometry.coordinates[0]).toHaveLength(5);
  });

  test('a self-intersecting outline is split into its lobes, as an import does on request', () => {
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [5, 52],
          [5.01, 52.01],
          [5.01, 52],
          [5, 52.01],
          [5, 52],
        ],
      ],
    };
    const checked = checkSavedGeometry(bowTie);
    expect(checked.ok && checked.repaired).toBe(true);
    expect(checked.ok && checked.geometry.type).toBe('MultiPolygon');
  });
});

describe('checkSavedScenario', () => {
  test('invalid fields take their default, the valid ones are kept', () => {
    const checked = checkSavedScenario({
      f_c: 'abc',
      horizon_years: -5,
      peat_water_cm: 20,
      method: 'ipcc',
      measures: { rotation: { on: true }, compost: { on: 'yes' }, nonsense: { on: true } },
      clay_target_pct: { rivierklei: 3, zeeklei: Number.NaN },
      typo: 1,
    });
    expect(checked.scenario).toEqual({
      ...DEFAULT_SCENARIO,
      method: 'ipcc',
      peat_water_cm: 20,
      measures: { ...DEFAULT_SCENARIO.measures, rotation: { on: true, level: 'central' } },
      clay_target_pct: { rivierklei: 3, zeeklei: 2.5 },
    });
    expect(checked.dropped.sort()).toEqual(
      [
        'f_c',
        'horizon_years',
        'measures.compost',
        'measures.nonsense',
        'clay_target_pct.zeeklei',
        'typo',
      ].sort(),
    );
  });

  test('no scenario is the default, a non-object is dropped as a whole', () => {
    expect(checkSavedScenario(undefined)).toEqual({ scenario: DEFAULT_SCENARIO, dropped: [] });
    expect(checkSavedScenario('x')).toEqual({ scenario: DEFAULT_SCENARIO, dropped: ['scenario'] });
  });

  test('a default scenario is read back unchanged', () => {
    expect(checkSavedScenario(structuredClone(DEFAULT_SCENARIO))).toEqual({
      scenario: DEFAULT_SCENARIO,
      dropped: [],
    });
  });
});

describe('the workshop file', () => {
  const session: SessionContent = {
    package: { id: 'demo', url: null },
    view: { center: [5.1, 52.1], zoom: 11, bearing: 0, pitch: 0 },
    layers: { 'carbon-stock': { visible: true, opacity: 0.8, order: 0 } },
    userLayers: [],
    areas: [{ id: 'a', name: 'Park "Oost"', color: '#d55e00', visible: true, geometry: square }],
    selectedId: 'a',
    scenario: DEFAULT_SCENARIO,
    scenes: [],
    language: 'nl',
    basemap: 'offline',
  };

  test('holds exactly the fields of DESIGN.md 9 and parses back to the session', () => {
    const file = JSON.parse(formatWorkshopFile(session));
    expect(Object.keys(file).sort()).toEqual(
      [
        'format',
        'version',
        'package',
        'view',
        'layers',
        'areas',
        'selectedId',
        'scenario',
        'scenes',
        'language',
      ].sort(),
    );
    expect(file.format).toBe(WORKSHOP_FORMAT);
    expect(file.version).toBe(1);
    expect(file.areas).toEqual(session.areas);
    expect(file.scenario).toEqual(DEFAULT_SCENARIO);
  });

  test('without areas it is still JSON', () => {
    expect(JSON.parse(formatWorkshopFile({ ...session, areas: [] })).areas).toEqual([]);
  });
});
