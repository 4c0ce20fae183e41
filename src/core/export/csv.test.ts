import { describe, expect, test } from 'vitest';
import { syntheticLayers } from '../../../test/support/synthetic-layers';
import { analyzeAreas } from '../engine/analyze';
import type { AreaResult } from '../engine/types';
import { DEFAULT_SCENARIO } from '../estimate/scenario';
import {
  csvHeader,
  csvNumber,
  csvSeparator,
  csvText,
  formatCsv,
  parseCsvNumber,
  readCsv,
} from './csv';
import { ESTIMATE_FIGURES, RANGE_PARTS } from './figures';

const grid = { originX: 150_000, originY: 470_000, cellSize: 25, width: 120, height: 100 };
const LAYER_IDS = ['carbon-stock', 'organic-matter', 'sealed', 'soil-group', 'land-use'];

async function results(): Promise<AreaResult[]> {
  const rectangle = (x0: number, y0: number, x1: number, y1: number) => [
    [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ] as [number, number][],
    ],
  ];
  const analysed = await analyzeAreas(
    [
      {
        id: 'veld-1',
        name: 'Akker; "De Hoek", Zuid',
        rd: rectangle(150_510, 468_010, 151_733, 469_122),
      },
      { id: '=2', name: 'Buiten', rd: rectangle(140_000, 460_000, 140_500, 460_500) },
    ],
    syntheticLayers(grid),
    DEFAULT_SCENARIO,
  );
  return analysed.areas;
}

describe.each([
  ['nl', ';'],
  ['en', ','],
] as const)('CSV in %s', (language, separator) => {
  test('BOM, one comment, header, a row per area; every number reads back', async () => {
    const areas = await results();
    const csv = formatCsv(areas, {
      language,
      layerIds: LAYER_IDS,
      comment: 'Koolstofkaart | methode: nl, bron; demo | synthetisch',
    });
    expect(csv.startsWith('\uFEFF# Koolstofkaart')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const comment = csv.slice(1, csv.indexOf('\r\n'));
    expect(comment).not.toMatch(/[;,]/);
    expect(csvSeparator(language)).toBe(separator);
    const rows = readCsv(csv, separator);
    expect(rows).toHaveLength(3);
    const [header, first, second] = rows;
    expect(header).toEqual(csvHeader(LAYER_IDS));
    expect(header).toHaveLength(3 + LAYER_IDS.length * 2 + ESTIMATE_FIGURES.length * 3);
    for (const row of rows) expect(row).toHaveLength(header?.length ?? -1);
    const column = (name: string) => (header ?? []).indexOf(name);
    const read = (row: string[] | undefined, name: string) =>
      parseCsvNumber(row?.[column(name)] ?? '', language);
    expect(first?.[1]).toBe('Akker; "De Hoek", Zuid');
    const area = areas[0];
    if (!area?.estimate) throw new Error('no estimate');
    expect(read(first, 'area_ha')).toBeCloseTo(area.area_ha, 6);
    expect(read(first, 'carbon-stock_mean')).toBeCloseTo(
      area.layers['carbon-stock']?.mean ?? NaN,
      6,
    );
    expect(read(first, 'sealed_valid_ha')).toBeCloseTo(area.layers.sealed?.valid_ha ?? NaN, 6);
    for (const [name, pick] of ESTIMATE_FIGURES) {
      const range = pick(area.estimate);
      for (const part of RANGE_PARTS) {
        const value = read(first, `${name}_${part}`);
        if (range) expect(value).toBeCloseTo(range[part], 5);
        else expect(value).toBeNull();
      }
    }
    // A Dutch spreadsheet reads 1.234 as a thousand; the decimal mark follows the language.
    const stock = first?.[column('stock_t_c_central')] ?? '';
    expect(stock).toMatch(language === 'nl' ? /^\d+,\d+$/ : /^\d+\.\d+$/);
    // The second area lies outside the data: no mean, a zero total, its id not a formula.
    expect(second?.[0]).toBe("'=2");
    expect(read(second, 'carbon-stock_valid_ha')).toBe(0);
    expect(second?.[column('carbon-stock_mean')]).toBe('');
    expect(second?.[column('stock_t_c_per_ha_central')]).toBe('');
    // No stock data: the estimate is empty, never a zero (issue 14).
    expect(read(second, 'stock_t_c_central')).toBeNull();
  });
});

test('numbers: at most 6 decimals, no exponent, empty for null and NaN', () => {
  expect(csvNumber(1e-7, 'en')).toBe('0');
  expect(csvNumber(1.5e21, 'en')).toMatch(/^1500000000000000000000(\.0+)?$/);
  expect(csvNumber(-2.5, 'nl')).toBe('-2,5');
  expect(csvNumber(null, 'nl')).toBe('');
  expect(csvNumber(Number.NaN, 'en')).toBe('');
});

test('texts: quoted for separators, quotes and line breaks; formulas defused', () => {
  expect(csvText('a;b', ';')).toBe('"a;b"');
  expect(csvText('a;b', ',')).toBe('a;b');
  expect(csvText('say "hi"', ',')).toBe('"say ""hi"""');
  expect(csvText('+31 20', ',')).toBe("'+31 20");
  expect(csvText('@SUM(A1)', ';')).toBe("'@SUM(A1)");
  expect(readCsv('\uFEFF# c\r\nx;"a\r\nb"\r\n\r\n1;2\n', ';')).toEqual([
    ['x', 'a\r\nb'],
    ['1', '2'],
  ]);
});
