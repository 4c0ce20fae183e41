import type { CellValues, EstimateAccumulator } from '../estimate/types';
import type { LayerId } from '../raster/classes';
import type { RasterArray } from '../raster/raster-source';
import {
  type CellWindow,
  type CoverageScratch,
  coverageFractions,
  type PreparedPolygon,
  polygonCellWindow,
  splitWindow,
} from '../zonal/coverage-fractions';
import type { CrossCell } from '../zonal/types';
import {
  blockSizeOf,
  cellAreaHa,
  LayerAccumulator,
  layerCoding,
  windowCells,
} from '../zonal/zonal-stats';
import type { LayerGroup } from './plan';
import type { CentreSampler } from './resample';

/** Class codes 0-15 of the cross table (DESIGN.md 7.1 uses 1-6 and 1-7). */
const CROSS_CODES = 16;

/** Soil group x land use: covered cells with stock data (Σ f) and their stock (Σ value x f). */
export class CrossAccumulator {
  readonly coverage = new Float64Array(CROSS_CODES * CROSS_CODES);
  readonly stock = new Float64Array(CROSS_CODES * CROSS_CODES);

  add(f: number, soilGroup: number, landUse: number, stock: number): void {
    if (!(soilGroup > 0 && soilGroup < CROSS_CODES && landUse > 0 && landUse < CROSS_CODES)) return;
    if (Number.isNaN(stock)) return;
    const index = soilGroup * CROSS_CODES + landUse;
    this.coverage[index] += f;
    this.stock[index] += stock * f;
  }

  /** Rows with hectares, by soil group code then land-use code; unknown classes are left out. */
  result(
    cellHa: number,
    soilName: (code: number) => string,
    landName: (code: number) => string,
  ): CrossCell[] {
    const rows: CrossCell[] = [];
    for (let soil = 1; soil < CROSS_CODES; soil++) {
      for (let land = 1; land < CROSS_CODES; land++) {
        const index = soil * CROSS_CODES + land;
        const coverage = this.coverage[index] as number;
        if (coverage <= 0) continue;
        rows.push({
          soil_group: soilName(soil),
          land_use: landName(land),
          ha: coverage * cellHa,
          stock_t_c: (this.stock[index] as number) * cellHa,
        });
      }
    }
    return rows;
  }
}

/** Progress and cancellation shared by all passes of one analysis. */
export interface PassContext {
  signal?: AbortSignal;
  /** Called after each window. */
  tick: () => void | Promise<void>;
  /** Coverage memory reused by every pass of the analysis. */
  scratch: CoverageScratch;
}

/** What one pass over a group feeds, beside each layer's statistics. */
export interface PassSinks {
  accumulators: Map<LayerId, LayerAccumulator>;
  cross: CrossAccumulator | null;
  estimate: EstimateAccumulator | null;
  /** Layers of other grids read at this grid's cell centres for cross and estimate (8.2). */
  samplers?: CentreSampler[];
}

/** The windows a pass over `group` visits for `polygon` (blocks of whole tiles). */
export function passWindows(group: LayerGroup, polygon: PreparedPolygon): CellWindow[] {
  const area = polygonCellWindow(group.grid, polygon);
  if (!area) return [];
  const [blockWidth, blockHeight] = blockSizeOf(group.grid);
  return splitWindow(area, blockWidth, blockHeight);
}

/** Accumulators for the layers of a group, keyed by layer id. */
export function createAccumulators(group: LayerGroup): Map<LayerId, LayerAccumulator> {
  return new Map(
    group.layers.map((layer) => [
      layer.id,
      new LayerAccumulator(layerCoding(layer.meta, layer.raster)),
    ]),
  );
}

/**
 * One pass over the windows of a group: coverage once per window, then every layer's values,
 * the cross table and the estimate's cells in the same loop over the covered cells.
 */
export async function passGroup(
  group: LayerGroup,
  polygon: PreparedPolygon,
  windows: CellWindow[],
  sinks: PassSinks,
  context: PassContext,
  /** Hectares per unit of Σ f: the RD cell area, or area_ha · a / P in another CRS (8.2). */
  cellHa: number = cellAreaHa(group.grid),
): Promise<void> {
  const layers = group.layers;
  const samplers = sinks.cross !== null || sinks.estimate !== null ? (sinks.samplers ?? []) : [];
  const sampled = samplers.map(() => new Float64Array(0));
  const accumulators = layers.map((layer) => sinks.accumulators.get(layer.id) as LayerAccumulator);
  const categorical = accumulators.map((accumulator) => accumulator.categorical);
  // Roles of sampled layers get indices after the group's own layers.
  const roleIndex = (id: LayerId) => {
    const own = layers.findIndex((layer) => layer.id === id);
    if (own >= 0) return own;
    const other = samplers.findIndex((sampler) => sampler.id === id);
    return other >= 0 ? layers.length + other : -1;
  };
  const stockIndex = roleIndex('carbon-stock');
  const organicIndex = roleIndex('organic-matter');
  const soilIndex = roleIndex('soil-group');
  const landIndex = roleIndex('land-use');
  const sealedIndex = roleIndex('sealed');
  const feedsCells = sinks.cross !== null || sinks.estimate !== null;
  const scratch = context.scratch;
  const physical = new Float64Array(layers.length + samplers.length);
  const cell: CellValues = { stock: 0, organicMatter: 0, soilGroup: 0, landUse: 0, sealed: 0 };
  const pick = (index: number, unknown: number) =>
    index < 0 ? unknown : (physical[index] as number);
  for (const window of windows) {
    context.signal?.throwIfAborted();
    const count = windowCells(window);
    scratch.ensure(count, 0);
    const fractions = scratch.fractions;
    if (coverageFractions(group.grid, polygon, window, fractions, scratch) > 0) {
      const values: RasterArray[] = await Promise.all(
        layers.map((layer) => layer.raster.readWindow(0, window, context.signal)),
      );
      for (let k = 0; k < samplers.length; k++) {
        if ((sampled[k] as Float64Array).length < count) sampled[k] = new Float64Array(count);
        await (samplers[k] as CentreSampler).sample(
          window,
          fractions,
          sampled[k] as Float64Array,
          context.signal,
        );
      }
      for (let i = 0; i < count; i++) {
        const f = fractions[i] as number;
        if (f === 0) continue;
        let any = false;
        for (let k = 0; k < layers.length; k++) {
          const value = (accumulators[k] as LayerAccumulator).add(
            f,
            (values[k] as RasterArray)[i] as number,
          );
          physical[k] = value;
          if (categorical[k] ? value !== 0 : !Number.isNaN(value)) any = true;
        }
        if (!feedsCells || !any) continue;
        for (let k = 0; k < samplers.length; k++) {
          physical[layers.length + k] = (sampled[k] as Float64Array)[i] as number;
        }
        cell.stock = pick(stockIndex, Number.NaN);
        cell.organicMatter = pick(organicIndex, Number.NaN);
        cell.soilGroup = pick(soilIndex, 0);
        cell.landUse = pick(landIndex, 0);
        cell.sealed = pick(sealedIndex, Number.NaN);
        sinks.cross?.add(f, cell.soilGroup, cell.landUse, cell.stock);
        sinks.estimate?.add(cell, f * cellHa);
      }
    }
    await context.tick();
  }
}
