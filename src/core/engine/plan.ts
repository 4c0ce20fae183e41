import { COEFFICIENTS } from '../estimate/coefficients';
import type { EstimateOptions } from '../estimate/types';
import type { LayerId } from '../raster/classes';
import { crsOf, isRdSquare, type Raster } from '../raster/raster-source';
import type { AnalysisWarning, EngineLayer } from './types';

/** Layers that share one grid and are read together, window by window. */
export interface LayerGroup {
  grid: Raster;
  layers: EngineLayer[];
}

/** How the layers of an analysis are read: the groups, and which group feeds cross and estimate. */
export interface AnalysisPlan {
  groups: LayerGroup[];
  /** The group of the stock layer (else of the organic-matter layer); null when neither is there. */
  reference: LayerGroup | null;
  /** True when stock, soil group and land use share the reference grid. */
  cross: boolean;
  /**
   * Layers outside the reference group read at its cell centres for cross and estimate
   * (DESIGN.md 8.2): only when a layer is the user's own or not an RD New grid of square cells;
   * RD-only analyses stay as before (those layers feed only their own statistics).
   */
  resampled: EngineLayer[];
  /** Options of the estimate; null when neither a stock nor an organic-matter layer is analysed. */
  estimate: EstimateOptions | null;
  warnings: AnalysisWarning[];
}

/** Relative range of a stock computed from organic matter (DESIGN.md section 3, coefficient file). */
export const OM_STOCK_RANGE = {
  low: COEFFICIENTS.stock.range_from_organic_matter.value.low,
  high: COEFFICIENTS.stock.range_from_organic_matter.value.high,
} as const;

/** Same origin, cell size and size (to a millionth of a cell): cells line up one to one. */
export function sameGrid(a: Raster, b: Raster): boolean {
  const tolerance = a.cellSize * 1e-6;
  return (
    a.width === b.width &&
    a.height === b.height &&
    Math.abs(a.cellSize - b.cellSize) <= tolerance &&
    Math.abs((a.cellHeight ?? a.cellSize) - (b.cellHeight ?? b.cellSize)) <= tolerance &&
    (crsOf(a) ?? 'EPSG:28992') === (crsOf(b) ?? 'EPSG:28992') &&
    Math.abs(a.originX - b.originX) <= tolerance &&
    Math.abs(a.originY - b.originY) <= tolerance
  );
}

function groupByGrid(layers: EngineLayer[]): LayerGroup[] {
  const groups: LayerGroup[] = [];
  for (const layer of layers) {
    const group = groups.find((candidate) => sameGrid(candidate.grid, layer.raster));
    if (group) group.layers.push(layer);
    else groups.push({ grid: layer.raster, layers: [layer] });
  }
  return groups;
}

/** Groups layers by grid and decides what the joint pass of the reference grid computes. */
export function planAnalysis(layers: EngineLayer[]): AnalysisPlan {
  const groups = groupByGrid(layers);
  const find = (id: LayerId) => layers.find((layer) => layer.id === id);
  const groupOf = (layer: EngineLayer | undefined) =>
    layer ? (groups.find((group) => group.layers.includes(layer)) ?? null) : null;
  const stock = find('carbon-stock');
  const organicMatter = find('organic-matter');
  const reference = groupOf(stock ?? organicMatter);
  const anyCrs = layers.some((layer) => layer.user === true || !isRdSquare(layer.raster));
  const resampled =
    anyCrs && reference ? layers.filter((layer) => !reference.layers.includes(layer)) : [];
  const inReference = (id: LayerId) => {
    const layer = find(id);
    return (
      layer !== undefined &&
      ((reference?.layers.includes(layer) ?? false) || resampled.includes(layer))
    );
  };
  const cross =
    stock !== undefined &&
    reference?.layers.includes(stock) === true &&
    inReference('soil-group') &&
    inReference('land-use');
  const warnings: AnalysisWarning[] = layers.flatMap((layer) => layer.notices ?? []);
  if (resampled.length > 0 && reference) {
    const first = reference.layers[0] as EngineLayer;
    warnings.push({
      kind: 'resampled',
      code: 'errors.layerResampled',
      params: {
        layers: resampled.map((layer) => layer.id).join(', '),
        reference: (stock && reference.layers.includes(stock) ? stock : first).id,
      },
      feature: null,
    });
  }
  const crossLayers: LayerId[] = ['carbon-stock', 'soil-group', 'land-use'];
  if (!cross && crossLayers.some((id) => find(id))) {
    const missing = crossLayers.filter((id) => !find(id));
    const elsewhere = layers
      .filter((layer) => reference && !reference.layers.includes(layer))
      .map((layer) => layer.id);
    warnings.push({
      kind: 'cross-omitted',
      code: 'errors.crossOmitted',
      params: { missing: missing.join(', ') || '-', otherGrid: elsewhere.join(', ') || '-' },
      feature: null,
    });
  }
  let estimate: EstimateOptions | null = null;
  if (reference) {
    const stockInReference = stock !== undefined && reference.layers.includes(stock);
    // A stock layer computed from organic matter is recomputed per cell from organic matter, so
    // the scenario's f_C and bulk density apply (EstimateOptions.stockSource).
    const fromOrganicMatter =
      !stockInReference ||
      (stock?.meta.derived_from === 'organic-matter' && inReference('organic-matter'));
    // A measured stock layer: low = high = central unless its catalogue gives [low, high].
    const given = stockInReference ? stock.meta.stock_range : undefined;
    const range = given
      ? { low: given[0], high: given[1] }
      : stockInReference && !fromOrganicMatter
        ? { low: 1, high: 1 }
        : OM_STOCK_RANGE;
    estimate = {
      stockSource: fromOrganicMatter ? 'organic-matter' : 'layer',
      stockRange: { low: range.low, high: range.high },
      synthetic: layers.some((layer) => layer.meta.synthetic),
    };
  }
  return { groups, reference, cross, resampled, estimate, warnings };
}
