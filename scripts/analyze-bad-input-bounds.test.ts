import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type HostileCase,
  type HostileRasterCase,
  writeHostileInputs,
  writeHostileRasters,
} from './hostile-input';
import { lookup } from './lib/messages';

/**
 * The hostile part of the bad-input corpus (scripts/hostile-input.ts: zip bombs, huge and damaged
 * rasters, deep nesting, a quadratic name, /dev/zero and a 1.5 GB file), generated into a temporary
 * directory and given to the real command in a child process: each is refused (exit 2, its kind
 * and message) or read, within 10 s and below 1 GB of peak memory (RSS of the child).
 */
const root = resolve(import.meta.dirname, '..');
const AREAS = join(root, 'test/fixtures/bad-input/geojson_zipped_for_mail.zip');
const SECONDS = 10;
const MAX_RSS_KB = 1024 * 1024;

let dir = '';
let areas: HostileCase[] = [];
let rasters: HostileRasterCase[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kk-hostile-'));
  areas = writeHostileInputs(dir);
  rasters = writeHostileRasters(dir);
  // Sparse: 1.5 GB long, no disk used.
  writeFileSync(join(dir, 'areas_1500mb.geojson'), '');
  truncateSync(join(dir, 'areas_1500mb.geojson'), 1500 * 1024 * 1024);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  code: number;
  json: { error?: { kind: string; message: string }; areas?: unknown[]; warnings?: unknown[] };
  seconds: number;
  maxRssKb: number;
}

function analyze(args: string[]): Promise<Outcome> {
  const started = performance.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './scripts/lib/report-rss.ts',
        'scripts/analyze.ts',
        ...args,
        '--format',
        'json',
        '--lang',
        'en',
      ],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code) : 0;
        const rss = /maxrss-kb (\d+)\s*$/.exec(stderr);
        done({
          code,
          json: stdout ? JSON.parse(stdout) : {},
          seconds: (performance.now() - started) / 1000,
          maxRssKb: rss ? Number(rss[1]) : Number.NaN,
        });
      },
    );
  });
}

/** The fixed part of a message (before its first placeholder), to find it in the output. */
function stem(code: string): string {
  const text = lookup('en', code);
  expect(text, `${code} has an English text`).not.toBeNull();
  return (text as string).split('{{')[0]?.trim().slice(0, 30) ?? '';
}

function expectBounded(outcome: Outcome): void {
  expect(outcome.seconds).toBeLessThan(SECONDS);
  expect(outcome.maxRssKb).toBeGreaterThan(0);
  expect(outcome.maxRssKb).toBeLessThan(MAX_RSS_KB);
}

describe('hostile areas files through the CLI: refused or read, in bounded time and memory', () => {
  test('every generated case', async () => {
    for (const c of areas) {
      const outcome = await analyze([join(dir, c.file)]);
      const label = `${c.file}: ${JSON.stringify(outcome.json.error ?? null)}`;
      expectBounded(outcome);
      if (c.outcome === 'error') {
        expect(outcome.code, label).toBe(2);
        expect(outcome.json.error?.kind, label).toBe(c.kind);
        expect(outcome.json.error?.message, label).toContain(stem(c.code as string));
      } else {
        expect(outcome.code, label).toBe(0);
        expect(outcome.json.areas?.length, label).toBe(c.areas);
      }
    }
  }, 300_000);

  test('a 1.5 GB areas file is refused as too-large before it is read', async () => {
    const outcome = await analyze([join(dir, 'areas_1500mb.geojson')]);
    expect(outcome.code).toBe(2);
    expect(outcome.json.error?.kind).toBe('too-large');
    expect(outcome.json.error?.message).toContain('1500 MB');
    expectBounded(outcome);
    // Nothing near the file's size was read.
    expect(outcome.maxRssKb).toBeLessThan(400 * 1024);
  }, 60_000);

  test.runIf(existsSync('/dev/zero'))(
    '/dev/zero (size 0, endless) is read up to the limit and refused as too-large',
    async () => {
      const outcome = await analyze(['/dev/zero']);
      expect(outcome.code).toBe(2);
      expect(outcome.json.error?.kind).toBe('too-large');
      expect(outcome.json.error?.message).toContain(stem('import.fileTooLarge'));
      expectBounded(outcome);
    },
    60_000,
  );
});

test.runIf(existsSync('/dev/zero'))(
  '--scenario /dev/zero is refused as too-large at 1 MiB',
  async () => {
    const outcome = await analyze([AREAS, '--scenario', '/dev/zero']);
    expect(outcome.code).toBe(2);
    expect(outcome.json.error?.kind).toBe('too-large');
    expect(outcome.json.error?.message).toContain(stem('errors.scenarioTooLarge'));
    expectBounded(outcome);
    expect(outcome.maxRssKb).toBeLessThan(400 * 1024);
  },
  60_000,
);

describe('hostile rasters as --layer through the CLI', () => {
  test('huge, cut-off and ungeoreferenced GeoTIFFs exit 2 with their kind, in bounded time and memory', async () => {
    for (const c of rasters) {
      const outcome = await analyze([AREAS, '--layer', `carbon-stock=${join(dir, c.file)}`]);
      const label = `${c.file}: ${JSON.stringify(outcome.json.error ?? null)}`;
      expect(outcome.code, label).toBe(2);
      expect(outcome.json.error?.kind, label).toBe(c.kind);
      expect(outcome.json.error?.message, label).toContain(stem(c.code));
      expectBounded(outcome);
    }
  }, 300_000);
});
