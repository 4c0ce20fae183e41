import { describe, expect, test } from 'vitest';
import { syntheticMeta } from '../../../test/support/synthetic-layers';
import { crsTransform } from '../projection/raster-crs';
import { mercatorToLonLat, rdToWgs84, wgs84ToRd } from '../projection/rd';
import { createMemoryRaster } from '../raster/memory-raster';
import { TILE_SIZE, tileAt, tilePixelToMercator } from './mercator';
import { sampleTile, tileGeometry, tileMayOverlap } from './sample-tile';

/** Tiles reprojected from a raster's own CRS (DESIGN.md 8.2), against exact per-pixel positions. */

const WIDTH = 300;
const HEIGHT = 300;

function cellValues(): Float32Array {
  return new Float32Array(WIDTH * HEIGHT).map((_, i) => i);
}

const cases = [
  {
    name: 'EPSG:4326 with non-square cells',
    raster: createMemoryRaster({
      width: WIDTH,
      height: HEIGHT,
      originX: 5.3,
      originY: 52.2,
      cellSize: 0.0004,
      cellHeight: 0.00025,
      data: cellValues(),
      crs: 'EPSG:4326',
      epsg: 4326,
    }),
  },
  {
    name: 'EPSG:3035 (LAEA)',
    raster: createMemoryRaster({
      width: WIDTH,
      height: HEIGHT,
      originX: 3_970_000,
      originY: 3_210_000,
      cellSize: 25,
      data: cellValues(),
      crs: 'EPSG:3035',
      epsg: 3035,
    }),
  },
];

describe('tiles from the raster CRS', () => {
  test.each(cases)(
    '$name: nearest cell at each pixel as per-pixel proj4 (≥ 99.5 %)',
    async ({ raster }) => {
      const toCrs = crsTransform(raster.crs ?? 'EPSG:28992');
      const centre =
        raster.crs === 'EPSG:4326'
          ? ([5.36, 52.16] as [number, number])
          : ((): [number, number] => {
              const rd = toCrs.toRd([raster.originX + 3750, raster.originY - 3750]);
              return [rd[0], rd[1]];
            })();
      const lonLat = raster.crs === 'EPSG:4326' ? centre : rdToWgs84(centre);
      const z = 15;
      const [x, y] = tileAt(lonLat[0], lonLat[1], z);
      expect(tileMayOverlap(raster, z, x, y)).toBe(true);
      const values = await sampleTile(
        { raster, meta: { ...syntheticMeta('carbon-stock'), nodata: -1 } },
        tileGeometry(z, x, y),
      );
      if (!values) throw new Error('no tile');
      let same = 0;
      let inside = 0;
      for (let py = 0; py < TILE_SIZE; py++) {
        for (let px = 0; px < TILE_SIZE; px++) {
          const ll = mercatorToLonLat(tilePixelToMercator(z, x, y, px + 0.5, py + 0.5));
          const [cx, cy] = raster.crs === 'EPSG:4326' ? ll : toCrs.fromRd(wgs84ToRd(ll));
          const col = Math.floor((cx - raster.originX) / raster.cellSize);
          const row = Math.floor((raster.originY - cy) / (raster.cellHeight ?? raster.cellSize));
          if (col < 0 || row < 0 || col >= WIDTH || row >= HEIGHT) continue;
          inside++;
          if (values[py * TILE_SIZE + px] === row * WIDTH + col) same++;
        }
      }
      expect(inside).toBeGreaterThan(TILE_SIZE * TILE_SIZE * 0.9);
      expect(same / inside).toBeGreaterThanOrEqual(0.995);
    },
  );
});
