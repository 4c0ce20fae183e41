/**
 * engine-latency-1000ha-ms and engine-latency-50000ha-ms (DESIGN.md 7.3): the engine API the
 * analysis worker exposes (createAnalysisSession().analyze, WGS84 in, full result with the
 * estimate out), called in Node on generated 4000 x 4000 rasters of 25 m with all five layers.
 */
import { createAnalysisSession, type Wgs84Area } from '../../src/core/engine/session';
import { DEFAULT_SCENARIO } from '../../src/core/estimate/scenario';
import { rdToWgs84 } from '../../src/core/projection/rd';
import { syntheticLayers } from '../support/synthetic-layers';
import { blobRing } from '../support/synthetic-polygons';
import { type BenchFigure, type Benchmark, median } from './bench-kit';

const grid = { originX: 100_000, originY: 500_000, cellSize: 25, width: 4000, height: 4000 };
const centre: [number, number] = [150_000, 450_000];

function area(id: string, areaHa: number, vertices: number): Wgs84Area {
  const ring = blobRing(centre, areaHa, vertices, 7).map((p) => rdToWgs84(p));
  return { id, name: id, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'engine-latency',
    async run({ log }) {
      const started = performance.now();
      const session = createAnalysisSession();
      session.setLayers(syntheticLayers(grid));
      log(
        `engine: five 4000 x 4000 layers generated in ${(performance.now() - started).toFixed(0)} ms`,
      );
      let requestId = 0;
      const figures: BenchFigure[] = [];
      const cases: Array<[name: string, areaHa: number, vertices: number, runs: number]> = [
        ['engine-latency-1000ha-ms', 1000, 200, 20],
        ['engine-latency-50000ha-ms', 50_000, 2000, 7],
      ];
      for (const [name, areaHa, vertices, runs] of cases) {
        const input = area(name, areaHa, vertices);
        const times: number[] = [];
        const warmUp = 3;
        for (let i = 0; i < warmUp + runs; i++) {
          const start = performance.now();
          const response = await session.analyze(++requestId, [input], DEFAULT_SCENARIO);
          const elapsed = performance.now() - start;
          if (response.status !== 'done') throw new Error(`analysis ${response.status}`);
          const result = response.result.areas[0];
          if (!result?.estimate || !result.cross) throw new Error('incomplete result');
          if (i >= warmUp) times.push(elapsed); // the first runs warm up the JIT
          if (i === warmUp + runs - 1) {
            log(
              `${name}: ${result.area_ha.toFixed(1)} ha, stock ${result.estimate.stock_t_c.central.toFixed(0)} t C, ` +
                `median ${median(times).toFixed(1)} ms over ${runs} runs`,
            );
          }
        }
        figures.push({
          name,
          value: median(times),
          unit: 'ms',
          baseline: null,
          note: 'session.analyze in Node, all five layers, estimate; median after 3 warm-up runs',
          target: areaHa <= 1000 ? '< 100 ms' : '< 1000 ms',
        });
      }
      return figures;
    },
  },
];
