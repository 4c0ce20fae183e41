import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { parseAreasFile } from './index';

/**
 * No input throws or hangs: random bytes, and random truncations and byte flips of every valid
 * file we have, each parsed within a bounded time into a Result.
 */
const fixtures = resolve(import.meta.dirname, '../../../test/fixtures');
const samples = [
  ...readdirSync(`${fixtures}/imports/files`).map((f) => `${fixtures}/imports/files/${f}`),
  ...readdirSync(`${fixtures}/bad-input`)
    .filter((f) => f !== 'expected.json')
    .map((f) => `${fixtures}/bad-input/${f}`),
].map((path) => ({
  name: path.split('/').pop() as string,
  bytes: new Uint8Array(readFileSync(path)),
}));

/** Most time one input may take (ms); generous for a shared, busy machine. */
const BOUND_MS = 2_000;

const outcomes = { ok: 0, error: 0 };

async function parsesQuietly(name: string, bytes: Uint8Array): Promise<void> {
  const start = performance.now();
  const result = await parseAreasFile({ name, bytes });
  expect(performance.now() - start).toBeLessThan(BOUND_MS);
  if (result.ok) expect(result.value.areas.length).toBeGreaterThan(0);
  else expect(result.error.code).toMatch(/^import\./);
  outcomes[result.ok ? 'ok' : 'error']++;
}

const sample = fc.constantFrom(...samples);
const names = fc.constantFrom(
  'a.geojson',
  'a.kml',
  'a.kmz',
  'a.gpx',
  'a.zip',
  'a.wkt',
  'a.shp',
  'a',
);

describe('fuzz', () => {
  test('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), names, async (bytes, name) => {
        await parsesQuietly(name, bytes);
      }),
      { numRuns: 300, seed: 6 },
    );
  });

  test('random text in the formats’ alphabets', async () => {
    const alphabet = fc.constantFrom(
      ...'{}[]<>(),;:"=/ .-0123456789eE\nPOLYGONMULTItypeFeaturekmlgpx'.split(''),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(alphabet, { maxLength: 400 }), names, async (chars, name) => {
        await parsesQuietly(name, new TextEncoder().encode(chars.join('')));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  test('random JSON and GeoJSON-shaped features with random coordinates', async () => {
    const number = fc.oneof(
      fc.double({ noNaN: false }),
      fc.double({ min: 3, max: 8 }),
      fc.double({ min: 50, max: 54 }),
      fc.integer({ min: -10_000, max: 700_000 }),
    );
    const position = fc.oneof(fc.array(number, { maxLength: 5 }), fc.jsonValue());
    const ring = fc.array(position, { maxLength: 12 });
    const geometry = fc.record({
      type: fc.constantFrom(
        'Polygon',
        'MultiPolygon',
        'Point',
        'LineString',
        'GeometryCollection',
        'Bogus',
      ),
      coordinates: fc.oneof(
        fc.array(ring, { maxLength: 3 }),
        fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }),
        fc.jsonValue(),
      ),
      geometries: fc.array(fc.jsonValue(), { maxLength: 2 }),
    });
    const featureValue = fc.record({
      type: fc.constant('Feature'),
      properties: fc.jsonValue(),
      id: fc.jsonValue(),
      geometry: fc.oneof(geometry, fc.constant(null)),
    });
    const file = fc.oneof(
      fc.jsonValue(),
      fc.record({
        type: fc.constant('FeatureCollection'),
        crs: fc.jsonValue(),
        features: fc.array(featureValue, { maxLength: 5 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(file, async (value) => {
        await parsesQuietly('a.geojson', new TextEncoder().encode(JSON.stringify(value) ?? ''));
      }),
      { numRuns: 400, seed: 10 },
    );
  });

  test('byte flips and truncations inside the parts of a zipped shapefile', async () => {
    const parts = unzipSync(
      new Uint8Array(readFileSync(`${fixtures}/imports/files/shp_rd_prj_utf8_gouda.zip`)),
    );
    const names = Object.keys(parts).filter((n) => /\.(shp|dbf|prj|cpg)$/.test(n));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })),
          { maxLength: 6 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (name, flips, keep) => {
          const bytes = (parts[name] as Uint8Array).slice();
          for (const [at, value] of flips) bytes[Math.floor(at * (bytes.length - 1))] = value;
          const cut = bytes.subarray(
            0,
            Math.max(0, Math.ceil(bytes.length * (keep < 0.5 ? keep * 2 : 1))),
          );
          await parsesQuietly('a.zip', zipSync({ ...parts, [name]: cut }, { level: 0 }));
        },
      ),
      { numRuns: 400, seed: 11 },
    );
  });

  test('truncations of valid files', async () => {
    await fc.assert(
      fc.asyncProperty(sample, fc.double({ min: 0, max: 1, noNaN: true }), async (file, share) => {
        await parsesQuietly(
          file.name,
          file.bytes.subarray(0, Math.floor(file.bytes.length * share)),
        );
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  test('byte flips of valid files', async () => {
    await fc.assert(
      fc.asyncProperty(
        sample,
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        async (file, flips) => {
          const bytes = file.bytes.slice();
          for (const [at, value] of flips) bytes[Math.floor(at * (bytes.length - 1))] = value;
          await parsesQuietly(file.name, bytes);
        },
      ),
      { numRuns: 400, seed: 9 },
    );
    // Flipped files still import now and then: the parsers were reached, not just the sniffing.
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.error).toBeGreaterThan(0);
  });
});
