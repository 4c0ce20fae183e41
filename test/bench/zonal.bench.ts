/**
 * zonal-cells-per-s (DESIGN.md 7.3): exact zonal statistics over a 50,000 ha polygon with 2,000
 * vertices on a generated 4000 x 4000 raster of 25 m, in cells of the polygon's bounding box per
 * second on one core. Baseline: @turf/boolean-point-in-polygon on every cell centre of a sample
 * of the bounding box's rows, in the same run.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { polygon as turfPolygon } from '@turf/helpers';
import { createMemoryRaster } from '../../src/core/raster/memory-raster';
import { polygonCellWindow, preparePolygon } from '../../src/core/zonal/coverage-fractions';
import { zonalStats } from '../../src/core/zonal/zonal-stats';
import { syntheticMeta } from '../support/synthetic-layers';
import { blobRing } from '../support/synthetic-polygons';
import { type Benchmark, median } from './bench-kit';

const SIZE = 4000;
const CELL = 25;
const ORIGIN_X = 100_000;
const ORIGIN_Y = 500_000;

function generatedRaster() {
  const data = new Float32Array(SIZE * SIZE);
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col < SIZE; col++) {
      data[row * SIZE + col] = 40 + ((col * 7 + row * 13) % 200) + Math.sin(col / 50) * 10;
    }
  }
  return createMemoryRaster({
    width: SIZE,
    height: SIZE,
    originX: ORIGIN_X,
    originY: ORIGIN_Y,
    cellSize: CELL,
    data,
    nodata: -9999,
  });
}

export const benchmarks: Benchmark[] = [
  {
    name: 'zonal-cells-per-s',
    async run({ log }) {
      const raster = generatedRaster();
      const centre: [number, number] = [ORIGIN_X + (SIZE * CELL) / 2, ORIGIN_Y - (SIZE * CELL) / 2];
      const ring = blobRing(centre, 50_000, 2000);
      const prepared = preparePolygon([[ring]]);
      const window = polygonCellWindow(raster, prepared);
      if (!window) throw new Error('polygon misses the raster');
      const [col0, row0, col1, row1] = window;
      const bboxCells = (col1 - col0) * (row1 - row0);
      const meta = syntheticMeta('carbon-stock');
      await zonalStats(raster, meta, prepared); // warm-up
      const times: number[] = [];
      let coveredHa = 0;
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        const result = await zonalStats(raster, meta, prepared);
        times.push(performance.now() - start);
        coveredHa = result.stats.covered_ha;
      }
      const seconds = median(times) / 1000;
      const value = bboxCells / seconds;
      log(
        `zonal: ${bboxCells} cells in the bounding box, ${coveredHa.toFixed(1)} ha covered, ` +
          `median ${(seconds * 1000).toFixed(1)} ms`,
      );

      // Baseline: point in polygon per cell centre on every 40th row of the bounding box.
      const turf = turfPolygon([ring]);
      const point = { type: 'Point' as const, coordinates: [0, 0] };
      let tested = 0;
      let inside = 0;
      const start = performance.now();
      for (let row = row0; row < row1; row += 40) {
        point.coordinates[1] = ORIGIN_Y - (row + 0.5) * CELL;
        for (let col = col0; col < col1; col++) {
          point.coordinates[0] = ORIGIN_X + (col + 0.5) * CELL;
          if (booleanPointInPolygon(point, turf)) inside++;
          tested++;
        }
      }
      const baselineSeconds = (performance.now() - start) / 1000;
      const baseline = tested / baselineSeconds;
      log(
        `zonal baseline: ${tested} cell centres (${inside} inside) in ${baselineSeconds.toFixed(2)} s`,
      );
      return [
        {
          name: 'zonal-cells-per-s',
          value,
          unit: 'cells/s',
          baseline,
          note: 'exact fractions + stats; baseline turf point-in-polygon per cell centre',
          target: '>= 3e7, >= 20x',
        },
      ];
    },
  },
];
