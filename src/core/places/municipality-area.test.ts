import type { MultiPolygon } from 'geojson';
import { expect, test } from 'vitest';
import {
  isMunicipalityArea,
  MUNICIPALITY_SOURCE,
  municipalityAreaFields,
} from './municipality-area';

const square: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [5, 52],
        [5.1, 52],
        [5.1, 52.1],
        [5, 52],
      ],
    ],
  ],
};

test('a shipped outline becomes an area with the code as id and "<name> (GM0000)"', () => {
  const fields = municipalityAreaFields({ code: 'GM0344', name: 'Utrecht', geometry: square });
  expect(fields).toEqual({
    id: 'GM0344',
    name: 'Utrecht (GM0344)',
    geometry: square,
    properties: { statcode: 'GM0344', statnaam: 'Utrecht', source: MUNICIPALITY_SOURCE },
  });
  expect(isMunicipalityArea(fields)).toBe(true);
});

test('an outline is recognised by its source, or by its code-shaped id and name', () => {
  expect(
    isMunicipalityArea({ id: 'x', name: 'Renamed', properties: { source: MUNICIPALITY_SOURCE } }),
  ).toBe(true);
  expect(isMunicipalityArea({ id: 'GM0344', name: 'Utrecht (GM0344)' })).toBe(true);
  expect(isMunicipalityArea({ id: 'GM0344', name: 'Field' })).toBe(false);
  expect(isMunicipalityArea({ id: 'area-1', name: 'Utrecht (GM0344)' })).toBe(false);
});
