import type { RdMultiPolygonCoordinates } from '../parse/types';
import { type CrsTransform, crsTransform } from '../projection/raster-crs';
import { cellHeightOf, crsOf, type Raster } from '../raster/raster-source';
import { type PreparedPolygon, preparePolygon } from './coverage-fractions';

/**
 * An area's rings in a raster's own CRS (DESIGN.md 8.2, as exactextract does with a reprojected
 * polygon): the rings are straight in RD New; each edge is densified in RD until every projected
 * segment spans at most half a cell in (column, row) units; the vertices are then projected.
 */
export interface ProjectedPolygon {
  /** Edges, bbox and P (`areaM2`: the shoelace area of the projected rings, in CRS units²). */
  polygon: PreparedPolygon;
  /** Hectares per unit of Σ f over the raster's cells: area_ha · a / P (0 when P is 0). */
  cellHa: number;
}

/** Most pieces one RD edge is cut into (a safeguard: 2^16 per edge). */
const MAX_DEPTH = 16;

function spanCells(
  a: readonly [number, number],
  b: readonly [number, number],
  cellWidth: number,
  cellHeight: number,
): number {
  return Math.max(Math.abs(b[0] - a[0]) / cellWidth, Math.abs(b[1] - a[1]) / cellHeight);
}

/**
 * Appends the projected points of the RD edge p → q (without p's own projection, which the caller
 * has already added), halving pieces in RD until each projected piece spans ≤ half a cell.
 */
function densifyEdge(
  p: readonly [number, number],
  q: readonly [number, number],
  pp: [number, number],
  qq: [number, number],
  transform: CrsTransform,
  cellWidth: number,
  cellHeight: number,
  out: Array<[number, number]>,
  depth: number,
): void {
  if (depth >= MAX_DEPTH || spanCells(pp, qq, cellWidth, cellHeight) <= 0.5) {
    out.push(qq);
    return;
  }
  const m: [number, number] = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
  const mm = transform.fromRd(m);
  densifyEdge(p, m, pp, mm, transform, cellWidth, cellHeight, out, depth + 1);
  densifyEdge(m, q, mm, qq, transform, cellWidth, cellHeight, out, depth + 1);
}

/** The rings of `rd` (RD New metres) projected into the CRS of `grid`, densified as 8.2 says. */
export function projectRings(
  rd: RdMultiPolygonCoordinates,
  grid: Pick<Raster, 'cellSize' | 'cellHeight' | 'crs' | 'epsg'>,
): RdMultiPolygonCoordinates {
  const transform = crsTransform(crsOf(grid as Raster) ?? 'EPSG:28992');
  const cellWidth = grid.cellSize;
  const cellHeight = cellHeightOf(grid);
  return rd.map((polygon) =>
    polygon.map((ring) => {
      const out: Array<[number, number]> = [];
      const n = ring.length;
      if (n === 0) return out;
      // Rings arrive closed (first = last) or open; every edge i → i+1 is densified, and the
      // closing edge too when the ring is open.
      const closed =
        n > 1 && ring[0]?.[0] === ring[n - 1]?.[0] && ring[0]?.[1] === ring[n - 1]?.[1];
      const first = ring[0] as readonly [number, number];
      let previous = transform.fromRd(first);
      out.push(previous);
      const last = closed ? n - 1 : n;
      for (let i = 0; i < last; i++) {
        const p = ring[i] as readonly [number, number];
        const q = ring[(i + 1) % n] as readonly [number, number];
        const qq = i + 1 === n ? (out[0] as [number, number]) : transform.fromRd(q);
        densifyEdge(p, q, previous, qq, transform, cellWidth, cellHeight, out, 0);
        previous = qq;
      }
      return out;
    }),
  ) as RdMultiPolygonCoordinates;
}

/** The polygon of an area ready for coverage on `grid`, with hectares per unit of Σ f. */
export function projectPolygon(
  rd: RdMultiPolygonCoordinates,
  areaHa: number,
  grid: Raster,
): ProjectedPolygon {
  const polygon = preparePolygon(projectRings(rd, grid));
  const cellArea = grid.cellSize * cellHeightOf(grid);
  const cellHa = polygon.areaM2 > 0 ? (areaHa * cellArea) / polygon.areaM2 : 0;
  return { polygon, cellHa };
}
