import { intersection, union } from 'polyclip-ts';
import { signedRingArea } from './geometry';
import type { Position2 } from './raw';

/**
 * Ring nesting and overlapping parts of one area (RD metres). Runs after each part's rings were
 * cleaned, oriented (outer counter-clockwise, holes clockwise) and checked for crossings, so rings
 * of one part are disjoint, nested or touching. Outcomes (docs/import.md "Geometry checks"):
 * - a hole outside its shell is dropped (`repaired`): it takes nothing away from the area;
 * - parts that overlap (a duplicated part, a part inside another) are dissolved into their union
 *   (`repaired`), so no ground is counted twice;
 * - a hole equal to its shell, a hole containing its shell, a hole partly outside its shell and
 *   holes that overlap each other are refused (`self-intersection`, with the location): what the
 *   drawer meant is not clear, and any reading would change the area a lot.
 */
export type NestingResult =
  | {
      ok: true;
      /** The parts, with holes outside their shell dropped and overlapping parts dissolved. */
      parts: Position2[][][];
      /** Per input part, the indexes of the rings kept (null when parts were dissolved). */
      keptRings: number[][] | null;
      holesOutside: number;
      /** Number of parts that were merged into others (0 when none overlapped). */
      partsDissolved: number;
      /** Where the first overlap of parts is (RD), or null. */
      overlapAt: Position2 | null;
    }
  | {
      ok: false;
      code:
        | 'import.holeEqualsShell'
        | 'import.holeContainsShell'
        | 'import.holePartlyOutside'
        | 'import.holesOverlap'
        | 'import.nestingUnresolved';
      /** A point (RD) where the problem is. */
      point: Position2;
      /** 1-based index of the part. */
      part: number;
    };

type Box = [number, number, number, number];

function boxOf(ring: readonly Position2[]): Box {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** 1 strictly inside, 0 on the boundary, -1 outside a closed ring (even-odd). */
function locate(point: Position2, ring: readonly Position2[]): -1 | 0 | 1 {
  const [px, py] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position2;
    const [xj, yj] = ring[j] as Position2;
    const cross = (xj - xi) * (py - yi) - (yj - yi) * (px - xi);
    if (
      cross === 0 &&
      px >= Math.min(xi, xj) &&
      px <= Math.max(xi, xj) &&
      py >= Math.min(yi, yj) &&
      py <= Math.max(yi, yj)
    ) {
      return 0;
    }
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : -1;
}

/** Area (m²) of a polyclip result. */
function areaOf(parts: Position2[][][]): number {
  let total = 0;
  for (const rings of parts) {
    rings.forEach((ring, i) => {
      const area = Math.abs(signedRingArea(ring));
      total += i === 0 ? area : -area;
    });
  }
  return Math.max(0, total);
}

/** Tolerance for comparing areas of similar size (m²): relative, plus rounding of tiny rings. */
function tolerance(...areas: number[]): number {
  return 1e-9 * Math.max(...areas) + 1e-6;
}

function firstVertex(parts: Position2[][][]): Position2 | null {
  const vertex = parts[0]?.[0]?.[0];
  return vertex ? [vertex[0], vertex[1]] : null;
}

/** Where the hole relates to its shell. */
function holeRelation(
  shell: Position2[],
  hole: Position2[],
): 'inside' | 'outside' | 'equal' | 'contains' | 'partly' {
  // Fast path: every vertex strictly inside, and rings do not cross (checked before).
  if (hole.every((p) => locate(p, shell) === 1)) return 'inside';
  const shellArea = Math.abs(signedRingArea(shell));
  const holeArea = Math.abs(signedRingArea(hole));
  const common = !boxesOverlap(boxOf(shell), boxOf(hole))
    ? 0
    : areaOf(intersection([shell], [hole]) as Position2[][][]);
  const tol = tolerance(shellArea, holeArea);
  if (common <= tol) return 'outside';
  if (Math.abs(common - holeArea) <= tol)
    return Math.abs(holeArea - shellArea) <= tol ? 'equal' : 'inside';
  if (Math.abs(common - shellArea) <= tol) return 'contains';
  return 'partly';
}

/** Indexes of pairs of rings whose boxes overlap (sweep along x). */
function overlappingPairs(boxes: Box[]): Array<[number, number]> {
  const order = boxes.map((_, i) => i).sort((a, b) => (boxes[a] as Box)[0] - (boxes[b] as Box)[0]);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < order.length; i++) {
    const a = order[i] as number;
    const boxA = boxes[a] as Box;
    for (let j = i + 1; j < order.length; j++) {
      const b = order[j] as number;
      const boxB = boxes[b] as Box;
      if (boxB[0] >= boxA[2]) break;
      if (boxesOverlap(boxA, boxB)) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** The common area of two rings or parts, and a point of it; null when they only touch. */
function overlap(a: Position2[][], b: Position2[][]): { area: number; at: Position2 } | null {
  const common = intersection(a, b) as Position2[][][];
  const area = areaOf(common);
  const tol = tolerance(Math.abs(signedRingArea(a[0] ?? [])), Math.abs(signedRingArea(b[0] ?? [])));
  const at = firstVertex(common);
  return area > tol && at ? { area, at } : null;
}

/** Closed ring oriented counter-clockwise (outer) or clockwise (hole). */
function oriented(ring: Position2[], outer: boolean): Position2[] {
  const closed = ring.map((p) => [p[0], p[1]] as Position2);
  const first = closed[0];
  const last = closed[closed.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
    closed.push([first[0], first[1]]);
  return signedRingArea(closed) > 0 === outer ? closed : closed.reverse();
}

/**
 * Checks and repairs ring nesting and overlapping parts (see NestingResult). Should the clipping
 * library fail on some degenerate input, the area is refused (`import.nestingUnresolved`) rather
 * than counted wrongly or ending the whole import.
 */
export function checkNesting(parts: Position2[][][]): NestingResult {
  // One ring: nothing to nest or overlap (most parcels).
  if (parts.length === 1 && parts[0]?.length === 1) {
    return {
      ok: true,
      parts,
      keptRings: [[0]],
      holesOutside: 0,
      partsDissolved: 0,
      overlapAt: null,
    };
  }
  const first = parts[0]?.[0]?.[0] ?? [0, 0];
  // polyclip-ts fails to close output rings of RD coordinates (1e5 m) that went through WGS84 and
  // back; relative to a local origin on a micrometre grid it does not.
  const ox = Math.round(first[0]);
  const oy = Math.round(first[1]);
  const local = parts.map((rings) =>
    rings.map((ring) =>
      ring.map(
        ([x, y]): Position2 => [Math.round((x - ox) * 1e6) / 1e6, Math.round((y - oy) * 1e6) / 1e6],
      ),
    ),
  );
  const back = (p: Position2): Position2 => [p[0] + ox, p[1] + oy];
  let result: NestingResult;
  try {
    result = nesting(local);
  } catch {
    return { ok: false, code: 'import.nestingUnresolved', point: [first[0], first[1]], part: 1 };
  }
  if (!result.ok) return { ...result, point: back(result.point) };
  return {
    ...result,
    // Unchanged parts keep their exact input coordinates.
    parts: result.keptRings
      ? parts.map((rings, p) => (result.keptRings?.[p] ?? [0]).map((r) => rings[r] as Position2[]))
      : result.parts.map((rings) => rings.map((ring) => ring.map(back))),
    overlapAt: result.overlapAt ? back(result.overlapAt) : null,
  };
}

function nesting(parts: Position2[][][]): NestingResult {
  let holesOutside = 0;
  const keptRings: number[][] = [];
  const kept: Position2[][][] = [];
  for (const [p, rings] of parts.entries()) {
    const shell = rings[0] as Position2[];
    const keep = [0];
    for (let r = 1; r < rings.length; r++) {
      const hole = rings[r] as Position2[];
      const relation = holeRelation(shell, hole);
      if (relation === 'outside') {
        holesOutside++;
        continue;
      }
      if (relation !== 'inside') {
        const code =
          relation === 'equal'
            ? 'import.holeEqualsShell'
            : relation === 'contains'
              ? 'import.holeContainsShell'
              : 'import.holePartlyOutside';
        const outside = hole.find((q) => locate(q, shell) === -1) ?? hole[0] ?? shell[0];
        return { ok: false, code, point: outside as Position2, part: p + 1 };
      }
      keep.push(r);
    }
    const holes = keep.slice(1).map((r) => rings[r] as Position2[]);
    for (const [a, b] of overlappingPairs(holes.map(boxOf))) {
      const common = overlap([holes[a] as Position2[]], [holes[b] as Position2[]]);
      if (common) return { ok: false, code: 'import.holesOverlap', point: common.at, part: p + 1 };
    }
    keptRings.push(keep);
    kept.push(keep.map((r) => rings[r] as Position2[]));
  }
  let overlapAt: Position2 | null = null;
  for (const [a, b] of overlappingPairs(kept.map((rings) => boxOf(rings[0] as Position2[])))) {
    const common = overlap(kept[a] as Position2[][], kept[b] as Position2[][]);
    if (common) {
      overlapAt = common.at;
      break;
    }
  }
  if (!overlapAt)
    return { ok: true, parts: kept, keptRings, holesOutside, partsDissolved: 0, overlapAt };
  const [first, ...rest] = kept as [Position2[][], ...Position2[][][]];
  const merged = (union(first, ...rest) as Position2[][][]).map((rings) =>
    rings.map((ring, i) => oriented(ring, i === 0)),
  );
  return {
    ok: true,
    parts: merged,
    keptRings: null,
    holesOutside,
    partsDissolved: Math.max(1, kept.length - merged.length),
    overlapAt,
  };
}
