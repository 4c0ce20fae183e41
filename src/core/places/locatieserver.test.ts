import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type FaultServer, type Route, startFaultServer } from '../../../test/support/fault-server';
import { resetServiceUrls, setServiceUrls } from '../net/services';
import { lookupPlace, parseLookup, parseWktPoint, suggestPlaces, wktBounds } from './locatieserver';

/**
 * The connector against a local server replaying the recorded Locatieserver responses
 * (test/fixtures/services/locatieserver, served on the v3_1 paths) with injected faults.
 */
const recorded = resolve(import.meta.dirname, '../../../test/fixtures/services/locatieserver');
const read = (file: string): unknown => JSON.parse(readFileSync(join(recorded, file), 'utf8'));
const BASE = '/bzk/locatieserver/search/v3_1';

/** Parameters each path allows, from the recorded v3_1 OpenAPI document. */
const openapi = read('v3_1-openapi.json') as {
  paths: Record<string, { get: { parameters: Array<{ name?: string; $ref?: string }> } }>;
  components?: { parameters?: Record<string, { name: string }> };
};
function allowed(path: string): Set<string> {
  const parameters = openapi.paths[path]?.get.parameters ?? [];
  return new Set(
    parameters.map((parameter) => {
      if (parameter.name) return parameter.name;
      const key = parameter.$ref?.split('/').pop() ?? '';
      return openapi.components?.parameters?.[key]?.name ?? key;
    }),
  );
}

/** As v3_1 does: 400 with the Solr error body for a parameter not in the OpenAPI document. */
function replay(path: string, file: (request: IncomingMessage) => string): Route {
  return (request) => {
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    const unknown = [...query.keys()].filter((name) => !allowed(path).has(name));
    if (unknown.length > 0) {
      return {
        kind: 'json',
        status: 400,
        value: { error: { code: 400, msg: `undefined field ${unknown[0]}`, metadata: [] } },
      };
    }
    return {
      kind: 'file',
      path: join(recorded, file(request)),
      contentType: 'application/json;charset=utf-8',
    };
  };
}

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({
    [`${BASE}/suggest`]: replay('/suggest', () => 'v3-suggest-amsterdam.json'),
    [`${BASE}/lookup`]: replay('/lookup', (request) =>
      (request.url ?? '').includes('id=adr-')
        ? 'v3-lookup-adres-europalaan-utrecht.json'
        : 'v3-lookup-woonplaats-utrecht-geometrie.json',
    ),
  });
  setServiceUrls({ locatieserver: server.url(BASE) });
});
afterAll(async () => {
  resetServiceUrls();
  await server.close();
});

const fast = { limits: { firstByteMs: 300, deadlineMs: 2_000, backoffMs: 10, retries: 1 } };

describe('replaying the recorded responses', () => {
  test('suggest: the five recorded docs, asked with parameters v3_1 accepts', async () => {
    const result = await suggestPlaces('Amsterdam');
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toHaveLength(5);
    expect(result.value[0]).toEqual({
      id: 'gem-0b2a8b92856b27f86fbd67ab35808ebf',
      type: 'gemeente',
      label: 'Gemeente Amsterdam',
    });
    expect(result.value.map((each) => each.type)).toEqual([
      'gemeente',
      'woonplaats',
      'woonplaats',
      'woonplaats',
      'weg',
    ]);
    // The replay answers 400 to any parameter v3_1 does not list: this one was accepted.
    expect(server.countOf(`${BASE}/suggest`)).toBeGreaterThan(0);
  });

  test('lookup of a woonplaats: centroid from WKT POINT(lon lat), bounds of its geometry', async () => {
    const result = await lookupPlace('wpl-d7676180b7f172bcb7356429b19563a5');
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toMatchObject({
      type: 'woonplaats',
      label: 'Utrecht, Utrecht, Utrecht',
      center: [5.0952037, 52.0886922],
      municipalityCode: null,
    });
    const [west, south, east, north] = result.value.bbox ?? [];
    expect(west).toBeGreaterThan(4.9);
    expect(east).toBeLessThan(5.3);
    expect(south).toBeGreaterThan(51.9);
    expect(north).toBeLessThan(52.2);
    expect((west as number) < 5.0952037 && 5.0952037 < (east as number)).toBe(true);
  });

  test('lookup of an address: a centroid and no geometry', async () => {
    const result = await lookupPlace('adr-bf54db721969487ed33ba84d9973c702');
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toMatchObject({
      type: 'adres',
      label: 'Europalaan 93, 3526KP Utrecht',
      center: [5.10696041, 52.06415055],
      bbox: null,
      municipalityCode: null,
    });
  });

  test('the replay refuses a parameter the v3_1 OpenAPI document does not list', async () => {
    const response = await fetch(server.url(`${BASE}/suggest?q=x&bogus=1`));
    expect(response.status).toBe(400);
  });
});

describe('faults', () => {
  afterEach(() => {
    server.route(
      `${BASE}/suggest`,
      replay('/suggest', () => 'v3-suggest-amsterdam.json'),
    );
  });

  test('a server that never answers is unreachable after the timeout', async () => {
    server.route(`${BASE}/suggest`, { kind: 'hang' });
    const result = await suggestPlaces('Amsterdam', fast);
    expect(result.ok || result.error).toMatchObject({ kind: 'unreachable' });
  });

  test('a 500 is retried, then unreachable naming the status', async () => {
    server.route(`${BASE}/suggest`, { kind: 'status', status: 500 });
    const before = server.countOf(`${BASE}/suggest`);
    const result = await suggestPlaces('Amsterdam', fast);
    expect(result.ok || result.error).toMatchObject({
      kind: 'unreachable',
      code: 'net.status',
      params: { status: 500 },
    });
    expect(server.countOf(`${BASE}/suggest`) - before).toBe(2);
  });

  test('malformed JSON is unreadable, naming the URL', async () => {
    server.route(`${BASE}/suggest`, {
      kind: 'bytes',
      body: '{"response": {"docs": [',
      contentType: 'application/json',
    });
    const result = await suggestPlaces('Amsterdam', fast);
    expect(result.ok || result.error).toMatchObject({
      kind: 'unreadable',
      code: 'places.serviceInvalid',
    });
  });

  test('JSON of another shape is unreadable too', async () => {
    server.route(`${BASE}/suggest`, { kind: 'json', value: { hello: 'world' } });
    const result = await suggestPlaces('Amsterdam', fast);
    expect(result.ok || result.error.code).toBe('places.serviceInvalid');
  });

  test('the recorded 400 error body is unreachable with its status', async () => {
    server.route(`${BASE}/lookup`, {
      kind: 'status',
      status: 400,
      body: readFileSync(join(recorded, 'v3-error-400-lookup-missing-id.json'), 'utf8'),
    });
    const result = await lookupPlace('x', fast);
    expect(result.ok || result.error).toMatchObject({
      kind: 'unreachable',
      params: { status: 400 },
    });
  });

  test('typing on cancels the request: it throws an AbortError', async () => {
    server.route(`${BASE}/suggest`, { kind: 'hang' });
    const controller = new AbortController();
    const pending = suggestPlaces('Amsterdam', { ...fast, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('parsing', () => {
  test('WKT points and bounds', () => {
    expect(parseWktPoint('POINT(5.0952037 52.0886922)')).toEqual([5.0952037, 52.0886922]);
    expect(parseWktPoint('POINT (135782.745 452910.011)')).toEqual([135782.745, 452910.011]);
    expect(parseWktPoint('LINESTRING(1 2,3 4)')).toBeNull();
    expect(parseWktPoint(null)).toBeNull();
    expect(wktBounds('MULTIPOLYGON(((1 2,3 -4,0.5 6,1 2)))')).toEqual([0.5, -4, 3, 6]);
    expect(wktBounds('')).toBeNull();
  });

  test('a municipality doc gives its CBS code (spec-shaped: no gemeente lookup was recorded)', () => {
    const place = parseLookup({
      response: {
        numFound: 1,
        docs: [
          {
            type: 'gemeente',
            id: 'gem-0b2a8b92856b27f86fbd67ab35808ebf',
            weergavenaam: 'Gemeente Amsterdam',
            gemeentecode: '0363',
            centroide_ll: 'POINT(4.89 52.37)',
          },
        ],
      },
    });
    expect(place).toMatchObject({ municipalityCode: 'GM0363', center: [4.89, 52.37], bbox: null });
  });

  test('an answer without docs or a centroid gives nothing', () => {
    expect(parseLookup({ response: { numFound: 0, docs: [] } })).toBeNull();
    expect(parseLookup({ response: { docs: [{ id: 'x', type: 'adres' }] } })).toBeNull();
  });
});
