/**
 * Deterministic synthetic layers on one RD grid (all five base layers) for engine tests and
 * benchmarks, as memory rasters with catalogue entries.
 */
import type { EngineLayer } from '../../src/core/engine/types';
import { stockFromOrganicMatter } from '../../src/core/estimate/pedotransfer';
import type { CatalogueLayer } from '../../src/core/raster/catalogue-types';
import { type BaseLayerId, LAND_USES, SOIL_GROUPS } from '../../src/core/raster/classes';
import { createMemoryRaster } from '../../src/core/raster/memory-raster';
import type { RasterArray } from '../../src/core/raster/raster-source';

export interface SyntheticGrid {
  originX: number;
  originY: number;
  cellSize: number;
  width: number;
  height: number;
  tileSize?: number;
}

export const FLOAT_NODATA = -9999;
export const CLASS_NODATA = 255;

/** A catalogue entry for a base layer, as the demo catalogue describes it. */
export function syntheticMeta(
  id: BaseLayerId,
  overrides: Partial<CatalogueLayer> = {},
): CatalogueLayer {
  const categorical = id === 'soil-group' || id === 'land-use';
  const table = id === 'soil-group' ? SOIL_GROUPS : LAND_USES;
  return {
    id,
    title: { nl: id, en: id },
    unit: categorical ? 'class' : id === 'carbon-stock' ? 't C/ha' : '%',
    kind: categorical ? 'categorical' : 'continuous',
    palette: 'test',
    scale: 1,
    offset: 0,
    nodata: categorical ? CLASS_NODATA : FLOAT_NODATA,
    range: [0, 100],
    classes: categorical
      ? Object.entries(table).map(([code, name]) => ({
          code: Number(code),
          name,
          title: { nl: name, en: name },
          color: '#888888',
        }))
      : undefined,
    source: { nl: 'synthetisch', en: 'synthetic' },
    licence: 'CC0',
    resolution_m: 25,
    date: '2026-01-01',
    synthetic: true,
    ...overrides,
  };
}

/** Small deterministic pseudo-random numbers (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values of the five base layers over a grid: soil bands, a land-use patchwork, OM and stock. */
export function syntheticValues(grid: SyntheticGrid, seed = 1): Record<BaseLayerId, RasterArray> {
  const { width, height } = grid;
  const n = width * height;
  const soil = new Uint8Array(n);
  const land = new Uint8Array(n);
  const om = new Float32Array(n);
  const stock = new Float32Array(n);
  const sealed = new Float32Array(n);
  const next = random(seed);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = row * width + col;
      const band = Math.floor(((col + row * 0.3) / Math.max(width, 8)) * 6) % 6;
      const soilCode = 1 + band;
      const landCode = 1 + ((Math.floor(col / 7) * 3 + Math.floor(row / 5)) % 7);
      const noise = next();
      if (noise < 0.002) {
        // Scattered cells without data in every layer.
        soil[i] = CLASS_NODATA;
        land[i] = CLASS_NODATA;
        om[i] = FLOAT_NODATA;
        stock[i] = FLOAT_NODATA;
        sealed[i] = FLOAT_NODATA;
        continue;
      }
      soil[i] = soilCode;
      land[i] = landCode;
      const organic = soilCode <= 2 ? 20 + 30 * noise : 1.5 + 4 * noise;
      om[i] = Math.round(organic * 64) / 64;
      stock[i] = Math.round(stockFromOrganicMatter(om[i] as number) * 64) / 64;
      sealed[i] = landCode === 6 ? 60 + Math.round(40 * noise) : 0;
    }
  }
  return {
    'soil-group': soil,
    'land-use': land,
    'organic-matter': om,
    'carbon-stock': stock,
    sealed,
  };
}

/** Memory-raster engine layers for `ids` over `grid`. */
export function syntheticLayers(
  grid: SyntheticGrid,
  ids: readonly BaseLayerId[] = [
    'carbon-stock',
    'organic-matter',
    'sealed',
    'soil-group',
    'land-use',
  ],
  seed = 1,
): EngineLayer[] {
  const values = syntheticValues(grid, seed);
  return ids.map((id) => {
    const meta = syntheticMeta(id);
    return {
      id,
      meta,
      raster: createMemoryRaster({ ...grid, data: values[id], nodata: meta.nodata }),
    };
  });
}
