import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from './lib/run';

/**
 * `npm run analyze` on the geometry and command-line cases of issue 10: ring nesting and
 * overlapping parts give the area of the ground (never negative, never twice), mixed coordinate
 * systems are named, names cannot drive the terminal, and --out never overwrites an input.
 */
const root = resolve(import.meta.dirname, '..');
const corpus = join(root, 'test/fixtures/bad-input');
const STOCK = `carbon-stock=${join(root, 'test/fixtures/zonal/small.tif')}`;
const scratch = mkdtempSync(join(tmpdir(), 'koolstofkaart-geometry-'));

interface JsonOutput {
  areas: Array<{ id: string; name: string; area_ha: number }>;
  warnings: Array<{ kind: string; message: string; feature: number | null }>;
  error?: { kind: string; message: string };
}

async function analyze(argv: string[]) {
  const outcome = await run([...argv, '--format', 'json', '--lang', 'en']);
  return { ...outcome, json: JSON.parse(outcome.stdout) as JsonOutput };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('ring nesting and overlapping parts', () => {
  test.each([
    ['geojson_hole_outside_shell_rd.geojson', 'repaired'],
    ['geojson_multipolygon_duplicated_part.geojson', 'repaired'],
  ])('%s: 4 ha (was -8 ha and 8 ha) with a %s notice', async (file, kind) => {
    const { code, json } = await analyze([join(corpus, file), '--layer', STOCK]);
    expect(code).toBe(0);
    expect(json.areas[0]?.area_ha).toBeCloseTo(4, 9);
    expect(json.warnings.map((w) => w.kind)).toContain(kind);
  });

  test.each([
    ['geojson_hole_contains_shell_rd.geojson', 'self-intersection', /contains it, at RD/],
    ['geojson_hole_equals_shell_rd.geojson', 'self-intersection', /exactly as large/],
    ['geojson_holes_overlap_rd.geojson', 'self-intersection', /Two holes/],
    ['geojson_mixed_rd_and_wgs84.geojson', 'unsupported', /RD New \(EPSG:28992\): 1, 3; WGS84/],
  ])('%s exits 2 (%s) and says where', async (file, kind, message) => {
    const { code, json } = await analyze([join(corpus, file), '--layer', STOCK]);
    expect(code).toBe(2);
    expect(json.error?.kind).toBe(kind);
    expect(json.error?.message).toMatch(message);
  });
});

describe('names and file names in terminal output', () => {
  const names = join(corpus, 'geojson_names_markup_and_escapes.geojson');

  test('a name that is only markup gives the feature number as id, not ""', async () => {
    const { code, json } = await analyze([names, '--layer', STOCK]);
    expect(code).toBe(0);
    expect(json.areas.map((area) => area.id)[0]).toBe('1');
  });

  test('JSON keeps the escape characters of a name, escaped', async () => {
    const { stdout, json } = await analyze([names, '--layer', STOCK]);
    expect(json.areas[1]?.name).toContain('\u001b[31mRood');
    expect(stdout).toContain('\\u001b[31mRood');
    expect(stdout).not.toMatch(CONTROL);
  });

  test('the table and stderr carry no escape sequences or control characters', async () => {
    const file = join(scratch, 'gebied\u001b[2J\u001b]0;pwned\u0007\r.geojson');
    writeFileSync(file, readFileSync(names));
    const outcome = await run([file, '--layer', STOCK, '--format', 'table']);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toContain('Rood');
    expect(outcome.stdout).toContain('perceel');
    expect(outcome.stdout.replace(/\n/g, '')).not.toMatch(CONTROL);
    expect(outcome.stderr).toContain('gebied');
    expect(outcome.stderr.replace(/\n/g, '')).not.toMatch(CONTROL);
    expect(outcome.stderr).not.toContain('pwned\u0007');
    // A refusal that quotes the file name on stderr.
    const missing = await run([join(scratch, 'weg\u001b[31m.geojson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('weg');
    expect(missing.stderr.replace(/\n/g, '')).not.toMatch(CONTROL);
  });
});

describe('--out never overwrites an input', () => {
  const original = readFileSync(join(corpus, 'geojson_hole_outside_shell_rd.geojson'));
  const input = join(scratch, 'invoer.geojson');
  writeFileSync(input, original);
  const link = join(scratch, 'link.geojson');
  symlinkSync(input, link);
  const scenario = join(scratch, 'scenario.json');
  writeFileSync(scenario, '{ not json');

  test.each([
    ['the same path', input],
    ['a ./ spelling', `${dirname(input)}/./${basename(input)}`],
    ['a path through ..', join(scratch, '..', basename(scratch), basename(input))],
    ['a relative path', relative(process.cwd(), input)],
    ['a symlink to it', link],
  ])(
    '--out naming the areas file by %s exits 2 (usage) and leaves it as it was',
    async (_, out) => {
      const { code, json } = await analyze([input, '--layer', STOCK, '--out', out]);
      expect(code).toBe(2);
      expect(json.error?.kind).toBe('usage');
      expect(json.error?.message).toMatch(/same file as the input/);
      expect(readFileSync(input)).toEqual(original);
    },
  );

  test('--out naming the scenario or a layer file is refused before either is read', async () => {
    const onScenario = await analyze([input, '--scenario', scenario, '--out', scenario]);
    expect(onScenario.code).toBe(2);
    expect(onScenario.json.error?.message).toMatch(/same file as the input/);
    expect(readFileSync(scenario, 'utf8')).toBe('{ not json');
    const tif = STOCK.slice('carbon-stock='.length);
    const before = readFileSync(tif);
    const onLayer = await analyze([input, '--layer', STOCK, '--out', tif]);
    expect(onLayer.code).toBe(2);
    expect(onLayer.json.error?.message).toMatch(/same file as the input/);
    expect(readFileSync(tif)).toEqual(before);
  });

  test('--out naming the --package zip is refused', async () => {
    const zip = join(scratch, 'pakket.zip');
    writeFileSync(zip, 'not really a zip');
    const outcome = await analyze([input, '--package', zip, '--out', zip]);
    expect(outcome.code).toBe(2);
    expect(outcome.json.error?.message).toMatch(/same file as the input/);
    expect(readFileSync(zip, 'utf8')).toBe('not really a zip');
  });

  test('another --out file is written', async () => {
    const out = join(scratch, 'resultaat.json');
    const outcome = await run([input, '--layer', STOCK, '--format', 'json', '--out', out]);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).areas).toHaveLength(1);
  });
});

describe('scenario files', () => {
  const json = '{"method":"ipcc","measures":{"rotation":{"on":true}}}';
  const utf16 = (littleEndian: boolean) => {
    const bytes = Buffer.alloc(2 + json.length * 2);
    for (let i = -1; i < json.length; i++) {
      const unit = i < 0 ? 0xfeff : json.charCodeAt(i);
      if (littleEndian) bytes.writeUInt16LE(unit, 2 + i * 2);
      else bytes.writeUInt16BE(unit, 2 + i * 2);
    }
    return bytes;
  };
  const areas = join(corpus, 'geojson_multipolygon_duplicated_part.geojson');

  test.each([
    ['UTF-16 LE', true],
    ['UTF-16 BE', false],
  ])('a %s scenario file with a byte-order mark is read', async (_, littleEndian) => {
    const file = join(scratch, `scenario-${littleEndian ? 'le' : 'be'}.json`);
    writeFileSync(file, utf16(littleEndian));
    const {
      code,
      json: out,
      stderr,
    } = await analyze([areas, '--layer', STOCK, '--scenario', file]);
    expect(code, stderr).toBe(0);
    expect(out.areas).toHaveLength(1);
  });

  test('a UTF-16 file without a byte-order mark is refused as a wrong encoding', async () => {
    const file = join(scratch, 'scenario-nobom.json');
    writeFileSync(file, utf16(true).subarray(2));
    const { code, json: out } = await analyze([areas, '--scenario', file]);
    expect(code).toBe(2);
    expect(out.error?.kind).toBe('usage');
    expect(out.error?.message).toMatch(/text encoding/);
  });

  test.each([
    [
      'clay_target_pct',
      { clay_target_pct: { rivierklei: 20, zeklei: 15 } },
      'clay_target_pct.zeklei',
    ],
    ['a measure', { measures: { compost: { on: true, levl: 'high' } } }, 'measures.compost.levl'],
  ])('an unknown key inside %s is refused, naming it', async (_, scenario, field) => {
    const file = join(scratch, `scenario-${field}.json`);
    writeFileSync(file, JSON.stringify(scenario));
    const { code, json: out } = await analyze([areas, '--scenario', file]);
    expect(code).toBe(2);
    expect(out.error?.kind).toBe('usage');
    expect(out.error?.message).toContain(field);
  });
});
