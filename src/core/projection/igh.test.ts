import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { IGH_DY0, IGH_LOBES, ighForward, ighInverse, ighLobeOf, registerIgh } from './igh';

registerIgh();
const DEG = Math.PI / 180;
const IGH = '+proj=igh +lat_0=0 +lon_0=0 +datum=WGS84 +units=m +no_defs';
const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';
const R = 6378137;

/** A point inside each lobe (lon, lat degrees), lobes 1-12 in PROJ's numbering. */
const INSIDE: [number, number][] = [
  [-100, 60],
  [30, 60],
  [-100, 20],
  [30, 20],
  [-160, -20],
  [-60, -20],
  [20, -20],
  [140, -20],
  [-160, -60],
  [-60, -60],
  [20, -60],
  [140, -60],
];

describe('igh (Interrupted Goode Homolosine)', () => {
  it('puts each test point in its lobe', () => {
    INSIDE.forEach(([lon, lat], i) => {
      expect(ighLobeOf(lon * DEG, lat * DEG)).toBe(i + 1);
    });
  });

  it('round-trips forward and inverse to 1e-6 m over a grid of every lobe', () => {
    let worst = 0;
    IGH_LOBES.forEach((lobe, i) => {
      const north = i < 4 ? (i < 2 ? [41, 89] : [0.5, 40.5]) : i < 8 ? [-40.5, -0.5] : [-89, -41];
      for (let a = 0; a <= 10; a++) {
        for (let b = 0; b <= 10; b++) {
          const lon =
            lobe.lamMin / DEG + 0.01 + ((lobe.lamMax - lobe.lamMin) / DEG - 0.02) * (a / 10);
          const lat =
            (north[0] as number) + ((north[1] as number) - (north[0] as number)) * (b / 10);
          const [x, y] = proj4(WGS84, IGH, [lon, lat]);
          expect(ighLobeOf(lon * DEG, lat * DEG)).toBe(i + 1);
          const [lon2, lat2] = proj4(IGH, WGS84, [x, y]);
          const [x2, y2] = proj4(WGS84, IGH, [lon2, lat2]);
          worst = Math.max(worst, Math.hypot(x2 - x, y2 - y));
          expect(Math.abs(lon2 - lon)).toBeLessThan(1e-9);
          expect(Math.abs(lat2 - lat)).toBeLessThan(1e-9);
        }
      }
    });
    expect(worst).toBeLessThan(1e-6);
  });

  it('is sinusoidal between ±40°44′11.8″ and continuous at the Mollweide join', () => {
    // Sinusoidal: x = R (λ − λ0) cos φ + R λ0, y = R φ.
    const [x, y] = proj4(WGS84, IGH, [5, 30]);
    expect(x).toBeCloseTo(R * ((5 - 30) * DEG * Math.cos(30 * DEG) + 30 * DEG), 6);
    expect(y).toBeCloseTo(R * 30 * DEG, 6);
    const join = 40 + 44 / 60 + 11.8 / 3600;
    const below = ighForward(5 * DEG, (join - 1e-9) * DEG);
    const above = ighForward(5 * DEG, join * DEG);
    expect(Math.abs(above[1] - below[1])).toBeLessThan(1e-9);
    // x meets to 1e-7 rad (0.6 m): the join latitude is rounded to 0.1″ in the definition, as PROJ's.
    expect(Math.abs(above[0] - below[0])).toBeLessThan(1e-6);
    // The Mollweide lobes are lowered by |dy0| so that the pole lies at y = √2 + dy0.
    expect(ighForward(5 * DEG, 90 * DEG)[1]).toBeCloseTo(Math.SQRT2 + IGH_DY0, 9);
  });

  it('the Netherlands (lobe 2, Mollweide) maps where SoilGrids tiles put it', () => {
    const [x, y] = proj4(WGS84, IGH, [5.387, 52.155]);
    // Lobe 2: central meridian 30°E, so the Netherlands lies west of x = R·30°.
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(R * 30 * DEG);
    expect(y).toBeGreaterThan(5.5e6);
    expect(y).toBeLessThan(6.3e6);
  });

  it('the gaps between lobes have no inverse', () => {
    // South of the equator, x just east of lobe 5's eastern edge at -100° is in the interruption.
    const [lam, phi] = ighInverse(-100 * DEG + 0.3, -80 * DEG);
    expect(Number.isNaN(lam) || Number.isNaN(phi) || lam <= -100 * DEG + 1e-9).toBe(true);
  });
});
