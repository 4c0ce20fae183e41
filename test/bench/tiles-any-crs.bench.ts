import proj4 from 'proj4';
import { CRS_DEFS } from '../../src/core/projection/raster-crs';
import type { Catalogue, CatalogueLayer } from '../../src/core/raster/catalogue-types';
import { writeCog } from '../../src/core/raster/cog-writer';
import { clearBlockCache } from '../../src/core/tiles/block-cache';
import { tileAt } from '../../src/core/tiles/mercator';
import type { TileLayer } from '../../src/core/tiles/sample-tile';
import { TileService } from '../../src/core/tiles/tile-service';
import { type BenchFigure, type Benchmark, median } from './bench-kit';
import { renderWithProj4PerPixel, timed } from './proj4-tile';

/**
 * `tile-any-crs-ms` (DESIGN.md 7.3): median per 256 x 256 tile of an EPSG:4326 raster, tiles
 * reprojected from the raster's own CRS; baseline proj4 per pixel. Same size and place as the
 * RD raster of `tile-ms` (tiles.bench.ts): 800 x 640 cells of 0.00036° x 0.00025° (about 25 m).
 */
const WIDTH = 800;
const HEIGHT = 640;
const WEST = 5.1;
const NORTH = 52.22;
const CELL_X = 0.00036;
const CELL_Y = 0.00025;
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
    originX: WEST,
    originY: NORTH,
    cellSize: CELL_X,
    cellHeight: CELL_Y,
    crs: { kind: 'geographic', epsg: 4326 },
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
  resolution_m: 25,
  date: '2025-01-01',
  synthetic: true,
  file: 'stock-4326.tif',
};

function tilesOver(z: number): [number, number][] {
  const [x0, y0] = tileAt(WEST + 0.005, NORTH - 0.005, z);
  const [x1, y1] = tileAt(WEST + WIDTH * CELL_X - 0.005, NORTH - HEIGHT * CELL_Y + 0.005, z);
  const tiles: [number, number][] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) tiles.push([x, y]);
  return tiles;
}

const mercatorToWgs84 = proj4(CRS_DEFS['EPSG:3857'], CRS_DEFS['EPSG:4326']);

export const benchmarks: Benchmark[] = [
  {
    name: 'tile-any-crs-ms',
    async run({ log }) {
      const bytes = makeStockCog();
      const catalogue: Catalogue = {
        id: 'bench-4326',
        title: { nl: 'Bench', en: 'Bench' },
        crs: 'EPSG:28992',
        bbox_rd: [120000, 440000, 160000, 480000],
        synthetic: true,
        attribution: { nl: 'synthetisch', en: 'synthetic' },
        layers: [META],
      };
      const service = new TileService({
        loadCatalogue: async () => catalogue,
        sourceFor: () => ({ kind: 'buffer', buffer: bytes.slice().buffer }),
      });
      await service.open('memory:/bench-4326/catalogue.json');
      const layer = (await service.layer('carbon-stock')) as TileLayer;
      const tiles = [
        ...tilesOver(14).map(([x, y]) => [14, x, y]),
        ...tilesOver(12).map(([x, y]) => [12, x, y]),
      ] as [number, number, number][];
      log(`tile-any-crs-ms: ${tiles.length} tiles over a ${WIDTH} x ${HEIGHT} EPSG:4326 COG`);
      for (const [z, x, y] of tiles.slice(0, 8)) await service.renderTile('carbon-stock', z, x, y);
      const cold: number[] = [];
      const baseline: number[] = [];
      for (const [z, x, y] of tiles) {
        clearBlockCache(layer.raster);
        cold.push(await timed(() => service.renderTile('carbon-stock', z, x, y)));
      }
      for (const [z, x, y] of tiles.filter((_, i) => i % 4 === 0)) {
        clearBlockCache(layer.raster);
        baseline.push(
          await timed(() =>
            renderWithProj4PerPixel(
              layer,
              z,
              x,
              y,
              (point) => mercatorToWgs84.forward(point),
              'EPSG:4326',
            ),
          ),
        );
      }
      const coldMs = median(cold);
      const baselineMs = median(baseline);
      log(
        `tile-any-crs-ms: median ${coldMs.toFixed(2)} ms with blocks decoded for every tile, ` +
          `proj4 per pixel ${baselineMs.toFixed(1)} ms`,
      );
      const figure: BenchFigure = {
        name: 'tile-any-crs-ms',
        value: coldMs,
        unit: 'ms',
        baseline: baselineMs,
        note: 'EPSG:4326 raster, blocks decoded for every tile; baseline proj4 per pixel',
        target: 'within 1.5x of tile-ms in the same run',
      };
      return [figure];
    },
  },
];
