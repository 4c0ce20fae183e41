import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { type FaultServer, refusedUrl, startFaultServer } from '../test/support/fault-server';
import { run } from './lib/run';

/** `--layer <id>=<URL>` whose server fails: exit 2, kind unreachable, in bounded time. */
const root = resolve(import.meta.dirname, '..');
const AREAS = join(root, 'test/fixtures/zonal/small.polygons.rd.geojson');
const SMALL_TIF = readFileSync(join(root, 'test/fixtures/zonal/small.tif'));

/** Fetch limits of a few hundred ms through the documented environment variables. */
const FAST_ENV = {
  KOOLSTOFKAART_FETCH_TIMEOUT_MS: '300',
  KOOLSTOFKAART_FETCH_RATE_WINDOW_MS: '300',
  KOOLSTOFKAART_FETCH_MIN_RATE: '1000',
  KOOLSTOFKAART_FETCH_DEADLINE_MS: '5000',
};

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({
    '/hang.tif': { kind: 'hang' },
    '/stall.tif': { kind: 'stall', length: 65_536, sent: 16, partial: true },
    '/trickle.tif': { kind: 'trickle', length: 65_536, everyMs: 20, partial: true },
    '/error.tif': { kind: 'status', status: 500 },
    '/missing.tif': { kind: 'status', status: 404 },
    // The header reads well; every read of cell data beyond it stalls.
    '/stall-later.tif': (request) => {
      const start = Number(/^bytes=(\d+)/.exec(request.headers.range ?? '')?.[1] ?? 0);
      return start < 16_384
        ? { kind: 'bytes', body: SMALL_TIF }
        : { kind: 'stall', length: 1024, sent: 0, partial: true };
    },
  });
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllEnvs());

interface Refusal {
  code: number;
  stderr: string;
  kind: string;
  message: string;
  elapsedMs: number;
}

async function refusal(url: string, env: Record<string, string> = FAST_ENV): Promise<Refusal> {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const started = performance.now();
  const outcome = await run([
    AREAS,
    '--layer',
    `carbon-stock=${url}`,
    '--format',
    'json',
    '--lang',
    'en',
  ]);
  const elapsedMs = performance.now() - started;
  const { error } = JSON.parse(outcome.stdout) as { error: { kind: string; message: string } };
  return { code: outcome.code, stderr: outcome.stderr, ...error, elapsedMs };
}

describe('--layer URLs that fail exit 2 with kind unreachable, naming the URL and the cause', () => {
  test('a server that never answers', async () => {
    const url = server.url('/hang.tif');
    const out = await refusal(url);
    expect(out).toMatchObject({ code: 2, kind: 'unreachable' });
    expect(out.message).toContain(`${url} did not answer within 0.3 s`);
    expect(out.elapsedMs).toBeLessThan(3000);
  });

  test('headers, then a body that stalls', async () => {
    const url = server.url('/stall.tif');
    const out = await refusal(url);
    expect(out).toMatchObject({ code: 2, kind: 'unreachable' });
    expect(out.message).toContain(`${url} stopped sending data for 0.3 s`);
    expect(out.elapsedMs).toBeLessThan(3000);
  });

  test('a trickle of 50 bytes/s below the minimum rate', async () => {
    const url = server.url('/trickle.tif');
    const out = await refusal(url);
    expect(out).toMatchObject({ code: 2, kind: 'unreachable' });
    expect(out.message).toMatch(new RegExp(`${url} sent data too slowly \\(\\d+ bytes/s`));
    expect(out.elapsedMs).toBeLessThan(3000);
  });

  test('a 500, after the retries', async () => {
    const url = server.url('/error.tif');
    const out = await refusal(url, { ...FAST_ENV, KOOLSTOFKAART_FETCH_RETRIES: '1' });
    expect(out).toMatchObject({ code: 2, kind: 'unreachable' });
    expect(out.message).toContain(`${url} answered with HTTP status 500`);
    expect(server.countOf('/error.tif')).toBe(2);
  });

  test('a 404, not retried', async () => {
    const url = server.url('/missing.tif');
    const out = await refusal(url);
    expect(out).toMatchObject({ code: 2, kind: 'unreachable' });
    expect(out.message).toContain(`${url} answered with HTTP status 404`);
    expect(server.countOf('/missing.tif')).toBe(1);
  });

  test('a refused port', async () => {
    const url = await refusedUrl('/stock.tif');
    const out = await refusal(url, { ...FAST_ENV, KOOLSTOFKAART_FETCH_RETRIES: '0' });
    expect(out).toMatchObject({ code: 2, kind: 'unreachable' });
    expect(out.message).toContain(`${url} refused the connection`);
    expect(out.elapsedMs).toBeLessThan(3000);
  });

  test('a raster that opens but stalls while its cells are read', async () => {
    const url = server.url('/stall-later.tif');
    const out = await refusal(url);
    expect(out).toMatchObject({ code: 2, kind: 'unreachable' });
    expect(out.message).toContain('stopped sending data');
    // The layer opened and the analysis began before the read stalled.
    expect(out.stderr).toContain('Analysing');
    expect(out.elapsedMs).toBeLessThan(5000);
  });

  test('a limit that is not a number is a usage error naming the variable', async () => {
    const out = await refusal(server.url('/hang.tif'), { KOOLSTOFKAART_FETCH_TIMEOUT_MS: 'soon' });
    expect(out).toMatchObject({ code: 2, kind: 'usage' });
    expect(out.message).toContain('KOOLSTOFKAART_FETCH_TIMEOUT_MS');
  });
});

describe('the real command (spawned) with KOOLSTOFKAART_FETCH_* limits', () => {
  const cli = ['tsx', join(root, 'scripts/analyze.ts')];

  function spawnCli(url: string): Promise<{ code: number; stdout: string; elapsedMs: number }> {
    const started = performance.now();
    return new Promise((done) => {
      execFile(
        'npx',
        [...cli, AREAS, '--layer', `carbon-stock=${url}`, '--format', 'json'],
        { cwd: root, env: { ...process.env, ...FAST_ENV } },
        (error, stdout) => {
          const code = error ? Number((error as { code?: unknown }).code) : 0;
          done({ code, stdout, elapsedMs: performance.now() - started });
        },
      );
    });
  }

  test('a hang, a trickle and a 500 each exit 2 with the error JSON, in bounded time', async () => {
    const outcomes = await Promise.all(
      ['/hang.tif', '/trickle.tif', '/error.tif'].map((path) => spawnCli(server.url(path))),
    );
    for (const outcome of outcomes) {
      expect(outcome.code).toBe(2);
      const parsed = JSON.parse(outcome.stdout) as { error: { kind: string; message: string } };
      expect(parsed.error.kind).toBe('unreachable');
      expect(parsed.error.message).toContain(server.origin);
      // tsx start-up included; the fetch limits themselves are 0.3 s.
      expect(outcome.elapsedMs).toBeLessThan(20_000);
    }
  });
});
