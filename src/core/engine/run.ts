import type { Scenario } from '../estimate/scenario';
import { isInRdAreaOfUse, rdToWgs84 } from '../projection/rd';
import type { LayerId } from '../raster/classes';
import { isRdSquare } from '../raster/raster-source';
import { CoverageScratch, type PreparedPolygon, preparePolygon } from '../zonal/coverage-fractions';
import { projectPolygon } from '../zonal/projected-polygon';
import type { LayerStatsById } from '../zonal/types';
import { cellAreaHa, type LayerAccumulator } from '../zonal/zonal-stats';
import {
  CrossAccumulator,
  createAccumulators,
  type PassContext,
  passGroup,
  passWindows,
} from './group-pass';
import { type AnalysisPlan, type LayerGroup, planAnalysis } from './plan';
import { CentreSampler } from './resample';
import type {
  AnalysisArea,
  AnalysisResult,
  AnalysisWarning,
  AnalyzeOptions,
  AreaResult,
  EngineLayer,
  EstimateFactory,
} from './types';

/** Yield to the event loop at least this often (ms), so a newer request can cancel this one. */
const YIELD_EVERY_MS = 15;

/**
 * Lets queued messages (a newer request, a cancel) run. A MessageChannel message is a task of its
 * own without the 4 ms clamp of nested timers.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** An area's polygon on one group's grid and the hectares per unit of Σ f there. */
interface GroupTarget {
  polygon: PreparedPolygon;
  cellHa: number;
}

/**
 * RD New grids of square cells use the RD polygon as today; any other grid gets the rings
 * densified and projected into its CRS, with cell hectares area_ha · a / P (DESIGN.md 8.2).
 */
function groupTarget(area: AnalysisArea, polygon: PreparedPolygon, group: LayerGroup): GroupTarget {
  if (isRdSquare(group.grid)) return { polygon, cellHa: cellAreaHa(group.grid) };
  return projectPolygon(area.rd, polygon.areaM2 / 10_000, group.grid);
}

/** True when the centre of the polygon's bounding box lies in the RD New area of use. */
function inNetherlands(polygon: PreparedPolygon): boolean {
  const [minX, minY, maxX, maxY] = polygon.bbox;
  return isInRdAreaOfUse(rdToWgs84([(minX + maxX) / 2, (minY + maxY) / 2]));
}

async function analyzeOne(
  area: AnalysisArea,
  feature: number,
  polygon: PreparedPolygon,
  targets: GroupTarget[],
  plan: AnalysisPlan,
  layers: EngineLayer[],
  scenario: Scenario,
  createEstimate: EstimateFactory,
  context: PassContext,
  warnings: AnalysisWarning[],
): Promise<AreaResult> {
  const accumulators = new Map<LayerId, LayerAccumulator>();
  const cellHaOf = new Map<LayerId, number>();
  const estimate = plan.estimate ? createEstimate(scenario, plan.estimate) : null;
  const cross = plan.cross ? new CrossAccumulator() : null;
  let referenceCellHa = 0;
  for (const [index, group] of plan.groups.entries()) {
    const target = targets[index] as GroupTarget;
    const groupAccumulators = createAccumulators(group);
    for (const [id, accumulator] of groupAccumulators) {
      accumulators.set(id, accumulator);
      cellHaOf.set(id, target.cellHa);
    }
    const reference = group === plan.reference;
    if (reference) referenceCellHa = target.cellHa;
    await passGroup(
      group,
      target.polygon,
      passWindows(group, target.polygon),
      {
        accumulators: groupAccumulators,
        cross: reference ? cross : null,
        estimate: reference ? estimate : null,
        ...(reference && plan.resampled.length > 0
          ? { samplers: plan.resampled.map((layer) => new CentreSampler(group.grid, layer)) }
          : {}),
      },
      context,
      target.cellHa,
    );
  }
  const stats: LayerStatsById = {};
  let covered = 0;
  for (const layer of layers) {
    const accumulator = accumulators.get(layer.id);
    if (!accumulator) continue;
    stats[layer.id] = accumulator.result(cellHaOf.get(layer.id) ?? 0);
    covered += accumulator.coverage;
  }
  const areaHa = polygon.areaM2 / 10_000;
  if (covered === 0 && layers.length > 0) {
    warnings.push(
      inNetherlands(polygon)
        ? { kind: 'no-data', code: 'errors.noData', params: { name: area.name }, feature }
        : { kind: 'out-of-area', code: 'errors.outOfArea', params: { name: area.name }, feature },
    );
  }
  // No valid cell of the stock layer (else organic matter): the estimate has nothing to stand on,
  // and zeros would read as "no carbon". It is null, with a no-data notice (DESIGN.md 7.4).
  const stockLayer = stats['carbon-stock'] ?? stats['organic-matter'];
  const noStock = stockLayer !== undefined && !(stockLayer.valid_ha > 0);
  if (noStock && covered > 0) {
    warnings.push({ kind: 'no-data', code: 'errors.noData', params: { name: area.name }, feature });
  }
  let crossRows: AreaResult['cross'];
  if (cross && plan.reference) {
    const names = (id: LayerId) => {
      const coding = accumulators.get(id)?.coding;
      return (code: number) => coding?.classNames.get(code) ?? String(code);
    };
    crossRows = cross.result(referenceCellHa, names('soil-group'), names('land-use'));
  }
  return {
    id: area.id,
    name: area.name,
    area_ha: areaHa,
    layers: stats,
    ...(crossRows ? { cross: crossRows } : {}),
    estimate: estimate && !noStock ? estimate.result(areaHa) : null,
  };
}

/**
 * The analysis engine with an explicit estimate factory: exact zonal statistics of every layer
 * for every area, the soil group x land use table and the estimate (DESIGN.md 7.1).
 */
export async function analyzeAreasWith(
  createEstimate: EstimateFactory,
  areas: AnalysisArea[],
  layers: EngineLayer[],
  scenario: Scenario,
  options: AnalyzeOptions = {},
): Promise<AnalysisResult> {
  const plan = planAnalysis(layers);
  const warnings: AnalysisWarning[] = [...plan.warnings];
  const prepared = areas.map((area) => preparePolygon(area.rd));
  const targets = areas.map((area, i) =>
    plan.groups.map((group) => groupTarget(area, prepared[i] as PreparedPolygon, group)),
  );
  const total = targets.reduce(
    (sum, groups) =>
      sum +
      plan.groups.reduce(
        (n, group, g) => n + passWindows(group, (groups[g] as GroupTarget).polygon).length,
        0,
      ),
    0,
  );
  let done = 0;
  let lastYield = Date.now();
  const context: PassContext = {
    signal: options.signal,
    scratch: new CoverageScratch(),
    async tick() {
      done++;
      options.onProgress?.(done, total);
      if (Date.now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = Date.now();
        options.signal?.throwIfAborted();
      }
    },
  };
  options.signal?.throwIfAborted();
  options.onProgress?.(0, total);
  const results: AreaResult[] = [];
  for (let i = 0; i < areas.length; i++) {
    const area = areas[i] as AnalysisArea;
    const polygon = prepared[i] as PreparedPolygon;
    const feature = area.feature ?? i + 1;
    results.push(
      await analyzeOne(
        area,
        feature,
        polygon,
        targets[i] as GroupTarget[],
        plan,
        layers,
        scenario,
        createEstimate,
        context,
        warnings,
      ),
    );
  }
  return { areas: results, warnings };
}
