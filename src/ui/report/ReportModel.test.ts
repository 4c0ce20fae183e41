import type { TFunction } from 'i18next';
import { expect, test } from 'vitest';
import { syntheticLayers } from '../../../test/support/synthetic-layers';
import { analyzeAreas } from '../../core/engine/analyze';
import { DEFAULT_SCENARIO } from '../../core/estimate/scenario';
import type { Catalogue } from '../../core/raster/catalogue-types';
import { reportContent, reportFileName, slugOf } from './ReportModel';
import { pdfText } from './ReportPdf';

const grid = { originX: 150_000, originY: 470_000, cellSize: 25, width: 120, height: 100 };
const layers = syntheticLayers(grid);
const catalogue: Catalogue = {
  id: 'test',
  title: { nl: 'Test', en: 'Test' },
  crs: 'EPSG:28992',
  bbox_rd: [150_000, 467_500, 153_000, 470_000],
  synthetic: true,
  attribution: { nl: 'synthetisch', en: 'synthetic' },
  layers: layers.map((layer) => layer.meta),
};
const t = ((key: string, params?: Record<string, unknown>) =>
  params ? `${key} ${JSON.stringify(params)}` : key) as unknown as TFunction;

test('the report holds the key figures with ranges, the breakdown, scenario and provenance', async () => {
  const square = [
    [
      [150_300, 467_700],
      [152_700, 467_700],
      [152_700, 469_800],
      [150_300, 469_800],
      [150_300, 467_700],
    ] as [number, number][],
  ];
  const { areas } = await analyzeAreas(
    [{ id: 'a', name: 'Veld', rd: [square] }],
    layers,
    DEFAULT_SCENARIO,
  );
  const result = areas[0];
  if (!result?.estimate) throw new Error('no estimate');
  const content = reportContent({
    name: 'Veld',
    result,
    scenario: DEFAULT_SCENARIO,
    catalogue,
    language: 'nl',
    version: '1.2.3',
    date: new Date('2026-11-23T12:00:00Z'),
    mapImage: null,
    t,
  });
  expect(content.title).toContain('Veld');
  expect(content.subtitle).toContain('1.2.3');
  expect(content.synthetic).toBe(true);
  const stock = content.figures.find((figure) => figure.id === 'stock-total');
  expect(stock?.value).toBe(result.estimate.stock_t_c.central);
  expect(stock?.range).toMatch(/^[\d.]+–[\d.]+$/);
  expect(content.figures.find((figure) => figure.id === 'potential-horizon')?.value).toBe(
    result.estimate.potential_t_co2_horizon.central,
  );
  expect(content.cross.length).toBeGreaterThan(0);
  expect(content.cross.length).toBeLessThanOrEqual(8);
  // All five synthetic layers share source, licence, resolution and date: one row.
  expect(content.provenance).toHaveLength(1);
  expect(content.provenance[0]?.layer.split(', ')).toHaveLength(5);
  expect(content.scenario.find((row) => row.label === 'export.scenarioHorizon')?.value).toBe(
    '20 export.years',
  );
  expect(content.sources.some((source) => source.includes('Bolinder'))).toBe(true);
  expect(new Set(content.sources).size).toBe(content.sources.length);
  // The data package is named, with its id, and called synthetic because it is.
  expect(content.dataPackage).toBe('packages.provenance {"title":"Test (test)"} · app.synthetic');
});

test('PDF text stays in Latin-1', () => {
  expect(pdfText('t CO₂/jaar ≥ 5 – “löss”')).toBe('t CO2/jaar >= 5 - "löss"');
  expect(pdfText('漢')).toBe('?');
});

test('an area outside the data: the report says "no data" for every stock figure, never a zero', async () => {
  const outside = [
    [
      [140_000, 460_000],
      [140_500, 460_000],
      [140_500, 460_500],
      [140_000, 460_500],
      [140_000, 460_000],
    ] as [number, number][],
  ];
  const { areas } = await analyzeAreas(
    [{ id: 'b', name: 'Buiten', rd: [outside] }],
    layers,
    DEFAULT_SCENARIO,
  );
  const result = areas[0];
  if (!result) throw new Error('no result');
  const content = reportContent({
    name: 'Buiten',
    result,
    scenario: DEFAULT_SCENARIO,
    catalogue,
    language: 'nl',
    version: '1.2.3',
    date: new Date('2026-11-23T12:00:00Z'),
    mapImage: null,
    t,
  });
  for (const id of ['stock-total', 'co2-total', 'deficit-total', 'potential-year']) {
    const figure = content.figures.find((each) => each.id === id);
    expect(figure?.value, id).toBeNull();
    expect(figure?.central, id).toBe('results.noData');
  }
  // Measure levels are named in the page language, not as the scenario's English keys.
  const measures = content.scenario.find((row) => row.label === 'export.scenarioMeasures');
  expect(measures?.value).toMatch(/\(scenario\.(low|central|high)\)/);
});

test('the PDF is named after the area and the day: koolstofkaart-<slug>-<YYYY-MM-DD>.pdf', () => {
  const day = new Date(2026, 10, 23, 15, 0);
  expect(reportFileName("Akkers bij d'Ëlst", day, 'gebied')).toBe(
    'koolstofkaart-akkers-bij-d-elst-2026-11-23.pdf',
  );
  expect(reportFileName('  ', day, 'gebied')).toBe('koolstofkaart-gebied-2026-11-23.pdf');
  expect(slugOf('Perceel 12/B — “Zuid”')).toBe('perceel-12-b-zuid');
  expect(slugOf('x'.repeat(80))).toHaveLength(60);
});
