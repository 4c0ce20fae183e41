import { expect, test } from 'vitest';
import { syntheticLayers } from '../../../test/support/synthetic-layers';
import { DEFAULT_SCENARIO } from '../estimate/scenario';
import { csvHeader, formatCsv, readCsv } from '../export/csv';
import { exportProperties } from '../export/geojson';
import { analyzeAreas } from './analyze';

const grid = { originX: 150_000, originY: 470_000, cellSize: 25, width: 120, height: 100 };
const square = (x0: number, y0: number, size: number) => [
  [
    [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ] as [number, number][],
  ],
];

test('an area without a valid stock cell has no estimate (null, not zeros) and a no-data notice', async () => {
  const result = await analyzeAreas(
    [
      { id: 'in', name: 'Binnen', rd: square(150_500, 468_000, 500) },
      { id: 'out', name: 'Buiten', rd: square(140_000, 460_000, 500) },
    ],
    syntheticLayers(grid),
    DEFAULT_SCENARIO,
  );
  const [inside, outside] = result.areas;
  expect(inside?.estimate?.stock_t_c.central).toBeGreaterThan(0);
  expect(outside?.estimate).toBeNull();
  expect(result.warnings.filter((w) => w.kind === 'no-data').map((w) => w.feature)).toEqual([2]);

  // GeoJSON: every estimate figure null; CSV: every estimate cell empty.
  const properties = exportProperties(
    { id: 'out', name: 'Buiten', geometry: { type: 'Polygon', coordinates: [] }, result: outside },
    {
      layerIds: [],
      scenario: DEFAULT_SCENARIO,
      source: 'test',
      synthetic: true,
      appVersion: 'test',
      exportedAt: 'now',
    },
  );
  for (const name of ['stock_t_c', 'stock_t_co2', 'deficit_t_c', 'potential_t_co2_per_yr'])
    expect(properties[`${name}_central`], name).toBeNull();
  const header = csvHeader([]);
  const rows = readCsv(
    formatCsv(result.areas, { layerIds: [], language: 'en', comment: 'test' }),
    ',',
  );
  const row = rows.find((each) => each[0] === 'out') ?? [];
  for (const name of ['stock_t_c_central', 'deficit_t_c_central', 'potential_t_co2_per_yr_low'])
    expect(row[header.indexOf(name)], name).toBe('');
});
