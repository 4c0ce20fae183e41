import { expect, test } from 'vitest';
import type { CatalogueLayer } from '../../core/raster/catalogue-types';
import { formatLayerValue, formatNumber } from './format';

const base = {
  scale: 1,
  offset: 0,
  nodata: -9999,
  range: [0, 100],
  source: { nl: 'bron', en: 'source' },
  licence: 'CC BY 4.0',
  resolution_m: 25,
  date: '2026',
  synthetic: true,
} as const;

const stock: CatalogueLayer = {
  ...base,
  range: [0, 250],
  id: 'carbon-stock',
  title: { nl: 'Bodemkoolstofvoorraad', en: 'Soil carbon stock' },
  unit: 't C/ha',
  kind: 'continuous',
  palette: 'carbon-stock',
};

const landUse: CatalogueLayer = {
  ...base,
  range: [1, 7],
  id: 'land-use',
  title: { nl: 'Landgebruik', en: 'Land use' },
  unit: 'class',
  kind: 'categorical',
  palette: 'classes',
  classes: [{ code: 1, name: 'akker', title: { nl: 'Akker', en: 'Arable' }, color: '#e6c86e' }],
};

test('numbers follow the page language', () => {
  expect(formatNumber(1234.5, 'nl', 1)).toBe('1.234,5');
  expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
});

test('continuous values carry their unit with about three significant digits', () => {
  expect(formatLayerValue(stock, 60.14, 'nl')).toBe('60,1 t C/ha');
  expect(formatLayerValue(stock, 2.345, 'en')).toBe('2.35 t C/ha');
  expect(formatLayerValue(stock, 201.6, 'en')).toBe('202 t C/ha');
});

test('categorical values show the class title in the language', () => {
  expect(formatLayerValue(landUse, 1, 'nl')).toBe('Akker');
  expect(formatLayerValue(landUse, 1, 'en')).toBe('Arable');
  expect(formatLayerValue(landUse, 9, 'en')).toBeNull();
});

test('no data is null', () => {
  expect(formatLayerValue(stock, null, 'nl')).toBeNull();
  expect(formatLayerValue(stock, Number.NaN, 'nl')).toBeNull();
});

test('catalogue units read in the page language (issue 14)', async () => {
  const { initI18n } = await import('../../i18n');
  await initI18n('nl');
  const { unitText } = await import('./format');
  expect(unitText('t CO2/ha/yr', 'nl')).toBe('t CO2/ha/jr');
  expect(unitText('class', 'nl')).toBe('klasse');
  expect(unitText('t CO2/ha/yr', 'en')).toBe('t CO2/ha/yr');
  expect(unitText('t C/ha', 'nl')).toBe('t C/ha');
});
