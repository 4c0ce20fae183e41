import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeTestDataset,
  TEST_CELL_M,
  TEST_NODATA,
  TEST_ORIGIN,
} from '../../../test/fixtures/tiles/make-dataset';
import { COEFFICIENTS } from '../estimate/coefficients';
import { stockFromOrganicMatter } from '../estimate/pedotransfer';
import { DEFAULT_SCENARIO, type Scenario } from '../estimate/scenario';
import { RD_PROJ4, rdToWgs84 } from '../projection/rd';
import type { CatalogueLayer } from '../raster/catalogue-types';
import { openRaster } from '../raster/raster-source';
import { TILE_SIZE, tileAt, tilePixelToMercator } from './mercator';
import { colorizerFor } from './palettes';
import { TileService } from './tile-service';

const dataset = makeTestDataset(70);
const CATALOGUE_URL = 'http://data.test/demo/catalogue.json';
const mercatorToRd = proj4('EPSG:3857', RD_PROJ4);
const CO2 = 44 / 12;

function bufferService(): TileService {
  return new TileService({
    loadCatalogue: async () => dataset.catalogue,
    sourceFor: (url) => {
      const bytes = dataset.files.get(url.split('/').pop() ?? '') as Uint8Array;
      return { kind: 'buffer', buffer: bytes.slice().buffer };
    },
  });
}

function metaOf(id: string): CatalogueLayer {
  return dataset.catalogue.layers.find((layer) => layer.id === id) as CatalogueLayer;
}

/** Stored cell of a test layer at an RD position, or null outside. */
function cellAt(
  id: 'organic-matter' | 'soil-group' | 'land-use',
  rdX: number,
  rdY: number,
): number | null {
  const col = Math.floor((rdX - TEST_ORIGIN[0]) / TEST_CELL_M);
  const row = Math.floor((TEST_ORIGIN[1] - rdY) / TEST_CELL_M);
  if (col < 0 || row < 0 || col >= dataset.size || row >= dataset.size) return null;
  return dataset.cells[id][row * dataset.size + col] as number;
}

/** RD centre of test cell (col, row). */
function cellCentre(col: number, row: number): [number, number] {
  return [TEST_ORIGIN[0] + (col + 0.5) * TEST_CELL_M, TEST_ORIGIN[1] - (row + 0.5) * TEST_CELL_M];
}

/** Test cell with a soil group and land use; organic matter (tenths of %) varies by column. */
function findCell(soilGroup: number, landUse: number): [number, number] {
  for (let row = 3; row < dataset.size; row++) {
    for (let col = 3; col < dataset.size; col++) {
      const i = row * dataset.size + col;
      if (
        dataset.cells['soil-group'][i] === soilGroup &&
        dataset.cells['land-use'][i] === landUse
      ) {
        return [col, row];
      }
    }
  }
  throw new Error('no such cell');
}

describe('derived layers through the tile service', () => {
  it('gives the deficit to the vital-soil target of DESIGN.md 3 per cell', async () => {
    const service = bufferService();
    await service.open(CATALOGUE_URL);
    const [col, row] = findCell(5, 1); // sand, arable
    const [rdX, rdY] = cellCentre(col, row);
    const om = (cellAt('organic-matter', rdX, rdY) as number) / 10;
    const values = await service.valuesAt([rdX, rdY], ['deficit', 'organic-matter']);
    expect(values['organic-matter']).toBeCloseTo(om, 6);
    // Target on sand: the central general target organic matter (2.25 %), stock by the default formula.
    const target = COEFFICIENTS.deficit.target_general_pct.value.central;
    expect(target).toBe(2.25);
    const expected = Math.max(
      0,
      stockFromOrganicMatter(2.25) - stockFromOrganicMatter(Math.fround(om)),
    );
    expect(values.deficit).toBeCloseTo(expected, 3);
    // Peat has no mineral-soil target: no deficit.
    const peat = cellCentre(...findCell(1, 1));
    expect((await service.valuesAt(peat, ['deficit'])).deficit).toBe(0);
  });

  it('gives the potential of the measures that are on, per hectare of the cell land use', async () => {
    const service = bufferService();
    await service.open(CATALOGUE_URL);
    const arable = cellCentre(...findCell(5, 1));
    const grassland = cellCentre(...findCell(5, 2));
    const forest = cellCentre(...findCell(5, 3));
    // Worked example of DESIGN.md 3: cover crops 0.3 + compost 0.4 + residues 0.12 = 0.82 t C/ha/yr.
    expect((await service.valuesAt(arable, ['potential'])).potential).toBeCloseTo(0.82 * CO2, 4);
    expect((await service.valuesAt(grassland, ['potential'])).potential).toBeCloseTo(0.4 * CO2, 4);
    expect((await service.valuesAt(forest, ['potential'])).potential).toBe(0);
    // Arable to permanent grassland (1.1) replaces the arable management measures.
    const scenario: Scenario = structuredClone(DEFAULT_SCENARIO);
    scenario.measures['arable-to-grassland'].on = true;
    service.setScenario(scenario);
    expect((await service.valuesAt(arable, ['potential'])).potential).toBeCloseTo(1.1 * CO2, 4);
  });

  it('draws a derived tile pixel by pixel from its inputs, and redraws it for a new scenario', async () => {
    const service = bufferService();
    await service.open(CATALOGUE_URL);
    const [lon, lat] = rdToWgs84([150875, 469125]);
    const [x, y] = tileAt(lon, lat, 15);
    const before = (await service.renderTile('deficit', 15, x, y)) as Uint8ClampedArray;
    expect(before).not.toBeNull();
    const colorizer = colorizerFor(metaOf('deficit'));
    const words = new Uint32Array(before.buffer);
    let compared = 0;
    let coloured = 0;
    for (let py = 0; py < TILE_SIZE; py += 3) {
      for (let px = 0; px < TILE_SIZE; px += 3) {
        const [rdX, rdY] = mercatorToRd.forward(tilePixelToMercator(15, x, y, px + 0.5, py + 0.5));
        const colF = (rdX - TEST_ORIGIN[0]) / TEST_CELL_M;
        const rowF = (TEST_ORIGIN[1] - rdY) / TEST_CELL_M;
        if (Math.abs(colF - Math.round(colF)) < 0.02 || Math.abs(rowF - Math.round(rowF)) < 0.02)
          continue;
        const omStored = cellAt('organic-matter', rdX, rdY);
        const group = cellAt('soil-group', rdX, rdY);
        let expected = 0;
        if (omStored !== null && omStored !== TEST_NODATA && group !== null) {
          const om = Math.fround(omStored * 0.1);
          const targetPct = group <= 2 ? null : group === 3 ? 2.5 : group === 4 ? 4 : 2.25;
          const deficit =
            targetPct === null
              ? 0
              : Math.max(0, stockFromOrganicMatter(targetPct) - stockFromOrganicMatter(om));
          expected = colorizer.color(deficit);
          coloured++;
        }
        compared++;
        expect(words[py * TILE_SIZE + px]).toBe(expected);
      }
    }
    expect(compared).toBeGreaterThan(5000);
    expect(coloured).toBeGreaterThan(1000);
    // A higher carbon share of organic matter raises every stock: smaller deficits, other colours.
    service.setScenario({ ...DEFAULT_SCENARIO, f_c: 0.58 });
    const after = (await service.renderTile('deficit', 15, x, y)) as Uint8ClampedArray;
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(false);
  });

  it('gives null for derived tiles away from the data', async () => {
    const service = bufferService();
    await service.open(CATALOGUE_URL);
    const [x, y] = tileAt(6.57, 53.22, 12);
    expect(await service.renderTile('potential', 12, x, y)).toBeNull();
    expect(await service.renderTile('organic-matter', 12, x, y)).toBeNull();
  });
});

describe('the tile service over HTTP range requests (the worker code path)', () => {
  let server: Server;
  let base: string;
  const ranged: string[] = [];
  const FIXTURE = readFileSync(
    resolve(import.meta.dirname, '../../../test/fixtures/zonal/small.tif'),
  );
  const catalogue = {
    ...dataset.catalogue,
    layers: [
      {
        ...metaOf('organic-matter'),
        id: 'carbon-stock',
        palette: 'carbon-stock',
        scale: 1,
        nodata: -9999,
        range: [40, 290],
        file: 'small.tif',
      },
    ],
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/data/catalogue.json') {
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify(catalogue));
        return;
      }
      if (request.url !== '/data/small.tif') {
        response.statusCode = 404;
        response.end();
        return;
      }
      const range = /bytes=(\d+)-(\d+)/.exec(request.headers.range ?? '');
      response.setHeader('Accept-Ranges', 'bytes');
      if (!range) {
        response.end(FIXTURE);
        return;
      }
      ranged.push(request.headers.range as string);
      const start = Number(range[1]);
      const end = Math.min(Number(range[2]), FIXTURE.length - 1);
      response.statusCode = 206;
      response.setHeader('Content-Range', `bytes ${start}-${end}/${FIXTURE.length}`);
      response.end(FIXTURE.subarray(start, end + 1));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('opens the catalogue once, reads the COG by ranges, renders tiles and reads values', async () => {
    const service = new TileService();
    await service.open(`${base}/data/catalogue.json`);
    const [lon, lat] = rdToWgs84([155000, 465000]);
    const [x, y] = tileAt(lon, lat, 13);
    const rgba = await service.renderTile('carbon-stock', 13, x, y);
    expect(rgba?.length).toBe(TILE_SIZE * TILE_SIZE * 4);
    expect(ranged.length).toBeGreaterThan(0);
    const values = await service.valuesAt([153337.5, 461212.5], ['carbon-stock', 'land-use']);
    const raster = await openRaster({ kind: 'buffer', buffer: new Uint8Array(FIXTURE).buffer });
    const [cell] = await raster.readWindow(0, [133, 351, 134, 352]);
    expect(values['carbon-stock']).toBe(cell);
    expect(values['land-use']).toBeNull();
  });
});
