import {
  CoverageScratch,
  coverageFractions,
  type Grid,
  type PreparedPolygon,
  polygonCellWindow,
  splitWindow,
} from '../zonal/coverage-fractions';

/**
 * The per-cell rules of the package builder (DESIGN.md 8.4), pure and DOM-free. Every fraction f
 * is the exact share of a cell covered by a polygon, from the engine's own coverage code
 * (src/core/zonal/coverage-fractions.ts), so a cell half covered by a building is 50 % sealed.
 */

/** Cell size of every built package, metres (EPSG:28992). */
export const BUILDER_CELL_M = 25;
/** Stored nodata of the builder's Float32 layers. */
export const FLOAT_NODATA = -9999;
/** Stored nodata of the builder's class layers; 0 is a cell with data but no known class. */
export const CLASS_NODATA = 255;

/** The package grid: the bbox (RD metres) with min floored and max ceiled to 25 m. */
export function builderGrid(bbox: readonly [number, number, number, number]): Grid {
  const c = BUILDER_CELL_M;
  const minX = Math.floor(bbox[0] / c) * c;
  const minY = Math.floor(bbox[1] / c) * c;
  const maxX = Math.ceil(bbox[2] / c) * c;
  const maxY = Math.ceil(bbox[3] / c) * c;
  return {
    originX: minX,
    originY: maxY,
    cellSize: c,
    width: Math.max(1, (maxX - minX) / c),
    height: Math.max(1, (maxY - minY) / c),
  };
}

/** The grid's bounding box [minX, minY, maxX, maxY] in RD metres. */
export function gridBox(grid: Grid): [number, number, number, number] {
  return [
    grid.originX,
    grid.originY - grid.height * grid.cellSize,
    grid.originX + grid.width * grid.cellSize,
    grid.originY,
  ];
}

const BLOCK = 256;

/** Walks the cells a polygon covers: `visit(cellIndex, f)` for every f > 0, block by block. */
export class CoverageWalker {
  private readonly scratch = new CoverageScratch();
  private readonly out = new Float64Array(BLOCK * BLOCK);
  constructor(readonly grid: Grid) {}

  visit(polygon: PreparedPolygon, visit: (index: number, f: number) => void): void {
    const window = polygonCellWindow(this.grid, polygon);
    if (!window) return;
    const width = this.grid.width;
    for (const block of splitWindow(window, BLOCK, BLOCK)) {
      const [col0, row0, col1, row1] = block;
      const w = col1 - col0;
      if (coverageFractions(this.grid, polygon, block, this.out, this.scratch) === 0) continue;
      for (let r = row0; r < row1; r++) {
        const base = (r - row0) * w;
        for (let c = col0; c < col1; c++) {
          const f = this.out[base + c - col0] as number;
          if (f > 0) visit(r * width + c, f);
        }
      }
    }
  }
}

/** Cells with data: 1 where the outline overlaps the cell at all, else 0. */
export function outlineMask(walker: CoverageWalker, outline: PreparedPolygon): Uint8Array {
  const mask = new Uint8Array(walker.grid.width * walker.grid.height);
  walker.visit(outline, (index) => {
    mask[index] = 1;
  });
  return mask;
}

/** A continuous layer: Σ f·v / Σ f over the polygons that carry a value. */
export class ContinuousCells {
  readonly sumFV: Float64Array;
  readonly sumF: Float64Array;
  constructor(readonly walker: CoverageWalker) {
    const n = walker.grid.width * walker.grid.height;
    this.sumFV = new Float64Array(n);
    this.sumF = new Float64Array(n);
  }

  /** Adds one polygon with its value; a polygon without a value (null, NaN) adds nothing. */
  add(polygon: PreparedPolygon, value: number | null): void {
    if (value === null || !Number.isFinite(value)) return;
    this.walker.visit(polygon, (i, f) => {
      this.sumFV[i] = (this.sumFV[i] as number) + f * value;
      this.sumF[i] = (this.sumF[i] as number) + f;
    });
  }

  /** Float32 cells: the weighted mean, or nodata outside the outline or where Σ f is 0. */
  finish(mask: Uint8Array): Float32Array {
    const out = new Float32Array(mask.length).fill(FLOAT_NODATA);
    for (let i = 0; i < mask.length; i++) {
      const f = this.sumF[i] as number;
      if (mask[i] && f > 0) out[i] = (this.sumFV[i] as number) / f;
    }
    return out;
  }
}

/** Covered fraction per class code (1..classCount) and cell. */
export class ClassCells {
  readonly fractions: Float64Array[];
  constructor(
    readonly walker: CoverageWalker,
    readonly classCount: number,
  ) {
    const n = walker.grid.width * walker.grid.height;
    this.fractions = Array.from({ length: classCount + 1 }, () => new Float64Array(n));
  }

  add(polygon: PreparedPolygon, code: number, weight = 1): void {
    const target = this.fractions[code];
    if (!target || code === 0) return;
    this.walker.visit(polygon, (i, f) => {
      target[i] = (target[i] as number) + f * weight;
    });
  }

  fraction(code: number, index: number): number {
    return (this.fractions[code]?.[index] as number | undefined) ?? 0;
  }

  /**
   * Uint8 cells: the class with the largest covered fraction, ties to the first code of `order`
   * (default: ascending codes, so ties go to the lower code); 0 where the cell has data but no
   * class covers it; nodata (255) outside the outline.
   */
  finish(mask: Uint8Array, order?: readonly number[]): Uint8Array {
    const codes = order ?? Array.from({ length: this.classCount }, (_, k) => k + 1);
    const out = new Uint8Array(mask.length).fill(CLASS_NODATA);
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      out[i] = pickClass(codes, (code) => this.fraction(code, i));
    }
    return out;
  }
}

/** The code with the largest fraction (> 0), earlier codes winning ties; 0 when none covers. */
export function pickClass(order: readonly number[], fractionOf: (code: number) => number): number {
  let best = 0;
  let bestFraction = 0;
  for (const code of order) {
    const f = fractionOf(code);
    if (f > bestFraction) {
      best = code;
      bestFraction = f;
    }
  }
  return best;
}

/** Sealed %: min(100, 100 · Σ f · weight), Float32, nodata outside the outline. */
export class SealedCells {
  readonly sumFW: Float64Array;
  constructor(readonly walker: CoverageWalker) {
    this.sumFW = new Float64Array(walker.grid.width * walker.grid.height);
  }

  add(polygon: PreparedPolygon, weight: number): void {
    if (!(weight > 0)) return;
    this.walker.visit(polygon, (i, f) => {
      this.sumFW[i] = (this.sumFW[i] as number) + f * weight;
    });
  }

  finish(mask: Uint8Array): Float32Array {
    const out = new Float32Array(mask.length).fill(FLOAT_NODATA);
    for (let i = 0; i < mask.length; i++) {
      if (mask[i]) out[i] = Math.min(100, 100 * (this.sumFW[i] as number));
    }
    return out;
  }
}

/** Land-use codes (DESIGN.md 7.1). */
export const LAND_USE_CODE = {
  akker: 1,
  grasland: 2,
  bos: 3,
  natuur: 4,
  'stedelijk groen': 5,
  bebouwd: 6,
  water: 7,
} as const;
export type LandUseName = keyof typeof LAND_USE_CODE;

/** Ties in the order of DESIGN.md 8.4: water, built-up, arable, grassland, forest, nature, urban green. */
export const LAND_USE_TIE_ORDER: readonly number[] = [7, 6, 1, 2, 3, 4, 5];

/** BRP categories that split the agricultural fraction of a cell. */
export const BRP_CLASS = { akker: 1, grasland: 2 } as const;

/**
 * Land use per cell. `land` holds the BGT fractions per land-use code; `brp` (optional) the BRP
 * fractions of Bouwland (1) and Grasland (2). Where BRP covers part of a cell, the cell's
 * agricultural fraction (akker + grasland from BGT) is split between akker and grasland in
 * proportion to BRP Bouwland and Grasland in the cell. The largest fraction wins, ties in
 * `LAND_USE_TIE_ORDER`.
 */
export function landUseCells(
  mask: Uint8Array,
  land: ClassCells,
  brp: ClassCells | null,
): Uint8Array {
  const out = new Uint8Array(mask.length).fill(CLASS_NODATA);
  const akker = LAND_USE_CODE.akker;
  const gras = LAND_USE_CODE.grasland;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    let arable = land.fraction(akker, i);
    let grass = land.fraction(gras, i);
    if (brp) {
      const b = brp.fraction(BRP_CLASS.akker, i);
      const g = brp.fraction(BRP_CLASS.grasland, i);
      if (b + g > 0) {
        const agricultural = arable + grass;
        arable = (agricultural * b) / (b + g);
        grass = (agricultural * g) / (b + g);
      }
    }
    out[i] = pickClass(LAND_USE_TIE_ORDER, (code) =>
      code === akker ? arable : code === gras ? grass : land.fraction(code, i),
    );
  }
  return out;
}
