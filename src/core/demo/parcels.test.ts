import kinks from '@turf/kinks';
import { describe, expect, test } from 'vitest';
import { wgs84ToRd } from '../projection/rd';
import { DEMO_BBOX_RD, generateParcels } from './parcels';

describe('generated parcels', () => {
  const parcels = generateParcels(2000);

  test('1-10 ha, 5-30 vertices, inside the demo box, unique ids', () => {
    const [minX, minY, maxX, maxY] = DEMO_BBOX_RD;
    const areas = parcels.map((parcel) => parcel.areaHa);
    expect(Math.min(...areas)).toBeGreaterThanOrEqual(1 - 1e-9);
    expect(Math.max(...areas)).toBeLessThanOrEqual(10 + 1e-9);
    const rings = parcels.map((parcel) => parcel.rd[0]?.[0] ?? []);
    const vertices = rings.map((ring) => ring.length - 1);
    expect(Math.min(...vertices)).toBe(5);
    expect(Math.max(...vertices)).toBe(30);
    expect(rings.every((ring) => ring[0]?.join() === ring.at(-1)?.join())).toBe(true);
    const points = rings.flat();
    expect(Math.min(...points.map(([x]) => x))).toBeGreaterThan(minX - 1000);
    expect(Math.max(...points.map(([x]) => x))).toBeLessThan(maxX + 1000);
    expect(Math.min(...points.map(([, y]) => y))).toBeGreaterThan(minY - 1000);
    expect(Math.max(...points.map(([, y]) => y))).toBeLessThan(maxY + 1000);
    expect(new Set(parcels.map((parcel) => parcel.id)).size).toBe(parcels.length);
  });

  test('the WGS84 outline is the RD outline, and no outline crosses itself', () => {
    for (const parcel of parcels.slice(0, 300)) {
      const rd = parcel.rd[0]?.[0] ?? [];
      parcel.geometry.coordinates[0]?.forEach((position, index) => {
        const [x, y] = wgs84ToRd([position[0] as number, position[1] as number]);
        expect(Math.hypot(x - (rd[index]?.[0] ?? 0), y - (rd[index]?.[1] ?? 0))).toBeLessThan(0.01);
      });
      expect(kinks(parcel.geometry).features).toHaveLength(0);
    }
  });

  test('the same seed gives the same parcels, another seed others', () => {
    expect(generateParcels(2000).slice(0, 50)).toEqual(parcels.slice(0, 50));
    expect(generateParcels(50, { seed: 1 })[0]?.rd).not.toEqual(parcels[0]?.rd);
  });
});
