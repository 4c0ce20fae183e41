import { expect, test } from 'vitest';
import { createEstimateAccumulator } from '../../src/core/estimate/accumulator';
import { DEFAULT_SCENARIO } from '../../src/core/estimate/scenario';
import { CSV_FIGURES, csvHeader, formatCsv } from './format-csv';
import { formatJson, formatJsonError } from './format-json';
import { formatNumber, formatTable } from './format-table';
import type { Output, RunContext } from './output-types';
import { readCsv } from './read-csv';

function sampleOutput(): Output {
  const accumulator = createEstimateAccumulator(DEFAULT_SCENARIO, {
    stockSource: 'organic-matter',
    stockRange: { low: 0.87, high: 1.15 },
    synthetic: true,
  });
  accumulator.add({ stock: NaN, organicMatter: 3, soilGroup: 5, landUse: 1, sealed: 10 }, 1234.5);
  const estimate = accumulator.result(1234.5);
  return {
    areas: [
      {
        id: 'veld-1',
        name: 'Akker; "De Hoek", Zuid',
        area_ha: 1234.5,
        layers: {
          'organic-matter': {
            covered_ha: 1234.5,
            valid_ha: 1234.5,
            mean: 3,
            min: 3,
            max: 3,
            sum_t: 3703.5,
          },
          sealed: {
            covered_ha: 1234.5,
            valid_ha: 1234.5,
            mean: 10,
            min: 10,
            max: 10,
            sum_t: 12345,
          },
        },
        estimate,
      },
      { id: '2', name: 'Leeg', area_ha: 0.5, layers: {}, estimate: null },
    ],
    warnings: [{ kind: 'no-data', message: 'Buiten de gegevens.', feature: 2 }],
  };
}

const context: RunContext = {
  layerIds: ['organic-matter', 'sealed'],
  method: 'nl',
  horizonYears: 20,
  source: 'Demo, fictieve gemeente',
  synthetic: true,
};

test.each([
  ['nl', ';', (s: string) => Number(s.replace(',', '.'))],
  ['en', ',', (s: string) => Number(s)],
] as const)(
  'CSV in %s: BOM, comment, header, one row per area, read back',
  (language, separator, read) => {
    const output = sampleOutput();
    const csv = formatCsv(output, context, language);
    expect(csv.startsWith('\uFEFF# Koolstofkaart')).toBe(true);
    const comment = csv.slice(1, csv.indexOf('\r\n'));
    expect(comment).not.toMatch(/[;,]/);
    expect(comment).toContain('nl');
    expect(comment).toContain('Demo');
    const rows = readCsv(csv, separator);
    const [header, first, second] = rows;
    expect(rows).toHaveLength(3);
    expect(header).toEqual(csvHeader(context.layerIds));
    expect(header?.slice(0, 7)).toEqual([
      'id',
      'name',
      'area_ha',
      'organic-matter_mean',
      'organic-matter_valid_ha',
      'sealed_mean',
      'sealed_valid_ha',
    ]);
    expect(header).toHaveLength(7 + CSV_FIGURES.length * 3);
    const column = (name: string) => (header ?? []).indexOf(name);
    expect(first?.[1]).toBe('Akker; "De Hoek", Zuid');
    expect(read(first?.[column('area_ha')] ?? '')).toBe(1234.5);
    const estimate = output.areas[0]?.estimate;
    for (const part of ['low', 'central', 'high'] as const) {
      expect(read(first?.[column(`stock_t_c_${part}`)] ?? '')).toBeCloseTo(
        estimate?.stock_t_c[part] ?? NaN,
        5,
      );
      expect(read(first?.[column(`cover-crops_t_co2_per_yr_${part}`)] ?? '')).toBeCloseTo(
        estimate?.measures[0]?.t_co2_per_yr[part] ?? NaN,
        5,
      );
    }
    expect(first).toHaveLength(header?.length ?? 0);
    expect(second?.[0]).toBe('2');
    expect(second?.slice(3).every((cell) => cell === '')).toBe(true);
    if (language === 'nl') expect(first?.[column('stock_t_c_central')]).toContain(',');
    else expect(first?.[column('stock_t_c_central')]).toContain('.');
  },
);

test('JSON keeps the 7.1 field order and the warnings; errors are {"error":{kind,message}}', () => {
  const output = sampleOutput();
  const json = JSON.parse(formatJson(output));
  expect(Object.keys(json)).toEqual(['areas', 'warnings']);
  expect(Object.keys(json.areas[0])).toEqual(['id', 'name', 'area_ha', 'layers', 'estimate']);
  expect(json.areas[1].estimate).toBeNull();
  expect(json.warnings).toEqual([{ kind: 'no-data', message: 'Buiten de gegevens.', feature: 2 }]);
  expect(JSON.parse(formatJsonError('usage', 'Kies json.'))).toEqual({
    error: { kind: 'usage', message: 'Kies json.' },
  });
});

test('the table is aligned, in the chosen language, with units and the warnings', () => {
  const output = sampleOutput();
  const nl = formatTable(output, context, 'nl');
  const en = formatTable(output, context, 'en');
  expect(nl).toMatch(/Voorraad/);
  expect(nl).toMatch(/t C\/ha/);
  expect(nl).toMatch(/t CO2\/20 jr/);
  expect(nl).toContain('synthetische demodata');
  expect(en).toMatch(/Potential/);
  expect(en).toMatch(/t CO2\/yr/);
  const stock = output.areas[0]?.estimate?.stock_t_c.central ?? NaN;
  expect(nl).toContain(formatNumber(stock, 0, 'nl'));
  expect(en).toContain(formatNumber(stock, 0, 'en'));
  expect(formatNumber(6009.6, 1, 'nl')).toBe('6.009,6');
  expect(formatNumber(6009.6, 1, 'en')).toBe('6,009.6');
  const lines = nl.split('\n');
  const headerIndex = lines.findIndex((line) => line.startsWith('id'));
  const widths = lines.slice(headerIndex + 3, headerIndex + 5).map((line) => [...line].length);
  const ruler = lines[headerIndex + 2] ?? '';
  for (const w of widths) expect(w).toBe([...ruler].length);
  const sumLine = lines.find((line) => line.startsWith('Som')) ?? '';
  expect(sumLine).toContain(formatNumber(1235, 2, 'nl'));
  expect(sumLine).toContain(formatNumber(stock, 0, 'nl'));
  expect(en.split('\n').some((line) => line.startsWith('Sum'))).toBe(true);
  expect(nl).toContain('- [no-data] object 2: Buiten de gegevens.');
  expect(en).toContain('- [no-data] feature 2: Buiten de gegevens.');
});
