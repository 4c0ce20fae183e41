import { describe, expect, test } from 'vitest';
import { syntheticLayers } from '../../../test/support/synthetic-layers';
import { DEFAULT_SCENARIO } from '../estimate/scenario';
import { rdToWgs84 } from '../projection/rd';
import { createAnalysisSession, type Wgs84Area } from './session';

const grid = { originX: 150_000, originY: 470_000, cellSize: 5, width: 1000, height: 800 };

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

describe('analysis session', () => {
  test('a newer request cancels an older one still running', async () => {
    const session = createAnalysisSession();
    session.setLayers(syntheticLayers(grid));
    const progress: number[] = [];
    const first = session.analyze(
      1,
      [square('a', 150_500, 466_500, 3000)],
      DEFAULT_SCENARIO,
      (id) => progress.push(id),
    );
    const second = session.analyze(2, [square('b', 151_000, 467_000, 500)], DEFAULT_SCENARIO);
    expect(await first).toEqual({ requestId: 1, status: 'cancelled' });
    const done = await second;
    if (done.status !== 'done') throw new Error(done.status);
    expect(done.result.areas[0]?.area_ha).toBeCloseTo(25, 4);
    expect(done.result.areas[0]?.layers['carbon-stock']?.covered_ha).toBeCloseTo(25, 4);
    expect(progress.every((id) => id === 1)).toBe(true);
  });

  test('cancel() stops the running request', async () => {
    const session = createAnalysisSession();
    session.setLayers(syntheticLayers(grid));
    const running = session.analyze(7, [square('a', 150_500, 466_500, 3000)], DEFAULT_SCENARIO);
    session.cancel();
    expect(await running).toEqual({ requestId: 7, status: 'cancelled' });
  });

  test('areas keep their feature index in warnings', async () => {
    const session = createAnalysisSession();
    session.setLayers(syntheticLayers(grid));
    const away = { ...square('away', 120_000, 480_000, 100), feature: 5 };
    const response = await session.analyze(1, [away], DEFAULT_SCENARIO);
    if (response.status !== 'done') throw new Error(response.status);
    expect(response.result.warnings).toEqual([
      { kind: 'no-data', code: 'errors.noData', params: { name: 'away' }, feature: 5 },
    ]);
  });
});
