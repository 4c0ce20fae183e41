import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FaultServer, startFaultServer } from '../../../test/support/fault-server';
import { openPackage } from './open-package';
import { PackageReadError, urlSource } from './package-source';

const FAST = { firstByteMs: 200, rateWindowMs: 200, minBytesPerSecond: 1000, backoffMs: 10 };

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({
    '/hang/catalogue.json': { kind: 'hang' },
    '/stall/catalogue.json': { kind: 'stall', length: 1000, sent: 10 },
    '/flaky/catalogue.json': [
      { kind: 'status', status: 503 },
      { kind: 'json', value: {} },
    ],
  });
});
afterAll(() => server.close());

test('a package server that never answers is unreachable within the first-byte timeout', async () => {
  const started = performance.now();
  const result = await openPackage(urlSource(server.url('/hang/'), fetch, FAST));
  expect(result.ok ? null : result.error).toEqual({
    kind: 'unreachable',
    code: 'packages.fileUnreachable',
    params: { file: server.url('/hang/catalogue.json') },
  });
  expect(performance.now() - started).toBeLessThan(1500);
});

test('a package file whose body stalls is a read error, not a hang', async () => {
  const source = urlSource(server.url('/stall/'), fetch, FAST);
  await expect(source.read('catalogue.json')).rejects.toBeInstanceOf(PackageReadError);
});

test('a 503 on a package file is retried', async () => {
  const source = urlSource(server.url('/flaky/'), fetch, FAST);
  expect(new TextDecoder().decode((await source.read('catalogue.json')) ?? undefined)).toBe('{}');
  expect(server.countOf('/flaky/catalogue.json')).toBe(2);
});
