import proj4 from 'proj4';

/**
 * Interrupted Goode Homolosine (`+proj=igh`, ESRI:54052), SoilGrids' own CRS. proj4 2.22 has no
 * `igh`, so it is written here from the projection's definition as PROJ implements it (igh.cpp):
 * 12 lobes on a sphere of radius a, sinusoidal between ±40°44'11.8" and Mollweide beyond, each
 * lobe with its own central meridian; the Mollweide lobes are shifted by dy0 so they meet the
 * sinusoidal ones at 40°44'11.8". Coordinates of the lobes are on the unit sphere, in radians.
 */

const DEG = Math.PI / 180;
const PHI_JOIN = (40 + 44 / 60 + 11.8 / 3600) * DEG;
const EPSILON = 1e-10;
const SQRT2 = Math.SQRT2;
/** Mollweide constants of PROJ's moll.cpp for p = π/2. */
const MOLL_CX = (2 * SQRT2) / Math.PI;
const MOLL_CY = SQRT2;
const MOLL_CP = Math.PI;

function mollweideForward(lam: number, phi: number): [number, number] {
  const k = MOLL_CP * Math.sin(phi);
  let theta = phi;
  let converged = false;
  for (let i = 0; i < 30; i++) {
    const step = (theta + Math.sin(theta) - k) / (1 + Math.cos(theta));
    theta -= step;
    if (Math.abs(step) < 1e-12) {
      converged = true;
      break;
    }
  }
  theta = converged ? theta / 2 : theta < 0 ? -Math.PI / 2 : Math.PI / 2;
  return [MOLL_CX * lam * Math.cos(theta), MOLL_CY * Math.sin(theta)];
}

function mollweideInverse(x: number, y: number): [number, number] {
  const theta = Math.asin(Math.max(-1, Math.min(1, y / MOLL_CY)));
  const lam = x / (MOLL_CX * Math.cos(theta));
  if (!(Math.abs(lam) < Math.PI + EPSILON)) return [Number.NaN, Number.NaN];
  const phi = Math.asin(Math.max(-1, Math.min(1, (2 * theta + Math.sin(2 * theta)) / MOLL_CP)));
  return [lam, phi];
}

/** The lobe's piece, central meridian (radians) and vertical shift (unit sphere). */
interface Lobe {
  mollweide: boolean;
  lam0: number;
  dy: number;
  /** Longitudes (radians) the lobe holds, for the inverse's check. */
  lamMin: number;
  lamMax: number;
}

/** dy0: the Mollweide y at the join must equal the sinusoidal y (= φ) there. */
export const IGH_DY0 = PHI_JOIN - mollweideForward(0, PHI_JOIN)[1];

const lobe = (mollweide: boolean, lam0: number, dy: number, min: number, max: number): Lobe => ({
  mollweide,
  lam0: lam0 * DEG,
  dy,
  lamMin: min * DEG,
  lamMax: max * DEG,
});

/** Lobes 1-12 in PROJ's numbering (index 0 is lobe 1). */
export const IGH_LOBES: readonly Lobe[] = [
  lobe(true, -100, IGH_DY0, -180, -40),
  lobe(true, 30, IGH_DY0, -40, 180),
  lobe(false, -100, 0, -180, -40),
  lobe(false, 30, 0, -40, 180),
  lobe(false, -160, 0, -180, -100),
  lobe(false, -60, 0, -100, -20),
  lobe(false, 20, 0, -20, 80),
  lobe(false, 140, 0, 80, 180),
  lobe(true, -160, -IGH_DY0, -180, -100),
  lobe(true, -60, -IGH_DY0, -100, -20),
  lobe(true, 20, -IGH_DY0, -20, 80),
  lobe(true, 140, -IGH_DY0, 80, 180),
];

/** Lobe number 1-12 of a position (radians, relative to lon_0), as PROJ's forward picks it. */
export function ighLobeOf(lam: number, phi: number): number {
  if (phi >= PHI_JOIN) return lam <= -40 * DEG ? 1 : 2;
  if (phi >= 0) return lam <= -40 * DEG ? 3 : 4;
  const south = phi >= -PHI_JOIN ? 5 : 9;
  if (lam <= -100 * DEG) return south;
  if (lam <= -20 * DEG) return south + 1;
  if (lam <= 80 * DEG) return south + 2;
  return south + 3;
}

/** Forward on the unit sphere: (λ, φ) radians → (x, y). */
export function ighForward(lam: number, phi: number): [number, number] {
  const piece = IGH_LOBES[ighLobeOf(lam, phi) - 1] as Lobe;
  const dl = lam - piece.lam0;
  const [x, y] = piece.mollweide ? mollweideForward(dl, phi) : [dl * Math.cos(phi), phi];
  return [x + piece.lam0, y + piece.dy];
}

/** Inverse on the unit sphere: (x, y) → (λ, φ) radians; NaN in the gaps between lobes. */
export function ighInverse(x: number, y: number): [number, number] {
  const y90 = IGH_DY0 + SQRT2;
  if (y > y90 + EPSILON || y < -y90 + EPSILON) return [Number.NaN, Number.NaN];
  let zone: number;
  if (y >= PHI_JOIN) zone = x <= -40 * DEG ? 1 : 2;
  else if (y >= 0) zone = x <= -40 * DEG ? 3 : 4;
  else {
    const south = y >= -PHI_JOIN ? 5 : 9;
    if (x <= -100 * DEG) zone = south;
    else if (x <= -20 * DEG) zone = south + 1;
    else if (x <= 80 * DEG) zone = south + 2;
    else zone = south + 3;
  }
  const piece = IGH_LOBES[zone - 1] as Lobe;
  const u = x - piece.lam0;
  const v = y - piece.dy;
  let lam: number;
  let phi: number;
  if (piece.mollweide) [lam, phi] = mollweideInverse(u, v);
  else {
    phi = v;
    lam = Math.abs(phi) < Math.PI / 2 ? u / Math.cos(phi) : 0;
  }
  lam += piece.lam0;
  if (!(lam >= piece.lamMin - EPSILON && lam <= piece.lamMax + EPSILON)) {
    return [Number.NaN, Number.NaN];
  }
  return [lam, phi];
}

function wrapLon(lam: number): number {
  return lam > Math.PI || lam < -Math.PI
    ? lam - 2 * Math.PI * Math.round(lam / (2 * Math.PI))
    : lam;
}

interface IghThis {
  a: number;
  long0?: number;
  x0?: number;
  y0?: number;
}

interface XY {
  x: number;
  y: number;
}

const ighProjection = {
  names: ['igh', 'Interrupted_Goode_Homolosine'],
  init(this: IghThis) {
    // A sphere of radius a, as PROJ's igh (es = 0): latitudes are used as given.
  },
  forward(this: IghThis, p: XY): XY {
    const [x, y] = ighForward(wrapLon(p.x - (this.long0 ?? 0)), p.y);
    p.x = this.a * x + (this.x0 ?? 0);
    p.y = this.a * y + (this.y0 ?? 0);
    return p;
  },
  inverse(this: IghThis, p: XY): XY {
    const [lam, phi] = ighInverse((p.x - (this.x0 ?? 0)) / this.a, (p.y - (this.y0 ?? 0)) / this.a);
    p.x = wrapLon(lam + (this.long0 ?? 0));
    p.y = phi;
    return p;
  },
};

let registered = false;

/** Adds `+proj=igh` to proj4 (once). */
export function registerIgh(): void {
  if (registered) return;
  registered = true;
  const projections = (proj4 as unknown as { Proj: { projections: { add(p: unknown): void } } })
    .Proj.projections;
  projections.add(ighProjection);
}
