import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FaultServer, refusedUrl, startFaultServer } from '../../../test/support/fault-server';
import { fetchBounded, fetchText, parseRetryAfter } from './fetch';
import { FetchError, fetchAppError } from './fetch-error';
import type { FetchLimits } from './limits';

/** Limits of a few hundred milliseconds, so every fault shows within a second. */
const FAST: Partial<FetchLimits> = {
  firstByteMs: 300,
  deadlineMs: 3000,
  rateWindowMs: 300,
  minBytesPerSecond: 1000,
  backoffMs: 20,
  maxRetryWaitMs: 1500,
};

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({
    '/hang': { kind: 'hang' },
    '/stall': { kind: 'stall', length: 10_000, sent: 100 },
    '/trickle': { kind: 'trickle', length: 100_000, everyMs: 20, bytes: 1 },
    '/flaky': [
      { kind: 'status', status: 500 },
      { kind: 'bytes', body: 'fine' },
    ],
    '/reset-once': [{ kind: 'reset' }, { kind: 'bytes', body: 'fine' }],
    '/busy': [
      { kind: 'status', status: 429, headers: { 'Retry-After': '1' } },
      { kind: 'bytes', body: 'fine' },
    ],
    '/busy-long': { kind: 'status', status: 429, headers: { 'Retry-After': '3600' } },
    '/always-500': { kind: 'status', status: 500 },
    '/slow-body': { kind: 'trickle', length: 20_000, everyMs: 10, bytes: 100 },
    '/big': { kind: 'bytes', body: new Uint8Array(5000), ranges: false },
    '/big-chunked': { kind: 'trickle', length: 5000, everyMs: 1, bytes: 1000, chunked: true },
    '/file': { kind: 'bytes', body: 'abcdefghijklmnopqrstuvwxyz' },
  });
});
afterAll(() => server.close());

/** The FetchError a read throws, and how long it took to throw it. */
async function failureOf(
  run: () => Promise<unknown>,
): Promise<{ error: FetchError; elapsedMs: number }> {
  const started = performance.now();
  try {
    await run();
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    return { error, elapsedMs: performance.now() - started };
  }
  throw new Error('the read succeeded');
}

const read = (path: string, limits: Partial<FetchLimits> = FAST, signal?: AbortSignal) =>
  fetchBounded(server.url(path), { limits, signal }).then((response) => response.text());

describe('faults end in a FetchError of kind unreachable naming the URL and the cause', () => {
  test('a server that never answers: timeout before the first byte', async () => {
    const { error, elapsedMs } = await failureOf(() => read('/hang'));
    expect(error.failure).toEqual({ cause: 'first-byte-timeout', ms: 300 });
    expect(error.appError).toEqual({
      kind: 'unreachable',
      code: 'net.firstByteTimeout',
      params: { url: server.url('/hang'), seconds: 0.3 },
    });
    expect(elapsedMs).toBeLessThan(1500);
    expect(server.countOf('/hang')).toBe(1);
  });

  test('headers, then a body that stops: stalled', async () => {
    const { error, elapsedMs } = await failureOf(() => read('/stall'));
    expect(error.failure).toEqual({ cause: 'stalled', ms: 300 });
    expect(error.appError.code).toBe('net.stalled');
    expect(elapsedMs).toBeLessThan(1500);
  });

  test('a trickle of 50 bytes/s below a minimum of 1000: too slow', async () => {
    const { error, elapsedMs } = await failureOf(() => read('/trickle'));
    expect(error.failure.cause).toBe('too-slow');
    if (error.failure.cause === 'too-slow') {
      expect(error.failure.bytesPerSecond).toBeLessThan(1000);
      expect(error.failure.minimum).toBe(1000);
    }
    expect(error.appError).toMatchObject({ kind: 'unreachable', code: 'net.tooSlow' });
    expect(elapsedMs).toBeLessThan(1500);
  });

  test('a body above the minimum rate that outlasts the deadline: deadline', async () => {
    const { error, elapsedMs } = await failureOf(() =>
      read('/slow-body', { ...FAST, deadlineMs: 400 }),
    );
    expect(error.failure).toEqual({ cause: 'deadline', ms: 400 });
    expect(elapsedMs).toBeLessThan(1500);
  });

  test('a 404 is not retried', async () => {
    const { error } = await failureOf(() => read('/missing'));
    expect(error.failure).toEqual({ cause: 'status', status: 404 });
    expect(error.appError).toEqual({
      kind: 'unreachable',
      code: 'net.status',
      params: { url: server.url('/missing'), status: 404 },
    });
    expect(server.countOf('/missing')).toBe(1);
  });

  test('a 500 that persists is retried, then reported', async () => {
    const { error } = await failureOf(() => read('/always-500', { ...FAST, retries: 2 }));
    expect(error.failure).toEqual({ cause: 'status', status: 500 });
    expect(server.countOf('/always-500')).toBe(3);
  });

  test('a refused port: refused, naming the URL', async () => {
    const url = await refusedUrl('/stock.tif');
    const { error, elapsedMs } = await failureOf(() =>
      fetchBounded(url, { limits: { ...FAST, retries: 1 } }),
    );
    expect(error.failure).toEqual({ cause: 'network', code: 'ECONNREFUSED' });
    expect(error.appError).toEqual({ kind: 'unreachable', code: 'net.refused', params: { url } });
    expect(elapsedMs).toBeLessThan(1500);
  });

  test('a TypeError without a system code (a browser) is the network-or-CORS case', () => {
    expect(fetchAppError('https://x.test/a.tif', { cause: 'network', code: null })).toEqual({
      kind: 'unreachable',
      code: 'net.networkOrCors',
      params: { url: 'https://x.test/a.tif' },
    });
  });
});

describe('retries', () => {
  test('500 then 200: retried once and read', async () => {
    expect(await read('/flaky')).toBe('fine');
    expect(server.countOf('/flaky')).toBe(2);
  });

  test('a connection cut before the answer is retried', async () => {
    expect(await read('/reset-once')).toBe('fine');
    expect(server.countOf('/reset-once')).toBe(2);
  });

  test('429 with Retry-After: 1 waits a second before the retry', async () => {
    const started = performance.now();
    expect(await read('/busy')).toBe('fine');
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    const [first, second] = server.requests.filter((request) => request.path === '/busy');
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  test('a Retry-After beyond the longest wait is not waited for', async () => {
    const { error, elapsedMs } = await failureOf(() => read('/busy-long'));
    expect(error.failure).toMatchObject({ cause: 'status', status: 429, retryAfterMs: 3_600_000 });
    expect(server.countOf('/busy-long')).toBe(1);
    expect(elapsedMs).toBeLessThan(500);
  });

  test('a POST is not retried: it may not be safe to repeat', async () => {
    const before = server.countOf('/flaky');
    server.route('/post-flaky', [
      { kind: 'status', status: 503 },
      { kind: 'bytes', body: 'ok' },
    ]);
    const { error } = await failureOf(() =>
      fetchBounded(server.url('/post-flaky'), { method: 'POST', body: '{}', limits: FAST }),
    );
    expect(error.failure).toEqual({ cause: 'status', status: 503 });
    expect(server.countOf('/post-flaky')).toBe(1);
    expect(server.countOf('/flaky')).toBe(before);
  });

  test('Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('cancellation, size and ranges', () => {
  test('an abort mid-body is cancelled, not a fault, and not retried', async () => {
    const controller = new AbortController();
    server.route('/trickle-abort', { kind: 'trickle', length: 100_000, everyMs: 20 });
    const response = await fetchBounded(server.url('/trickle-abort'), {
      signal: controller.signal,
      limits: { ...FAST, minBytesPerSecond: 0, rateWindowMs: 5000 },
    });
    setTimeout(() => controller.abort(), 100);
    const { error, elapsedMs } = await failureOf(() => response.arrayBuffer());
    expect(error.failure).toEqual({ cause: 'cancelled' });
    expect(error.name).toBe('AbortError');
    expect(elapsedMs).toBeLessThan(1000);
    expect(server.countOf('/trickle-abort')).toBe(1);
  });

  test('an abort while waiting to retry is cancelled at once, without another attempt', async () => {
    server.route('/busy-abort', { kind: 'status', status: 503, headers: { 'Retry-After': '1' } });
    const { error, elapsedMs } = await failureOf(() =>
      read('/busy-abort', FAST, AbortSignal.timeout(100)),
    );
    expect(error.failure).toEqual({ cause: 'cancelled' });
    expect(elapsedMs).toBeLessThan(600);
    expect(server.countOf('/busy-abort')).toBe(1);
  });

  test('an abort before the answer is cancelled too', async () => {
    const { error } = await failureOf(() => read('/hang', FAST, AbortSignal.timeout(50)));
    expect(error.failure).toEqual({ cause: 'cancelled' });
  });

  test('a body above maxBytes is too-large: announced by Content-Length', async () => {
    const { error } = await failureOf(() => read('/big', { ...FAST, maxBytes: 4096 }));
    expect(error.failure).toEqual({ cause: 'too-large', maxBytes: 4096 });
    expect(error.appError).toMatchObject({ kind: 'too-large', code: 'net.tooLarge' });
  });

  test('a body above maxBytes is too-large: counted while streaming', async () => {
    const response = await fetchBounded(server.url('/big-chunked'), {
      limits: { ...FAST, maxBytes: 2500 },
    });
    const reader = response.stream().getReader();
    let received = 0;
    const { error } = await failureOf(async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
      }
    });
    expect(error.failure).toEqual({ cause: 'too-large', maxBytes: 2500 });
    expect(received).toBeLessThanOrEqual(2500);
  });

  test('a HEAD request has headers and an empty body', async () => {
    const response = await fetchBounded(server.url('/file'), { method: 'HEAD', limits: FAST });
    expect(response.headers.get('content-length')).toBe('26');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  test('a Range request passes through and reads the part', async () => {
    const response = await fetchBounded(server.url('/file'), {
      headers: { Range: 'bytes=2-5' },
      limits: FAST,
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 2-5/26');
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe('cdef');
    const last = server.requests.filter((request) => request.path === '/file').at(-1);
    expect(last?.headers.range).toBe('bytes=2-5');
  });
});

describe('fetchText: failures as values', () => {
  test('a good body, and a fault as an AppError', async () => {
    expect(await fetchText(server.url('/file'), { limits: FAST })).toEqual({
      ok: true,
      value: 'abcdefghijklmnopqrstuvwxyz',
      notes: [],
    });
    expect(await fetchText(server.url('/missing'), { limits: FAST })).toEqual({
      ok: false,
      error: {
        kind: 'unreachable',
        code: 'net.status',
        params: { url: server.url('/missing'), status: 404 },
      },
    });
  });

  test('a cancelled read still throws, as the caller asked for it', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(fetchText(server.url('/file'), { signal: controller.signal })).rejects.toThrow(
      FetchError,
    );
  });
});
