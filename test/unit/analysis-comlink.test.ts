import { expose, proxy, wrap } from 'comlink';
import { afterEach, describe, expect, test } from 'vitest';
import { createAnalysisSession, type Wgs84Area } from '../../src/core/engine/session';
import { DEFAULT_SCENARIO } from '../../src/core/estimate/scenario';
import { rdToWgs84 } from '../../src/core/projection/rd';
import { syntheticLayers } from '../support/synthetic-layers';

/**
 * The analysis session behind comlink over a MessageChannel, as the worker exposes it: calls,
 * progress callbacks and cancellation all cross a message boundary.
 */
const grid = { originX: 150_000, originY: 470_000, cellSize: 5, width: 2000, height: 2000 };

function square(id: string, x: number, y: number, size: number): Wgs84Area {
  const ring = [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ].map((point) => rdToWgs84(point as [number, number]));
  return { id, name: id, geometry: { type: 'Polygon', coordinates: [ring] } };
}

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

function connect() {
  const session = createAnalysisSession();
  session.setLayers(syntheticLayers(grid));
  const channel = new MessageChannel();
  channels.push(channel);
  expose(session, channel.port1);
  return wrap<typeof session>(channel.port2);
}

describe('analysis session through comlink', () => {
  test('progress arrives through a proxied callback and the result is plain JSON', async () => {
    const remote = connect();
    const progress: Array<[number, number, number]> = [];
    const response = await remote.analyze(
      1,
      [square('a', 151_000, 466_000, 2000)],
      DEFAULT_SCENARIO,
      proxy((id: number, done: number, total: number) => {
        progress.push([id, done, total]);
      }),
    );
    if (response.status !== 'done') throw new Error(response.status);
    expect(response.result.areas[0]?.area_ha).toBeCloseTo(400, 4);
    expect(JSON.parse(JSON.stringify(response.result))).toEqual(response.result);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every(([id]) => id === 1)).toBe(true);
  });

  test('a newer request sent as a message cancels the older one while it runs', async () => {
    const remote = connect();
    let firstStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      firstStarted = resolve;
    });
    const first = remote.analyze(
      1,
      [square('big', 150_500, 460_500, 9000)],
      DEFAULT_SCENARIO,
      proxy(() => firstStarted()),
    );
    await started;
    const second = await remote.analyze(
      2,
      [square('small', 151_000, 466_000, 500)],
      DEFAULT_SCENARIO,
    );
    expect(second.status).toBe('done');
    expect(await first).toEqual({ requestId: 1, status: 'cancelled' });
  });
});
