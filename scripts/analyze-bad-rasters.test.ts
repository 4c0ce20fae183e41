import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { refusedUrl } from '../test/support/fault-server';
import { run } from './lib/run';
import { type BadRaster, badRasters } from './make-bad-rasters';

/** Every bad raster of scripts/make-bad-rasters.ts through the CLI: its own kind, nothing else. */

const dir = mkdtempSync(join(tmpdir(), 'koolstofkaart-bad-rasters-'));
const AREAS = join(dir, 'areas.geojson');
writeFileSync(
  AREAS,
  JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: [
      {
        type: 'Feature',
        properties: { id: 'a', name: 'A' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [155_000, 463_000],
              [155_900, 463_100],
              [155_800, 463_800],
              [155_000, 463_000],
            ],
          ],
        },
      },
    ],
  }),
);

let list: Array<BadRaster & { bytes: Uint8Array }> = [];
beforeAll(() => {
  list = badRasters();
  for (const raster of list) writeFileSync(join(dir, raster.file), raster.bytes);
});

async function outcome(location: string, role: string, args: string[]) {
  const result = await run([
    AREAS,
    '--layer',
    `${role}=${location}`,
    ...args,
    '--format',
    'json',
    '--lang',
    'en',
  ]);
  return { code: result.code, parsed: JSON.parse(result.stdout) };
}

describe('bad user rasters (DESIGN.md 8.2, 7.2)', () => {
  test('there are at least 15, with distinct names', () => {
    const names = badRasters().map((raster) => raster.file);
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(new Set(names).size).toBe(names.length);
  });

  test.each([
    'not-a-tiff.tif',
    'empty.tif',
    'truncated.tif',
    'header-only.tif',
    'no-georeference.tif',
    'rotated.tif',
    'sheared.tif',
    'south-up.tif',
    'crs-lambert93.tif',
    'crs-robinson.tif',
    'crs-none.tif',
    'two-bands.tif',
    'two-bands-band-3.tif',
    'class-with-unit.tif',
    'unknown-unit.tif',
    'stock-in-kgm2.tif',
    'om-in-gkg.tif',
    'far-from-nl.tif',
    'far-from-nl-utm.tif',
    'over-size-limit.tif',
  ])('%s', async (file) => {
    const raster = list.find((candidate) => candidate.file === file);
    if (!raster) throw new Error(file);
    const { code, parsed } = await outcome(join(dir, file), raster.role, raster.args);
    expect(code, JSON.stringify(parsed)).toBe(raster.exit);
    if (raster.exit === 2) {
      expect(parsed.error.kind, parsed.error.message).toBe(raster.kind);
      expect(parsed.error.message.length).toBeGreaterThan(20);
    } else {
      const notice = parsed.warnings.find((w: { kind: string }) => w.kind === raster.kind);
      expect(notice?.message).toBeTruthy();
    }
  });

  test('the Lambert-93 refusal names the code', async () => {
    const { parsed } = await outcome(join(dir, 'crs-lambert93.tif'), 'carbon-stock', []);
    expect(parsed.error.message).toContain('EPSG:2154');
  });

  describe('a URL that cannot be reached', () => {
    afterAll(() => vi.unstubAllEnvs());
    test('is unreachable, naming the URL', async () => {
      vi.stubEnv('KOOLSTOFKAART_FETCH_TIMEOUT_MS', '300');
      vi.stubEnv('KOOLSTOFKAART_FETCH_DEADLINE_MS', '3000');
      vi.stubEnv('KOOLSTOFKAART_FETCH_RETRIES', '0');
      const url = await refusedUrl('/stock.tif');
      const { code, parsed } = await outcome(url, 'carbon-stock', []);
      expect(code).toBe(2);
      expect(parsed.error.kind).toBe('unreachable');
      expect(parsed.error.message).toContain(url);
    });
  });
});
