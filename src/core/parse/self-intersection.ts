import type { Position2 } from './raw';

interface Segment {
  ring: number;
  index: number;
  a: Position2;
  b: Position2;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function orient(a: Position2, b: Position2, c: Position2): number {
  const value = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  // Treat values within rounding of the coordinates' magnitude as collinear.
  const scale =
    Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]) + Math.abs(c[0] - a[0]) + Math.abs(c[1] - a[1]);
  return Math.abs(value) <= 1e-12 * scale * scale ? 0 : value;
}

function same(p: Position2, q: Position2): boolean {
  return p[0] === q[0] && p[1] === q[1];
}

function onSegment(a: Position2, b: Position2, p: Position2): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/**
 * Where two segments meet: a proper crossing (`touch` false) or a contact at an end point or along
 * a collinear overlap (`touch` true); null when they do not meet.
 */
function meet(s: Segment, t: Segment): { point: Position2; touch: boolean } | null {
  const o1 = orient(s.a, s.b, t.a);
  const o2 = orient(s.a, s.b, t.b);
  const o3 = orient(t.a, t.b, s.a);
  const o4 = orient(t.a, t.b, s.b);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const f = o3 / (o3 - o4);
    return {
      point: [s.a[0] + f * (s.b[0] - s.a[0]), s.a[1] + f * (s.b[1] - s.a[1])],
      touch: false,
    };
  }
  if (o1 === 0 && onSegment(s.a, s.b, t.a)) return { point: t.a, touch: true };
  if (o2 === 0 && onSegment(s.a, s.b, t.b)) return { point: t.b, touch: true };
  if (o3 === 0 && onSegment(t.a, t.b, s.a)) return { point: s.a, touch: true };
  if (o4 === 0 && onSegment(t.a, t.b, s.b)) return { point: s.b, touch: true };
  return null;
}

/**
 * The sweep compares segments whose extents overlap along the sweep axis. Long segments along x
 * (a comb of furrows, say) would make that quadratic, so when segments are long in x relative to
 * the outline's width, sweep along y instead: the bounding-box fields are swapped, the geometry
 * (a, b) is not.
 */
function sweepAlongShorterExtents(segments: Segment[]): void {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let sumX = 0;
  let sumY = 0;
  for (const s of segments) {
    minX = Math.min(minX, s.minX);
    maxX = Math.max(maxX, s.maxX);
    minY = Math.min(minY, s.minY);
    maxY = Math.max(maxY, s.maxY);
    sumX += s.maxX - s.minX;
    sumY += s.maxY - s.minY;
  }
  if (sumX * (maxY - minY) <= sumY * (maxX - minX)) return;
  for (const s of segments) {
    [s.minX, s.maxX, s.minY, s.maxY] = [s.minY, s.maxY, s.minX, s.maxX];
  }
}

/**
 * The first place where the rings of one polygon (closed rings, outer first) cross themselves or
 * each other, or null. A ring touching itself counts; rings of one polygon touching at a single
 * point do not (OGC valid). Sweeps segments sorted by x, so typical outlines take O(n log n).
 */
export function findSelfIntersection(rings: readonly Position2[][]): Position2 | null {
  const segments: Segment[] = [];
  const ringSizes: number[] = [];
  rings.forEach((ring, r) => {
    ringSizes.push(ring.length - 1);
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as Position2;
      const b = ring[i + 1] as Position2;
      segments.push({
        ring: r,
        index: i,
        a,
        b,
        minX: Math.min(a[0], b[0]),
        maxX: Math.max(a[0], b[0]),
        minY: Math.min(a[1], b[1]),
        maxY: Math.max(a[1], b[1]),
      });
    }
  });
  sweepAlongShorterExtents(segments);
  segments.sort((s, t) => s.minX - t.minX);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as Segment;
    for (let j = i + 1; j < segments.length; j++) {
      const t = segments[j] as Segment;
      if (t.minX > s.maxX) break;
      if (t.maxY < s.minY || t.minY > s.maxY) continue;
      if (s.ring === t.ring) {
        const size = ringSizes[s.ring] as number;
        const gap = Math.abs(s.index - t.index);
        if (gap === 1 || gap === size - 1) {
          // Neighbours share one vertex; they only conflict when they fold back over each other.
          const shared = gap === 1 ? (s.index < t.index ? s.b : s.a) : s.index === 0 ? s.a : s.b;
          const sOther = same(s.a, shared) ? s.b : s.a;
          const tOther = same(t.a, shared) ? t.b : t.a;
          if (orient(shared, sOther, tOther) === 0) {
            const dot =
              (sOther[0] - shared[0]) * (tOther[0] - shared[0]) +
              (sOther[1] - shared[1]) * (tOther[1] - shared[1]);
            if (dot > 0) return shared;
          }
          continue;
        }
        const hit = meet(s, t);
        if (hit) return hit.point;
      } else {
        const hit = meet(s, t);
        if (hit && !hit.touch) return hit.point;
      }
    }
  }
  return null;
}
