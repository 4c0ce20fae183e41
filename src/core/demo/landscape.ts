import type { Ring } from './grid';
import { circularNoise, createRandom, fractalNoise, hashUnit } from './random';

/**
 * The vector skeleton of the fictional municipality "Klaverwaard (fictief)", in RD New metres:
 * its outline, a meandering river, lakes, polder watercourses, places, built-up areas, roads and
 * farmsteads. Rasters and the vector context are both drawn from it, so they agree.
 */

export type Line = [number, number][];

export interface Place {
  name: string;
  rank: 'town' | 'village';
  x: number;
  y: number;
  /** Typical radius of the built-up area, m. */
  radiusM: number;
}

export interface Road {
  class: 'main' | 'local';
  line: Line;
}

export interface Landscape {
  outline: Ring;
  /** River centre line, west to east across the whole box. */
  riverLine: Line;
  /** Half the river's width, m. */
  riverHalfWidthM: number;
  lakes: Ring[];
  /** Main polder watercourses (weteringen). */
  canals: Line[];
  places: Place[];
  builtUp: { place: Place; ring: Ring }[];
  roads: Road[];
  /** Farmstead centres. */
  farms: [number, number][];
}

export const SEED = 20260123;

/** RD extent of the demo: x 145000-165000, y 455000-471000. */
export const DEMO_BOX = { minX: 145000, minY: 455000, maxX: 165000, maxY: 471000 } as const;

/** RD y of the river's centre line at x (a meander of two waves and a little noise). */
export function riverY(x: number): number {
  const t = x - DEMO_BOX.minX;
  return (
    459900 +
    700 * Math.sin((2 * Math.PI * t) / 7300 + 0.7) +
    320 * Math.sin((2 * Math.PI * t) / 2600 + 2.3) +
    90 * fractalNoise(SEED + 1, t, 0, 1200, 2)
  );
}

/** RD y of the axis of the river's meander belt at x: the long wave of `riverY`. */
export function riverBeltY(x: number): number {
  return 459900 + 450 * Math.sin((2 * Math.PI * (x - DEMO_BOX.minX)) / 7300 + 0.7);
}

/** Distance (m) from (x, y) to the river centre line, from the vertical offset and the slope. */
export function riverDistance(x: number, y: number): number {
  const slope = (riverY(x + 5) - riverY(x - 5)) / 10;
  return Math.abs(y - riverY(x)) / Math.sqrt(1 + slope * slope);
}

export const PLACES: Place[] = [
  { name: 'Klaverwaard', rank: 'town', x: 155300, y: 463200, radiusM: 2000 },
  { name: 'Eekhorst', rank: 'village', x: 161500, y: 466700, radiusM: 650 },
  { name: 'Sluisveen', rank: 'village', x: 150300, y: 464600, radiusM: 560 },
  { name: 'Bramdijk', rank: 'village', x: 148600, y: 461700, radiusM: 520 },
  { name: 'Wolderkamp', rank: 'village', x: 158600, y: 457700, radiusM: 600 },
  { name: 'Hazelrode', rank: 'village', x: 155800, y: 468800, radiusM: 480 },
];

/** Exit distance of a ray from the origin along (dx, dy) through an origin-centred box. */
function exitDistance(
  dx: number,
  dy: number,
  box: { minX: number; minY: number; maxX: number; maxY: number },
): number {
  const tx = dx > 0 ? box.maxX / dx : dx < 0 ? box.minX / dx : Number.POSITIVE_INFINITY;
  const ty = dy > 0 ? box.maxY / dy : dy < 0 ? box.minY / dy : Number.POSITIVE_INFINITY;
  return Math.min(tx, ty);
}

/**
 * The municipality outline: a noisy ring around (155000, 464000), never outside the box (75 m
 * margin) and always around x 147500-162500, y 457000-470300, which holds every place and the
 * shared zonal fixture's extent (x 150000-160000, y 460000-470000).
 */
function makeOutline(): Ring {
  const cx = 155000;
  const cy = 464000;
  const inner = { minX: -7500, minY: -7000, maxX: 7500, maxY: 6300 };
  const outer = { minX: -9925, minY: -8925, maxX: 9925, maxY: 6925 };
  const ring: Ring = [];
  const n = 360;
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const dx = Math.cos(angle);
    const dy = Math.sin(angle);
    const rMin = exitDistance(dx, dy, inner);
    const rMax = exitDistance(dx, dy, outer);
    const wobble =
      0.55 * circularNoise(SEED + 2, i / n, 9) + 0.3 * circularNoise(SEED + 3, i / n, 41) + 0.15;
    const t = Math.min(1, Math.max(0.05, 0.5 + 0.5 * wobble));
    const r = rMin + (rMax - rMin) * t;
    ring.push([round1(cx + r * dx), round1(cy + r * dy)]);
  }
  return ring;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** An irregular blob around a centre: radius varies by periodic noise. */
export function blob(seed: number, x: number, y: number, radius: number, vertices = 48): Ring {
  const ring: Ring = [];
  for (let i = 0; i < vertices; i++) {
    const angle = (2 * Math.PI * i) / vertices;
    const r =
      radius *
      (0.85 +
        0.3 * circularNoise(seed, i / vertices, 7) +
        0.08 * circularNoise(seed + 1, i / vertices, 19));
    ring.push([round1(x + r * Math.cos(angle)), round1(y + r * Math.sin(angle))]);
  }
  return ring;
}

/** A gently curved line from a to b: a quadratic curve bent sideways, plus a small wiggle. */
function curvedLine(seed: number, a: [number, number], b: [number, number], bend: number): Line {
  const [x0, y0] = a;
  const [x1, y1] = b;
  const length = Math.hypot(x1 - x0, y1 - y0);
  const nx = -(y1 - y0) / length;
  const ny = (x1 - x0) / length;
  const offset = bend * length * (hashUnit(seed, 1) * 2 - 1);
  const cx = (x0 + x1) / 2 + nx * offset;
  const cy = (y0 + y1) / 2 + ny * offset;
  const steps = Math.max(4, Math.ceil(length / 150));
  const line: Line = [];
  for (let s = 0; s <= steps; s++) {
    const t = s / steps;
    const wiggle = s === 0 || s === steps ? 0 : 40 * fractalNoise(seed + 5, t * length, 0, 900, 2);
    const x = (1 - t) * (1 - t) * x0 + 2 * (1 - t) * t * cx + t * t * x1 + nx * wiggle;
    const y = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * cy + t * t * y1 + ny * wiggle;
    line.push([round1(x), round1(y)]);
  }
  return line;
}

function placeAt(name: string): [number, number] {
  const place = PLACES.find((p) => p.name === name);
  if (!place) throw new Error(`no place ${name}`);
  return [place.x, place.y];
}

function makeRoads(): Road[] {
  const roads: Road[] = [];
  const main = (seed: number, a: [number, number], b: [number, number]) =>
    roads.push({ class: 'main', line: curvedLine(SEED + seed, a, b, 0.08) });
  const local = (seed: number, a: [number, number], b: [number, number]) =>
    roads.push({ class: 'local', line: curvedLine(SEED + seed, a, b, 0.12) });
  const town = placeAt('Klaverwaard');
  // Regional roads: west-east through the town, north-south across the river.
  main(100, [145000, 464300], town);
  main(101, town, [165000, 464100]);
  main(102, [155900, 471000], town);
  main(103, town, [156700, 455000]);
  // The town to every village.
  for (const [i, place] of PLACES.entries())
    if (place.rank === 'village') main(110 + i, town, [place.x, place.y]);
  // Local roads between villages and out to the edges.
  local(200, placeAt('Sluisveen'), placeAt('Bramdijk'));
  local(201, placeAt('Sluisveen'), placeAt('Hazelrode'));
  local(202, placeAt('Hazelrode'), placeAt('Eekhorst'));
  local(203, placeAt('Eekhorst'), [165000, 469800]);
  local(204, placeAt('Bramdijk'), [145000, 458800]);
  local(205, placeAt('Wolderkamp'), [165000, 456600]);
  local(206, placeAt('Wolderkamp'), [149500, 455000]);
  local(207, placeAt('Sluisveen'), [145000, 468900]);
  local(208, placeAt('Eekhorst'), [162800, 460200]);
  local(209, placeAt('Hazelrode'), [151200, 471000]);
  local(210, [151500, 467200], [153000, 465000]);
  local(211, [159000, 469800], [158300, 465800]);
  return roads;
}

/** Farmsteads every 450-800 m along the local roads, alternately left and right of the road. */
function makeFarms(roads: Road[]): [number, number][] {
  const random = createRandom(SEED + 300);
  const farms: [number, number][] = [];
  for (const road of roads) {
    if (road.class !== 'local') continue;
    let next = random.between(300, 700);
    let travelled = 0;
    let side = 1;
    for (let i = 0; i + 1 < road.line.length; i++) {
      const [x0, y0] = road.line[i] as [number, number];
      const [x1, y1] = road.line[i + 1] as [number, number];
      const length = Math.hypot(x1 - x0, y1 - y0);
      while (travelled + length >= next) {
        const t = (next - travelled) / length;
        const nx = -(y1 - y0) / length;
        const ny = (x1 - x0) / length;
        farms.push([
          round1(x0 + (x1 - x0) * t + side * 45 * nx),
          round1(y0 + (y1 - y0) * t + side * 45 * ny),
        ]);
        side = -side;
        next += random.between(450, 800);
      }
      travelled += length;
    }
  }
  return farms;
}

function makeRiverLine(): Line {
  const line: Line = [];
  for (let x = DEMO_BOX.minX; x <= DEMO_BOX.maxX; x += 50) line.push([x, round1(riverY(x))]);
  return line;
}

/** Builds the landscape skeleton (deterministic: the same every call). */
export function buildLandscape(): Landscape {
  const roads = makeRoads();
  return {
    outline: makeOutline(),
    riverLine: makeRiverLine(),
    riverHalfWidthM: 55,
    lakes: [blob(SEED + 10, 147900, 468300, 650, 56), blob(SEED + 11, 159900, 459300, 280, 32)],
    canals: [
      curvedLine(SEED + 20, [145000, 466200], [152600, 466900], 0.03),
      curvedLine(SEED + 21, [149300, 471000], [149900, 463900], 0.03),
    ],
    places: PLACES,
    builtUp: PLACES.map((place, i) => ({
      place,
      ring: blob(
        SEED + 40 + i * 3,
        place.x,
        place.y,
        place.radiusM,
        place.rank === 'town' ? 96 : 40,
      ),
    })),
    roads,
    farms: makeFarms(roads),
  };
}
