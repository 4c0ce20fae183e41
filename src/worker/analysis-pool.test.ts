import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateParcels } from '../core/demo/parcels';
import { createAnalysisSession, type Wgs84Area } from '../core/engine/session';
import { DEFAULT_SCENARIO } from '../core/estimate/scenario';
import { rdToWgs84 } from '../core/projection/rd';
import {
  chunkSizeFor,
  createBatchRunner,
  type PoolWorker,
  poolSizeFor,
  spatialChunks,
} from './analysis-pool';

const cataloguePath = resolve(import.meta.dirname, '../../data/demo/catalogue.json');
const readText = (path: string) => readFile(path, 'utf8');

async function demoSession() {
  const session = createAnalysisSession();
  const opened = await session.open({ kind: 'path', path: cataloguePath, readText });
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  return session;
}

const toArea = (parcel: ReturnType<typeof generateParcels>[number]): Wgs84Area => ({
  id: parcel.id,
  name: parcel.name,
  geometry: parcel.geometry,
});

describe('pool size and chunks', () => {
  test('every core, at least one, at most eight', () => {
    expect(poolSizeFor(undefined)).toBe(1);
    expect(poolSizeFor(0)).toBe(1);
    expect(poolSizeFor(2)).toBe(2);
    expect(poolSizeFor(64)).toBe(8);
  });

  test('about four chunks per worker, at most 100 areas each', () => {
    expect(chunkSizeFor(10_000, 2)).toBe(100);
    expect(chunkSizeFor(40, 2)).toBe(5);
    expect(chunkSizeFor(1, 8)).toBe(1);
  });

  test('chunks hold every area once, and neighbours together', () => {
    const areas = generateParcels(400).map(toArea);
    const chunks = spatialChunks(areas, 50);
    expect(chunks).toHaveLength(8);
    expect(chunks.flat().sort((a, b) => a - b)).toEqual(areas.map((_, index) => index));
    // Spatial order: a chunk spans far less than the whole box (the grid is 23 x 18 cells).
    const spans = chunks.map((chunk) => {
      const xs = chunk.map((index) => index % 23);
      const ys = chunk.map((index) => Math.floor(index / 23));
      return (Math.max(...xs) - Math.min(...xs) + 1) * (Math.max(...ys) - Math.min(...ys) + 1);
    });
    expect(Math.max(...spans)).toBeLessThan(400 / 3);
  });
});

describe('batch runner over analysis sessions', () => {
  test('two workers give the results of one, in input order, with warnings per feature', async () => {
    const parcels = generateParcels(120, { seed: 7 }).map(toArea);
    // One area outside the data (but in the Netherlands) to see its warning numbered by input.
    const ring = [
      [120_000, 480_000],
      [120_200, 480_000],
      [120_200, 480_200],
      [120_000, 480_200],
      [120_000, 480_000],
    ].map((point) => rdToWgs84(point as [number, number]));
    const away: Wgs84Area = {
      id: 'weg',
      name: 'Weg',
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
    const areas = [...parcels.slice(0, 60), away, ...parcels.slice(60)];
    const single = await demoSession();
    const expected = await single.analyze(1, areas, DEFAULT_SCENARIO);
    if (expected.status !== 'done') throw new Error(expected.status);

    const runner = createBatchRunner([await demoSession(), await demoSession()], {
      chunkSize: 7,
    });
    const progress: number[] = [];
    const response = await runner.analyze(areas, DEFAULT_SCENARIO, (done) => progress.push(done));
    if (response.status !== 'done') throw new Error(response.status);
    expect(response.result.areas.map((area) => area.id)).toEqual(areas.map((area) => area.id));
    expect(response.result).toEqual(expected.result);
    // The area outside the data, and parcels whose stock layer has no valid cell (water, town),
    // each get their own no-data notice, numbered by input and in input order.
    const warnings = response.result.warnings;
    expect(warnings).toContainEqual({
      kind: 'no-data',
      code: 'errors.noData',
      params: { name: 'Weg' },
      feature: 61,
    });
    expect(warnings.every((warning) => warning.kind === 'no-data')).toBe(true);
    const numbers = warnings.map((warning) => warning.feature ?? 0);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    for (const warning of warnings) {
      expect(warning.params?.name).toBe(areas[(warning.feature ?? 0) - 1]?.name);
    }
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(areas.length);
    expect(progress.every((done, index) => index === 0 || done >= (progress[index - 1] ?? 0))).toBe(
      true,
    );
  });

  test('both workers take chunks', async () => {
    const areas = generateParcels(40, { seed: 3 }).map(toArea);
    const calls: number[] = [];
    const sessions = [await demoSession(), await demoSession()];
    const workers: PoolWorker[] = sessions.map((session, index) => ({
      analyze: (...args) => {
        calls.push(index);
        return session.analyze(...args);
      },
      cancel: () => session.cancel(),
    }));
    const response = await createBatchRunner(workers, { chunkSize: 4 }).analyze(
      areas,
      DEFAULT_SCENARIO,
    );
    expect(response.status).toBe('done');
    expect(calls).toHaveLength(10);
    expect(new Set(calls)).toEqual(new Set([0, 1]));
  });

  test('cancel stops every worker, drops queued chunks and returns no results', async () => {
    const areas = generateParcels(300, { seed: 11 }).map(toArea);
    const sessions = [await demoSession(), await demoSession()];
    let started = 0;
    let cancels = 0;
    const workers: PoolWorker[] = sessions.map((session) => ({
      analyze: (...args) => {
        started++;
        return session.analyze(...args);
      },
      cancel: () => {
        cancels++;
        session.cancel();
      },
    }));
    const runner = createBatchRunner(workers, { chunkSize: 10 });
    const progress: number[] = [];
    let cancelling: Promise<void> | null = null;
    // Cancel mid-batch, once two chunks are done.
    const running = runner.analyze(areas, DEFAULT_SCENARIO, (done) => {
      progress.push(done);
      if (done >= 20 && !cancelling) cancelling = runner.cancel();
    });
    const response = await running;
    await cancelling;
    expect(response).toEqual({ requestId: 1, status: 'cancelled' });
    expect(cancels).toBeGreaterThanOrEqual(1);
    const startedAtCancel = started;
    expect(startedAtCancel).toBeLessThan(30);
    const reported = progress.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toBe(startedAtCancel);
    expect(progress.length).toBe(reported);

    // The pool runs the next batch in full after a cancel.
    const next = await runner.analyze(areas.slice(0, 20), DEFAULT_SCENARIO);
    if (next.status !== 'done') throw new Error(next.status);
    expect(next.result.areas.map((area) => area.id)).toEqual(
      areas.slice(0, 20).map((area) => area.id),
    );
  });

  test('a newer batch cancels the one running', async () => {
    const areas = generateParcels(200, { seed: 5 }).map(toArea);
    const runner = createBatchRunner([await demoSession(), await demoSession()], {
      chunkSize: 10,
    });
    const first = runner.analyze(areas, DEFAULT_SCENARIO);
    const second = runner.analyze(areas.slice(0, 5), DEFAULT_SCENARIO);
    expect((await first).status).toBe('cancelled');
    const done = await second;
    if (done.status !== 'done') throw new Error(done.status);
    expect(done.result.areas).toHaveLength(5);
  });
});
