import { describe, expect, test } from 'vitest';
import {
  CLASS_NODATA,
  FLOAT_NODATA,
  syntheticLayers,
  syntheticMeta,
} from '../../../test/support/synthetic-layers';
import { DEFAULT_SCENARIO } from '../estimate/scenario';
import type { RdMultiPolygonCoordinates } from '../parse/types';
import { createMemoryRaster } from '../raster/memory-raster';
import { zonalStats } from '../zonal/zonal-stats';
import { analyzeAreas } from './analyze';
import type { AnalysisArea, EngineLayer } from './types';

/** 200 x 160 cells of 25 m; upper-left corner (150000, 470000), in the Netherlands. */
const grid = { originX: 150_000, originY: 470_000, cellSize: 25, width: 200, height: 160 };

function rectangle(x0: number, y0: number, x1: number, y1: number): RdMultiPolygonCoordinates {
  return [
    [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  ];
}

const field: AnalysisArea = {
  id: 'field',
  name: 'Veld',
  rd: [
    [
      [
        [151_013.3, 466_402.7],
        [153_801.9, 466_950.1],
        [154_390.2, 469_120.4],
        [152_120.6, 468_777.7],
        [151_013.3, 466_402.7],
      ],
      [
        [152_300.5, 467_500.5],
        [152_400.5, 468_000.5],
        [152_800.5, 467_600.5],
        [152_300.5, 467_500.5],
      ],
    ],
  ],
};

describe('analyzeAreas on memory rasters', () => {
  test('every layer matches its own zonal statistics and the result has the 7.1 shape', async () => {
    const layers = syntheticLayers(grid);
    const result = await analyzeAreas([field], layers, DEFAULT_SCENARIO);
    const area = result.areas[0];
    if (!area) throw new Error('no area');
    expect(Object.keys(area)).toEqual(['id', 'name', 'area_ha', 'layers', 'cross', 'estimate']);
    expect(Object.keys(area.layers)).toEqual(layers.map((layer) => layer.id));
    for (const layer of layers) {
      const alone = await zonalStats(layer.raster, layer.meta, field.rd);
      expect(area.layers[layer.id]).toEqual(alone.stats);
      expect(area.area_ha).toBeCloseTo(alone.area_ha, 9);
    }
    expect(result.warnings).toEqual([]);
  });

  test('categorical layers give hectares per class name that add up to the valid hectares', async () => {
    const result = await analyzeAreas([field], syntheticLayers(grid), DEFAULT_SCENARIO);
    const landUse = result.areas[0]?.layers['land-use'];
    if (!landUse?.classes) throw new Error('land use has classes');
    expect(Object.keys(landUse.classes).sort()).toEqual(
      ['akker', 'bebouwd', 'bos', 'grasland', 'natuur', 'stedelijk groen', 'water'].sort(),
    );
    const sum = Object.values(landUse.classes).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(landUse.valid_ha, 8);
    expect(landUse.valid_ha).toBeLessThan(landUse.covered_ha);
    expect(landUse.mean).toBeUndefined();
  });

  test('class names come from the catalogue when it has its own', async () => {
    const values = new Uint8Array(grid.width * grid.height).fill(3);
    const meta = syntheticMeta('soil-group', {
      classes: [{ code: 3, name: 'klei', title: { nl: 'klei', en: 'clay' }, color: '#000000' }],
    });
    const layer: EngineLayer = {
      id: 'soil-group',
      meta,
      raster: createMemoryRaster({ ...grid, data: values, nodata: CLASS_NODATA }),
    };
    const result = await analyzeAreas([field], [layer], DEFAULT_SCENARIO);
    const stats = result.areas[0]?.layers['soil-group'];
    expect(Object.keys(stats?.classes ?? {})).toEqual(['klei']);
    expect(result.areas[0]?.estimate).toBeNull();
  });

  test('the cross table holds the stock per soil group and land use, hand-computed', async () => {
    // 2 x 2 cells of 100 m: soil [zand, veen / zand, zand], land use [akker, grasland / 0, akker].
    const small = { originX: 150_000, originY: 470_000, cellSize: 100, width: 2, height: 2 };
    const layer = (
      id: 'carbon-stock' | 'soil-group' | 'land-use',
      data: Float32Array | Uint8Array,
    ) => ({
      id,
      meta: syntheticMeta(id),
      raster: createMemoryRaster({ ...small, data, nodata: syntheticMeta(id).nodata }),
    });
    const layers = [
      layer('carbon-stock', new Float32Array([50, 200, 60, FLOAT_NODATA])),
      layer('soil-group', new Uint8Array([5, 1, 5, 5])),
      layer('land-use', new Uint8Array([1, 2, 0, 1])),
    ];
    // An L: the left column and the upper-right cell.
    const outline: Array<[number, number]> = [
      [150_000, 469_800],
      [150_100, 469_800],
      [150_100, 469_900],
      [150_200, 469_900],
      [150_200, 470_000],
      [150_000, 470_000],
      [150_000, 469_800],
    ];
    const area = { id: 'a', name: 'a', rd: [[outline]] };
    const result = await analyzeAreas([area], layers, DEFAULT_SCENARIO);
    const cross = result.areas[0]?.cross;
    // zand/akker: upper-left cell, 1 ha x 50; veen/grasland: upper-right cell, 1 ha x 200;
    // the lower-left cell has an unknown land use; the lower-right cell is not covered.
    expect(cross).toEqual([
      { soil_group: 'veen', land_use: 'grasland', ha: 1, stock_t_c: 200 },
      { soil_group: 'zand', land_use: 'akker', ha: 1, stock_t_c: 50 },
    ]);
    const stock = result.areas[0]?.layers['carbon-stock'];
    expect(stock).toEqual({
      covered_ha: 3,
      valid_ha: 3,
      mean: 310 / 3,
      min: 50,
      max: 200,
      sum_t: 310,
    });
  });

  test('the estimate gets every covered cell: its stock total is the stock layer sum_t', async () => {
    const result = await analyzeAreas([field], syntheticLayers(grid), DEFAULT_SCENARIO);
    const area = result.areas[0];
    const stock = area?.layers['carbon-stock'];
    if (!area?.estimate || !stock || stock.sum_t === undefined)
      throw new Error('estimate expected');
    expect(area.estimate.stock_t_c.central).toBeCloseTo(stock.sum_t, 6);
    expect(area.estimate.synthetic).toBe(true);
    const crossHa = (area.cross ?? []).reduce((sum, row) => sum + row.ha, 0);
    expect(crossHa).toBeCloseTo(stock.valid_ha, 6);
  });

  test('an area in the Netherlands outside the data gets covered_ha 0 and a no-data notice', async () => {
    const away = { id: 'away', name: 'Elders', rd: rectangle(120_000, 480_000, 121_000, 481_000) };
    const result = await analyzeAreas([field, away], syntheticLayers(grid), DEFAULT_SCENARIO);
    expect(result.areas[1]?.layers['carbon-stock']).toEqual({
      covered_ha: 0,
      valid_ha: 0,
      mean: null,
      min: null,
      max: null,
      sum_t: 0,
    });
    expect(result.areas[1]?.area_ha).toBeCloseTo(100, 9);
    expect(result.warnings).toEqual([
      { kind: 'no-data', code: 'errors.noData', params: { name: 'Elders' }, feature: 2 },
    ]);
  });

  test('layers on another grid get their own pass; cross is omitted with a warning', async () => {
    const layers = syntheticLayers(grid);
    const coarse = { ...grid, cellSize: 50, width: 100, height: 80 };
    const [landUse] = syntheticLayers(coarse, ['land-use'], 7);
    if (!landUse) throw new Error('land use');
    const mixed = layers.map((layer) => (layer.id === 'land-use' ? landUse : layer));
    const result = await analyzeAreas([field], mixed, DEFAULT_SCENARIO);
    const area = result.areas[0];
    expect(area?.cross).toBeUndefined();
    expect(Object.keys(area ?? {})).toEqual(['id', 'name', 'area_ha', 'layers', 'estimate']);
    expect(result.warnings).toEqual([
      {
        kind: 'cross-omitted',
        code: 'errors.crossOmitted',
        params: { missing: '-', otherGrid: 'land-use' },
        feature: null,
      },
    ]);
    const alone = await zonalStats(landUse.raster, landUse.meta, field.rd);
    expect(area?.layers['land-use']).toEqual(alone.stats);
    expect(area?.estimate).not.toBeNull();
  });

  test('without stock and organic matter the estimate is null', async () => {
    const layers = syntheticLayers(grid, ['sealed', 'land-use']);
    const result = await analyzeAreas([field], layers, DEFAULT_SCENARIO);
    expect(result.areas[0]?.estimate).toBeNull();
    expect(result.areas[0]?.cross).toBeUndefined();
  });

  test('reports progress up to the total number of windows', async () => {
    const calls: Array<[number, number]> = [];
    const big = { ...grid, cellSize: 5, width: 1000, height: 800, tileSize: 64 };
    await analyzeAreas([field], syntheticLayers(big), DEFAULT_SCENARIO, {
      onProgress: (done, total) => calls.push([done, total]),
    });
    const total = calls[0]?.[1] ?? 0;
    expect(total).toBeGreaterThan(2);
    expect(calls[0]).toEqual([0, total]);
    expect(calls.at(-1)).toEqual([total, total]);
  });

  test('an aborted signal cancels before any window and between windows', async () => {
    const layers = syntheticLayers({ ...grid, cellSize: 5, width: 1000, height: 800 });
    const before = new AbortController();
    before.abort();
    await expect(
      analyzeAreas([field], layers, DEFAULT_SCENARIO, { signal: before.signal }),
    ).rejects.toThrow(/abort/i);
    const during = new AbortController();
    let windows = 0;
    await expect(
      analyzeAreas([field], layers, DEFAULT_SCENARIO, {
        signal: during.signal,
        onProgress: (done) => {
          windows = done;
          if (done === 1) during.abort();
        },
      }),
    ).rejects.toThrow(/abort/i);
    expect(windows).toBe(1);
  });
});
