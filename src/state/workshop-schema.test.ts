import { describe, expect, test } from 'vitest';
import { syntheticWorkshop } from '../../test/support/synthetic-workshop';
import { encodeShareFragment, roundedWorkshop } from '../core/session/share-link';
import { formatWorkshopFile } from '../core/session/workshop-file';
import { readShareFragment, readWorkshop, readWorkshopText } from './workshop-schema';

const workshop = syntheticWorkshop(4, 30, 3);

describe('readShareFragment', () => {
  test('a link gives back its workshop object, every part checked', () => {
    const read = readShareFragment(encodeShareFragment(workshop));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.workshop).toEqual(roundedWorkshop(workshop));
    expect(read.value.report.droppedAreas).toEqual([]);
  });

  test('a tampered link is unreadable', () => {
    const fragment = encodeShareFragment(workshop);
    const read = readShareFragment(fragment.slice(0, fragment.length - 30));
    expect(!read.ok && read.error.kind).toBe('unreadable');
  });
});

describe('readWorkshop', () => {
  test('invalid parts are left out and reported, the rest kept', () => {
    const bad = {
      ...workshop,
      view: { center: [500, 52], zoom: 3 },
      scenario: { ...workshop.scenario, f_c: 9 },
      areas: [
        ...workshop.areas,
        {
          id: 'x',
          name: 'Abroad',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [20, 52],
                [20.1, 52],
                [20.1, 52.1],
                [20, 52],
              ],
            ],
          },
        },
        { ...workshop.areas[0], name: 'Twin' },
      ],
    };
    const read = readWorkshop(bad);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { workshop: result, report } = read.value;
    expect(result.view).toBeNull();
    expect(result.scenario.f_c).toBe(0.5);
    expect(result.areas).toHaveLength(workshop.areas.length + 1);
    expect(new Set(result.areas.map((area) => area.id)).size).toBe(result.areas.length);
    expect(report.droppedAreas.map((area) => area.name)).toEqual(['Abroad']);
    expect(report.renamedIds).toBe(1);
    expect(report.otherFields).toContain('view');
    expect(report.scenarioFields).toContain('f_c');
  });

  test('a workshop file round-trips through its text', () => {
    const text = formatWorkshopFile({ ...workshop, userLayers: [], basemap: 'offline' });
    expect(Object.keys(JSON.parse(text))).toEqual(Object.keys(workshop));
    const read = readWorkshopText(text);
    expect(read.ok && read.value.workshop).toEqual(workshop);
  });

  test('not JSON, not a workshop, or a newer version: refused', () => {
    const notJson = readWorkshopText('{"format":"koolstofkaart-workshop",');
    expect(!notJson.ok && notJson.error.kind).toBe('unreadable');
    const geojson = readWorkshop({ type: 'FeatureCollection', features: [] });
    expect(!geojson.ok && geojson.error.kind).toBe('unreadable');
    const newer = readWorkshop({ ...workshop, version: 2 });
    expect(!newer.ok && newer.error).toMatchObject({
      kind: 'unsupported',
      code: 'share.workshopNewer',
    });
  });
});
