import { expect, test } from 'vitest';
import { parseCommandLine } from './options';

test('defaults: table, Dutch, demo layers, default scenario, stdout', () => {
  const { format, language, options } = parseCommandLine(['areas.geojson']);
  expect({ format, language }).toEqual({ format: 'table', language: 'nl' });
  expect(options).toEqual({
    ok: true,
    notes: [],
    value: {
      areasFile: 'areas.geojson',
      municipalities: [],
      layers: [],
      package: null,
      scenarioFile: null,
      format: 'table',
      language: 'nl',
      out: null,
    },
  });
});

test('every option, in both --name value and --name=value form', () => {
  const { options } = parseCommandLine([
    '--format=csv',
    'a.kml',
    '--layer',
    'carbon-stock=stock.tif',
    '--layer=land-use=https://example.org/lu.tif',
    '--scenario',
    's.json',
    '--lang',
    'en',
    '--out=result.csv',
    '--package',
    'pakket.zip',
  ]);
  expect(options.ok && options.value).toEqual({
    areasFile: 'a.kml',
    municipalities: [],
    layers: [
      { id: 'carbon-stock', location: 'stock.tif' },
      { id: 'land-use', location: 'https://example.org/lu.tif' },
    ],
    package: 'pakket.zip',
    scenarioFile: 's.json',
    format: 'csv',
    language: 'en',
    out: 'result.csv',
  });
});

test.each([
  [['a.geojson', '--colour', 'red'], 'errors.usageUnknownOption'],
  [['a.geojson', '--format'], 'errors.usageMissingValue'],
  [['a.geojson', '--format', 'xml'], 'errors.usageFormat'],
  [['a.geojson', '--lang', 'de'], 'errors.usageLang'],
  [['--format', 'json'], 'errors.usageAreasFile'],
  [['a.geojson', 'b.geojson'], 'errors.usageExtraArgument'],
  [['a.geojson', '--layer', 'stock.tif'], 'errors.usageLayerSyntax'],
  [['a.geojson', '--layer', 'carbon=stock.tif'], 'errors.unknownLayer'],
  [['a.geojson', '--layer', 'deficit=d.tif'], 'errors.unknownLayer'],
  [['a.geojson', '--layer', 'sealed=a.tif', '--layer', 'sealed=b.tif'], 'errors.duplicateLayer'],
])('%j is a usage error (%s)', (argv, code) => {
  const { options } = parseCommandLine(argv);
  expect(options.ok ? null : options.error).toMatchObject({ kind: 'usage', code });
});

test('the format and language to report in are known even when another option is wrong', () => {
  const parsed = parseCommandLine(['--lang', 'en', '--format', 'json', '--bogus']);
  expect(parsed.format).toBe('json');
  expect(parsed.language).toBe('en');
  expect(parsed.options.ok).toBe(false);
});

test('--help and -h ask for the usage, even without an areas file', () => {
  expect(parseCommandLine(['--help']).help).toBe(true);
  expect(parseCommandLine(['-h', '--lang', 'en']).help).toBe(true);
  expect(parseCommandLine(['a.geojson']).help).toBe(false);
});

test('--municipality is repeatable and needs no areas file', () => {
  const { options } = parseCommandLine(['--municipality', 'GM0344', '--municipality=gm0518']);
  expect(options.ok && options.value).toMatchObject({
    areasFile: null,
    municipalities: ['GM0344', 'gm0518'],
  });
  const both = parseCommandLine(['a.geojson', '--municipality', 'GM0344']).options;
  expect(both.ok && both.value).toMatchObject({
    areasFile: 'a.geojson',
    municipalities: ['GM0344'],
  });
  const missing = parseCommandLine(['--municipality']).options;
  expect(missing.ok || missing.error).toMatchObject({
    kind: 'usage',
    code: 'errors.usageMissingValue',
  });
});
