import proj4 from 'proj4';
import { RD_PROJ4, rdToWgs84 } from '../../src/core/projection/rd';
import type { Catalogue, CatalogueLayer } from '../../src/core/raster/catalogue-types';
import { writeCog } from '../../src/core/raster/cog-writer';
import { clearBlockCache } from '../../src/core/tiles/block-cache';
import { tileAt } from '../../src/core/tiles/mercator';
import type { TileLayer } from '../../src/core/tiles/sample-tile';
import { TileService } from '../../src/core/tiles/tile-service';
import { type BenchFigure, type Benchmark, median } from './bench-kit';
import { renderWithProj4PerPixel, timed } from './proj4-tile';

/** Demo-sized raster: 20 x 16 km of 25 m cells in RD New (800 x 640), smooth stock values. */
const WIDTH = 800;
const HEIGHT = 640;
const ORIGIN: [number, number] = [140000, 470000];
const CELL_M = 25;
const NODATA = -9999;

function makeStockCog(): Uint8Array {
  const data = new Float32Array(WIDTH * HEIGHT);
  for (let row = 0; row < HEIGHT; row++) {
    for (let col = 0; col < WIDTH; col++) {
      const wave = Math.sin(col / 37) * Math.cos(row / 23) + 0.5 * Math.sin((col + 2 * row) / 11);
      const lake = (col - 500) ** 2 + (row - 200) ** 2 < 40 ** 2;
      data[row * WIDTH + col] = lake
        ? NODATA
        : Math.fround(80 + 40 * wave + ((col * 7 + row * 13) % 17));
    }
  }
  return writeCog({
    width: WIDTH,
    height: HEIGHT,
    data,
    sampleType: 'float32',
    originX: ORIGIN[0],
    originY: ORIGIN[1],
    cellSize: CELL_M,
    nodata: NODATA,
    resampling: 'average',
  });
}

const META: CatalogueLayer = {
  id: 'carbon-stock',
  title: { nl: 'Koolstofvoorraad', en: 'Carbon stock' },
  unit: 't C/ha',
  kind: 'continuous',
  palette: 'carbon-stock',
  scale: 1,
  offset: 0,
  nodata: NODATA,
  range: [30, 160],
  source: { nl: 'synthetisch', en: 'synthetic' },
  licence: 'CC0-1.0',
  resolution_m: CELL_M,
  date: '2025-01-01',
  synthetic: true,
  file: 'stock.tif',
};

/** Every tile of zoom z whose centre lies over the raster, in row order. */
function tilesOver(z: number): [number, number][] {
  const [west, north] = rdToWgs84([ORIGIN[0] + 500, ORIGIN[1] - 500]);
  const [east, south] = rdToWgs84([
    ORIGIN[0] + WIDTH * CELL_M - 500,
    ORIGIN[1] - HEIGHT * CELL_M + 500,
  ]);
  const [x0, y0] = tileAt(west, north, z);
  const [x1, y1] = tileAt(east, south, z);
  const tiles: [number, number][] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) tiles.push([x, y]);
  return tiles;
}

const mercatorToRd = proj4('EPSG:3857', RD_PROJ4);

export const benchmarks: Benchmark[] = [
  {
    name: 'tile-ms',
    async run({ log }) {
      const bytes = makeStockCog();
      const catalogue: Catalogue = {
        id: 'bench',
        title: { nl: 'Bench', en: 'Bench' },
        crs: 'EPSG:28992',
        bbox_rd: [ORIGIN[0], ORIGIN[1] - HEIGHT * CELL_M, ORIGIN[0] + WIDTH * CELL_M, ORIGIN[1]],
        synthetic: true,
        attribution: { nl: 'synthetisch', en: 'synthetic' },
        layers: [META],
      };
      const service = new TileService({
        loadCatalogue: async () => catalogue,
        sourceFor: () => ({ kind: 'buffer', buffer: bytes.slice().buffer }),
      });
      await service.open('memory:/bench/catalogue.json');
      const layer = (await service.layer('carbon-stock')) as TileLayer;
      // Zoom 14 (pixels of about 6 m on 25 m cells) and 12 (about 23 m): 100+ distinct tiles, more
      // than the geometry cache holds, so every tile is reprojected again.
      const tiles = [
        ...tilesOver(14).map(([x, y]) => [14, x, y]),
        ...tilesOver(12).map(([x, y]) => [12, x, y]),
      ] as [number, number, number][];
      log(`tile-ms: ${tiles.length} tiles over a ${WIDTH} x ${HEIGHT} COG`);
      for (const [z, x, y] of tiles.slice(0, 8)) await service.renderTile('carbon-stock', z, x, y);
      const warm: number[] = [];
      const cold: number[] = [];
      const baseline: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const [z, x, y] of tiles) {
          warm.push(await timed(() => service.renderTile('carbon-stock', z, x, y)));
        }
      }
      for (const [z, x, y] of tiles) {
        clearBlockCache(layer.raster);
        cold.push(await timed(() => service.renderTile('carbon-stock', z, x, y)));
      }
      // The baseline in the same state as the figure: blocks decoded for every tile.
      for (const [z, x, y] of tiles.filter((_, i) => i % 4 === 0)) {
        clearBlockCache(layer.raster);
        baseline.push(
          await timed(() =>
            renderWithProj4PerPixel(layer, z, x, y, (point) => mercatorToRd.forward(point)),
          ),
        );
      }
      const coldMs = median(cold);
      const warmMs = median(warm);
      const baselineMs = median(baseline);
      log(
        `tile-ms: median ${coldMs.toFixed(2)} ms with blocks decoded for every tile, ` +
          `${warmMs.toFixed(2)} ms with decoded blocks cached, proj4 per pixel ${baselineMs.toFixed(1)} ms`,
      );
      const figure: BenchFigure = {
        name: 'tile-ms',
        value: coldMs,
        unit: 'ms',
        baseline: baselineMs,
        note: `blocks decoded for every tile (cached: ${warmMs.toFixed(2)} ms); baseline proj4 per pixel`,
        target: '<= 10 ms, >= 5x',
      };
      return [figure];
    },
  },
];
