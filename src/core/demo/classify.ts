import { cellX, cellY, type Grid, rasterizeLine, rasterizePolygon } from './grid';
import { type Landscape, riverBeltY, riverY, SEED } from './landscape';
import { fractalNoise, hashUnit } from './random';

/**
 * Soil group, land use and sealed share per cell of the demo grid, from the landscape skeleton
 * and noise fields. Class codes of DESIGN.md 7.1 (src/core/raster/classes.ts); 255 is nodata.
 */

export const NODATA_CLASS = 255;
export const SOIL = { veen: 1, moerig: 2, zeeklei: 3, rivierklei: 4, zand: 5 } as const;
export const LAND = {
  akker: 1,
  grasland: 2,
  bos: 3,
  natuur: 4,
  stedelijkGroen: 5,
  bebouwd: 6,
  water: 7,
} as const;

export interface ClassRasters {
  /** 1 inside the municipality outline. */
  inside: Uint8Array;
  soilGroup: Uint8Array;
  landUse: Uint8Array;
  /** Sealed share of the cell, whole %. */
  sealed: Uint8Array;
}

/** Axis of the sandy ridge in the north-east (RD m). */
const RIDGE = { x0: 163600, y0: 471800, x1: 160200, y1: 462300, halfWidthM: 3300 };
/** Centre and semi-axes (m) of the peat polder in the north-west. */
const PEAT = { x: 149000, y: 467600, ax: 4300, ay: 3300 };
const FLOODPLAIN_M = 600;
const RIVER_CLAY_M = 2000;

function segmentDistance(x: number, y: number): number {
  const { x0, y0, x1, y1 } = RIDGE;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const t = Math.min(1, Math.max(0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
}

/** The river at one RD x: centre-line y, slope factor and meander-belt axis y. */
export interface RiverAtX {
  y: number;
  /** 1 / sqrt(1 + slope^2): turns a vertical offset into a distance. */
  cosine: number;
  beltY: number;
}

/** The river at x (computed once per grid column). */
export function riverAt(x: number): RiverAtX {
  const slope = (riverY(x + 5) - riverY(x - 5)) / 10;
  return { y: riverY(x), cosine: 1 / Math.sqrt(1 + slope * slope), beltY: riverBeltY(x) };
}

/** Main soil group at an RD point outside the river itself. */
export function soilGroupAt(x: number, y: number, river: RiverAtX = riverAt(x)): number {
  // The river-clay belt follows the meander belt (the long wave only), not every bend.
  const toRiver = Math.abs(y - river.beltY) + 380 * fractalNoise(SEED + 50, x, y, 2600, 3);
  const south = y < river.y;
  if (south) {
    // River-basin clay south of the river, with a few sandy river dunes (donken).
    return fractalNoise(SEED + 51, x, y, 1400, 3) > 0.42 && toRiver > 900
      ? SOIL.zand
      : SOIL.rivierklei;
  }
  if (toRiver < RIVER_CLAY_M) return SOIL.rivierklei;
  const ridge =
    1 - segmentDistance(x, y) / RIDGE.halfWidthM + 0.35 * fractalNoise(SEED + 52, x, y, 2500, 4);
  if (ridge > 0) return SOIL.zand;
  const ellipse = Math.hypot((x - PEAT.x) / PEAT.ax, (y - PEAT.y) / PEAT.ay);
  const peat = 1 - ellipse + 0.3 * fractalNoise(SEED + 53, x, y, 2000, 4);
  if (peat > 0.14) return SOIL.veen;
  if (peat > 0) return SOIL.moerig;
  return SOIL.zeeklei;
}

/** Parcel-wise choice: fields of about 275 x 160 m, staggered per column of parcels. */
function parcelUnit(seed: number, x: number, y: number): number {
  const px = Math.floor((x - 145000) / 275);
  const py = Math.floor((y - 455000 + hashUnit(seed, px) * 160) / 160);
  return hashUnit(seed + 1, px, py);
}

/** Peat polder strips: 200 m wide between the ditches, 600-1000 m long. */
function stripUnit(seed: number, x: number, y: number): number {
  const px = Math.floor((x - 145000 - 100) / 200);
  const length = 600 + 400 * hashUnit(seed, px);
  const py = Math.floor((y - 455000 + hashUnit(seed + 2, px) * length) / length);
  return hashUnit(seed + 1, px, py);
}

/** Land use of a rural cell by its soil group (shares per soil group, parcel by parcel). */
function ruralLandUse(soil: number, x: number, y: number, toRiverM: number): number {
  const field = parcelUnit(SEED + 60, x, y);
  if (toRiverM + 150 * fractalNoise(SEED + 61, x, y, 800, 2) < FLOODPLAIN_M)
    return field < 0.2 ? LAND.natuur : LAND.grasland;
  switch (soil) {
    case SOIL.zand: {
      if (fractalNoise(SEED + 62, x, y, 1800, 4) > 0.16) return LAND.bos;
      if (fractalNoise(SEED + 63, x, y, 1500, 4) > 0.2) return LAND.natuur;
      return field < 0.55 ? LAND.akker : LAND.grasland;
    }
    case SOIL.zeeklei:
      return field < 0.75 ? LAND.akker : LAND.grasland;
    case SOIL.rivierklei:
      return field < 0.4 ? LAND.akker : LAND.grasland;
    case SOIL.veen:
      return stripUnit(SEED + 64, x, y) < 0.08 ? LAND.natuur : LAND.grasland;
    default:
      return stripUnit(SEED + 64, x, y) < 0.25 ? LAND.akker : LAND.grasland;
  }
}

function clampPct(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

/** Classifies every cell of the grid. */
export function classifyCells(grid: Grid, landscape: Landscape): ClassRasters {
  const n = grid.width * grid.height;
  const inside = rasterizePolygon(grid, [landscape.outline]);
  const water = rasterizePolygon(grid, landscape.lakes);
  for (const canal of landscape.canals) rasterizeLine(grid, canal, water);
  const built = new Uint8Array(n);
  landscape.builtUp.forEach(({ place, ring }) => {
    rasterizePolygon(grid, [ring], built);
    // Town cells 2, village cells 1: towns are denser.
    if (place.rank === 'town')
      for (const [i, v] of rasterizePolygon(grid, [ring]).entries()) if (v) built[i] = 2;
  });
  // Roads: 2 main, 1 local.
  const roads = new Uint8Array(n);
  for (const road of landscape.roads)
    rasterizeLine(grid, road.line, roads, road.class === 'main' ? 2 : 1);
  const farms = new Uint8Array(n);
  for (const [fx, fy] of landscape.farms)
    rasterizeLine(
      grid,
      [
        [fx - 20, fy - 20],
        [fx + 20, fy + 20],
      ],
      farms,
    );

  const soilGroup = new Uint8Array(n).fill(NODATA_CLASS);
  const landUse = new Uint8Array(n).fill(NODATA_CLASS);
  const sealed = new Uint8Array(n).fill(NODATA_CLASS);
  const rivers = Array.from({ length: grid.width }, (_, col) => riverAt(cellX(grid, col)));
  for (let row = 0; row < grid.height; row++) {
    const y = cellY(grid, row);
    for (let col = 0; col < grid.width; col++) {
      const i = row * grid.width + col;
      if (!inside[i]) continue;
      const x = cellX(grid, col);
      const river = rivers[col] as RiverAtX;
      const toRiverM = Math.abs(y - river.y) * river.cosine;
      if (toRiverM <= landscape.riverHalfWidthM || water[i]) {
        landUse[i] = LAND.water;
        sealed[i] = 0;
        continue;
      }
      const soil = soilGroupAt(x, y, river);
      soilGroup[i] = soil;
      const jitter = hashUnit(SEED + 70, col, row);
      let use: number;
      let seal = 0;
      if (built[i]) {
        const park = fractalNoise(SEED + 71, x, y, 600, 3) > 0.28;
        use = park ? LAND.stedelijkGroen : LAND.bebouwd;
        const base = built[i] === 2 ? 62 : 48;
        seal = park
          ? 4 + 8 * jitter
          : base + 30 * fractalNoise(SEED + 72, x, y, 400, 2) + 16 * (jitter - 0.5);
      } else if (roads[i] === 2) {
        use = LAND.bebouwd;
        seal = 52 + 12 * jitter;
      } else if (farms[i]) {
        use = LAND.bebouwd;
        seal = 35 + 30 * jitter;
      } else {
        use = ruralLandUse(soil, x, y, toRiverM);
        // Polder ditches every 200 m in peat grassland.
        if ((soil === SOIL.veen || soil === SOIL.moerig) && use === LAND.grasland && col % 8 === 3)
          use = LAND.water;
        if (roads[i] === 1) seal = 18 + 14 * jitter;
      }
      if (use === LAND.water) {
        soilGroup[i] = NODATA_CLASS;
        seal = 0;
      }
      landUse[i] = use;
      sealed[i] = clampPct(seal);
    }
  }
  return { inside, soilGroup, landUse, sealed };
}
