import { crsTransform } from '../projection/raster-crs';
import { cellHeightOf, crsOf, type Raster } from '../raster/raster-source';
import type { CellWindow } from '../zonal/coverage-fractions';
import { blockSizeOf, type LayerCoding, layerCoding } from '../zonal/zonal-stats';
import type { EngineLayer } from './types';

/** A stored value as the physical value (class code for class layers); no data: NaN, or 0 for classes. */
export function decodeStored(coding: LayerCoding, stored: number): number {
  if (Number.isNaN(stored) || coding.nodata.includes(stored)) {
    return coding.categorical ? 0 : Number.NaN;
  }
  if (coding.categorical) return stored;
  return stored * coding.scale + coding.offset;
}

/**
 * Reads a layer on another grid (or CRS) at the cell centres of the reference grid, nearest cell
 * in the layer's own CRS (DESIGN.md 8.2, notice `resampled`). Blocks of the layer are read whole,
 * one read per block a window touches.
 */
export class CentreSampler {
  readonly id: EngineLayer['id'];
  private readonly coding: LayerCoding;

  constructor(
    private readonly reference: Raster,
    private readonly layer: EngineLayer,
  ) {
    this.id = layer.id;
    this.coding = layerCoding(layer.meta, layer.raster);
  }

  /** Physical values at the centres of the window's cells with f > 0 (others left untouched). */
  async sample(
    window: CellWindow,
    fractions: Float64Array,
    out: Float64Array,
    signal?: AbortSignal,
  ): Promise<void> {
    const reference = this.reference;
    const target: Raster = this.layer.raster;
    const from = crsTransform(crsOf(reference) ?? 'EPSG:28992');
    const to = crsTransform(crsOf(target) ?? 'EPSG:28992');
    const same = from.code === to.code;
    const refHeight = cellHeightOf(reference);
    const targetHeight = cellHeightOf(target);
    const [col0, row0, col1] = window;
    const width = col1 - col0;
    const count = width * (window[3] - row0);
    const [blockWidth, blockHeight] = blockSizeOf(target);
    const byBlock = new Map<string, number[]>();
    const cellOf = new Int32Array(count * 2);
    const none = this.coding.categorical ? 0 : Number.NaN;
    for (let i = 0; i < count; i++) {
      if ((fractions[i] as number) === 0) continue;
      const x = reference.originX + (col0 + (i % width) + 0.5) * reference.cellSize;
      const y = reference.originY - (row0 + Math.floor(i / width) + 0.5) * refHeight;
      const [tx, ty] = same ? [x, y] : to.fromRd(from.toRd([x, y]));
      const col = Math.floor((tx - target.originX) / target.cellSize);
      const row = Math.floor((target.originY - ty) / targetHeight);
      if (!(col >= 0 && row >= 0 && col < target.width && row < target.height)) {
        out[i] = none;
        continue;
      }
      cellOf[2 * i] = col;
      cellOf[2 * i + 1] = row;
      const key = `${Math.floor(col / blockWidth)}/${Math.floor(row / blockHeight)}`;
      const list = byBlock.get(key);
      if (list) list.push(i);
      else byBlock.set(key, [i]);
    }
    for (const [key, cells] of byBlock) {
      const [blockCol, blockRow] = key.split('/').map(Number) as [number, number];
      const c0 = blockCol * blockWidth;
      const r0 = blockRow * blockHeight;
      const c1 = Math.min(target.width, c0 + blockWidth);
      const r1 = Math.min(target.height, r0 + blockHeight);
      const values = await target.readWindow(0, [c0, r0, c1, r1], signal);
      for (const i of cells) {
        const col = cellOf[2 * i] as number;
        const row = cellOf[2 * i + 1] as number;
        out[i] = decodeStored(this.coding, values[(row - r0) * (c1 - c0) + (col - c0)] as number);
      }
    }
  }
}
