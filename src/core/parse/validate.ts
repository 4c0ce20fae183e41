import { isInRdAreaOfUse, rdToWgs84 } from '../projection/rd';
import type { ErrorKind, MessageParams, NoticeKind } from '../result';
import type { Transform } from './crs';
import { signedRingArea } from './geometry';
import { checkNesting } from './nesting';
import type { Position2 } from './raw';
import { findSelfIntersection } from './self-intersection';
import { splitAtCrossings } from './unkink';

/** Vertices closer than this (RD metres) are duplicates. */
const DUPLICATE_M = 1e-4;
/** A vertex whose neighbours fold back along a line within this distance (m) is a spike. */
const SPIKE_M = 1e-3;
/** Rings with less area (m²) have none. */
const MIN_AREA_M2 = 1e-6;

export interface FeatureNotice {
  kind: NoticeKind;
  code: string;
  params?: MessageParams;
}

export type ValidatedFeature =
  | { ok: true; rd: Position2[][][]; lonLat: Position2[][][]; notices: FeatureNotice[] }
  | { ok: false; kind: ErrorKind; code: string; params?: MessageParams };

interface Vertex {
  rd: Position2;
  lonLat: Position2;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

function distance(a: Position2, b: Position2): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** True when b is a spike between a and c: the outline goes to b and straight back. */
function isSpike(a: Position2, b: Position2, c: Position2): boolean {
  const abx = b[0] - a[0];
  const aby = b[1] - a[1];
  const bcx = c[0] - b[0];
  const bcy = c[1] - b[1];
  const length = Math.max(Math.hypot(abx, aby), Math.hypot(bcx, bcy));
  if (length === 0) return true;
  const cross = abx * bcy - aby * bcx;
  return Math.abs(cross) / length <= SPIKE_M && abx * bcx + aby * bcy < 0;
}

interface Cleaned {
  ring: Vertex[];
  duplicates: number;
  spikes: number;
}

/** Removes duplicate vertices and spikes from an open ring (no closing vertex). */
function clean(open: Vertex[]): Cleaned {
  const out: Vertex[] = [];
  let duplicates = 0;
  let spikes = 0;
  const settle = () => {
    for (;;) {
      const n = out.length;
      if (n >= 2 && distance((out[n - 2] as Vertex).rd, (out[n - 1] as Vertex).rd) <= DUPLICATE_M) {
        out.pop();
        duplicates++;
      } else if (
        n >= 3 &&
        isSpike((out[n - 3] as Vertex).rd, (out[n - 2] as Vertex).rd, (out[n - 1] as Vertex).rd)
      ) {
        out.splice(n - 2, 1);
        spikes++;
      } else return;
    }
  };
  for (const vertex of open) {
    out.push(vertex);
    settle();
  }
  // The seam between the last and the first vertex.
  for (let guard = 0; guard < open.length && out.length >= 3; guard++) {
    const n = out.length;
    const first = out[0] as Vertex;
    const last = out[n - 1] as Vertex;
    if (distance(first.rd, last.rd) <= DUPLICATE_M) {
      out.pop();
      duplicates++;
    } else if (isSpike((out[n - 2] as Vertex).rd, last.rd, first.rd)) {
      out.pop();
      spikes++;
    } else if (isSpike(last.rd, first.rd, (out[1] as Vertex).rd)) {
      out.shift();
      spikes++;
    } else break;
  }
  return { ring: out, duplicates, spikes };
}

/**
 * Checks and repairs one feature's polygons, given as rings in source coordinates: closes rings,
 * removes duplicate vertices and spikes, refuses self-intersections and areas outside the
 * Netherlands, orients outer rings counter-clockwise and holes clockwise (RFC 7946).
 */
export function validatePolygons(
  polygons: Position2[][][],
  transform: Transform,
  maxVertices: number,
  repairSelfIntersections = false,
): ValidatedFeature {
  let vertexCount = 0;
  for (const rings of polygons) for (const ring of rings) vertexCount += ring.length;
  if (vertexCount > maxVertices) {
    return {
      ok: false,
      kind: 'too-large',
      code: 'import.tooManyVertices',
      params: { count: vertexCount, max: maxVertices },
    };
  }
  let closed = 0;
  let duplicates = 0;
  let spikes = 0;
  let holesDropped = 0;
  const split: MessageParams[] = [];
  const rdParts: Position2[][][] = [];
  const lonLatParts: Position2[][][] = [];
  for (const rings of polygons) {
    const rdRings: Position2[][] = [];
    const lonLatRings: Position2[][] = [];
    for (const [r, ring] of rings.entries()) {
      const vertices: Vertex[] = [];
      for (const p of ring) {
        const [rd, lonLat] = transform(p);
        if (!isInRdAreaOfUse(lonLat)) {
          return {
            ok: false,
            kind: 'out-of-area',
            code: 'import.outOfArea',
            params: { lon: round(lonLat[0], 5), lat: round(lonLat[1], 5) },
          };
        }
        vertices.push({ rd, lonLat });
      }
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length > 1 && first && last && (first[0] !== last[0] || first[1] !== last[1]))
        closed++;
      else vertices.pop();
      const cleaned = clean(vertices);
      duplicates += cleaned.duplicates;
      spikes += cleaned.spikes;
      const open = cleaned.ring;
      if (open.length < 3) {
        if (r === 0) return { ok: false, kind: 'no-polygons', code: 'import.degenerate' };
        holesDropped++;
        continue;
      }
      const area = signedRingArea(open.map((v) => v.rd));
      // Outer rings counter-clockwise, holes clockwise.
      if ((r === 0) !== area > 0) open.reverse();
      const start = open[0] as Vertex;
      rdRings.push([...open.map((v) => v.rd), [start.rd[0], start.rd[1]]]);
      lonLatRings.push([...open.map((v) => v.lonLat), [start.lonLat[0], start.lonLat[1]]]);
    }
    const crossing = findSelfIntersection(rdRings);
    if (crossing) {
      const index = rdParts.length;
      const lonLat = lonLatAt(crossing, rdRings, lonLatRings);
      // On request, an outline without holes is split into its lobes.
      const pieces =
        repairSelfIntersections && rdRings.length === 1
          ? splitAtCrossings(rdRings[0] as Position2[])
          : null;
      if (pieces) {
        for (const [i, piece] of pieces.rd.entries()) {
          rdParts.push([piece]);
          lonLatParts.push([pieces.lonLat[i] as Position2[]]);
        }
        split.push({
          x: round(crossing[0], 1),
          y: round(crossing[1], 1),
          lon: round(lonLat[0], 6),
          lat: round(lonLat[1], 6),
          parts: pieces.rd.length,
        });
        continue;
      }
      return {
        ok: false,
        kind: 'self-intersection',
        code: 'import.selfIntersection',
        params: {
          x: round(crossing[0], 1),
          y: round(crossing[1], 1),
          lon: round(lonLat[0], 6),
          lat: round(lonLat[1], 6),
          part: index + 1,
        },
      };
    }
    // Rings without area (a bow-tie's lobes cancel, so crossings are checked first).
    const keep = rdRings.map((ring) => Math.abs(signedRingArea(ring)) >= MIN_AREA_M2);
    if (!keep[0]) return { ok: false, kind: 'no-polygons', code: 'import.degenerate' };
    holesDropped += keep.filter((k) => !k).length;
    rdParts.push(rdRings.filter((_, i) => keep[i]));
    lonLatParts.push(lonLatRings.filter((_, i) => keep[i]));
  }
  const nesting = checkNesting(rdParts);
  if (!nesting.ok) return { ok: false, kind: 'self-intersection', ...located(nesting) };
  const keptRings = nesting.keptRings;
  const finalLonLat = keptRings
    ? lonLatParts.map((rings, p) => (keptRings[p] as number[]).map((r) => rings[r] as Position2[]))
    : nesting.parts.map((rings) => rings.map((ring) => ring.map(toLonLat)));
  const notices: FeatureNotice[] = [];
  if (nesting.holesOutside) {
    notices.push({
      kind: 'repaired',
      code: 'import.holeOutsideDropped',
      params: { count: nesting.holesOutside },
    });
  }
  if (nesting.overlapAt) {
    notices.push({
      kind: 'repaired',
      code: 'import.partsDissolved',
      params: { ...where(nesting.overlapAt), parts: nesting.partsDissolved },
    });
  }
  for (const params of split)
    notices.push({ kind: 'repaired', code: 'import.selfIntersectionSplit', params });
  if (closed)
    notices.push({ kind: 'ring-closed', code: 'import.ringClosed', params: { count: closed } });
  if (duplicates || spikes || holesDropped) {
    notices.push({
      kind: 'repaired',
      code: 'import.repaired',
      params: { duplicates, spikes, holes: holesDropped },
    });
  }
  return { ok: true, rd: nesting.parts, lonLat: finalLonLat, notices };
}

function toLonLat(p: Position2): Position2 {
  const [lon, lat] = rdToWgs84(p);
  return [lon, lat];
}

/** Message parameters of an RD point: RD to 0.1 m, WGS84 to 6 decimals. */
function where(point: Position2): MessageParams {
  const [lon, lat] = toLonLat(point);
  return { x: round(point[0], 1), y: round(point[1], 1), lon: round(lon, 6), lat: round(lat, 6) };
}

function located(refusal: { code: string; point: Position2; part: number }) {
  return { code: refusal.code, params: { ...where(refusal.point), part: refusal.part } };
}

/** The WGS84 position of an RD point on the outline, interpolated along its nearest segment. */
function lonLatAt(point: Position2, rdRings: Position2[][], lonLatRings: Position2[][]): Position2 {
  let best: Position2 = lonLatRings[0]?.[0] ?? [0, 0];
  let bestDistance = Number.POSITIVE_INFINITY;
  rdRings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as Position2;
      const b = ring[i + 1] as Position2;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const length2 = dx * dx + dy * dy;
      const t = length2
        ? Math.max(0, Math.min(1, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length2))
        : 0;
      const d = Math.hypot(a[0] + t * dx - point[0], a[1] + t * dy - point[1]);
      if (d < bestDistance) {
        bestDistance = d;
        const la = lonLatRings[r]?.[i] as Position2;
        const lb = lonLatRings[r]?.[i + 1] as Position2;
        best = [la[0] + t * (lb[0] - la[0]), la[1] + t * (lb[1] - la[1])];
      }
    }
  });
  return best;
}
