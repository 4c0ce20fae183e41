import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { boundsOf, multiPolygonArea, signedRingArea } from './geometry';
import { parseAreasFile } from './index';
import type { Position2 } from './raw';

/** The shared import fixtures (test/fixtures/imports): every case must pass. */
const root = resolve(import.meta.dirname, '../../../test/fixtures/imports');

interface Case {
  file: string;
  valid: boolean;
  crs_detected: string | null;
  polygons: number;
  total_area_ha: number | null;
  error_kind: string | null;
  features?: number | null;
  parts?: number;
  holes?: number;
  centroid_rd?: [number, number];
  bbox_rd?: [number, number, number, number];
  attribute_check?: { field: string; value: string };
}

const cases: Case[] = JSON.parse(readFileSync(`${root}/expected.json`, 'utf8'));

/** Area-weighted centroid of polygon parts (RD metres). */
function centroid(polygons: Position2[][][]): [number, number] {
  let sx = 0;
  let sy = 0;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      let a = 0;
      let cx = 0;
      let cy = 0;
      const [x0, y0] = ring[0] as Position2;
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i] as Position2;
        const [x2, y2] = ring[i + 1] as Position2;
        const cross = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
        a += cross;
        cx += (x1 - x0 + x2 - x0) * cross;
        cy += (y1 - y0 + y2 - y0) * cross;
      }
      const sign = (r === 0 ? 1 : -1) * Math.sign(signedRingArea(ring));
      sx += sign * (cx / 3 + x0 * a);
      sy += sign * (cy / 3 + y0 * a);
      total += sign * a;
    });
  }
  return [sx / total, sy / total];
}

describe('shared import fixtures', () => {
  for (const c of cases) {
    test(c.file, async () => {
      const bytes = new Uint8Array(readFileSync(`${root}/${c.file}`));
      const result = await parseAreasFile({ name: c.file.split('/').pop() as string, bytes });
      if (!c.valid) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.kind).toBe(c.error_kind);
        return;
      }
      expect(result.ok, JSON.stringify(result.ok ? null : result.error)).toBe(true);
      if (!result.ok) return;
      const file = result.value;
      expect(file.crs).toBe(c.crs_detected);
      expect(file.areas.length).toBe(c.polygons);
      if (c.features != null) expect(file.featureCount).toBe(c.features);
      const all = file.areas.flatMap((a) => a.rd);
      if (c.parts !== undefined) expect(all.length).toBe(c.parts);
      if (c.holes !== undefined) expect(all.reduce((n, p) => n + p.length - 1, 0)).toBe(c.holes);
      const areaHa = multiPolygonArea(all) / 10_000;
      expect(Math.abs(areaHa / (c.total_area_ha as number) - 1)).toBeLessThan(1e-4);
      if (c.centroid_rd) {
        const [x, y] = centroid(all);
        expect(Math.abs(x - c.centroid_rd[0])).toBeLessThan(0.5);
        expect(Math.abs(y - c.centroid_rd[1])).toBeLessThan(0.5);
      }
      if (c.bbox_rd) {
        const box = boundsOf(all);
        const expected = c.bbox_rd;
        for (let i = 0; i < 4; i++) {
          expect(Math.abs((box[i] as number) - (expected[i] as number))).toBeLessThan(0.5);
        }
      }
      if (c.attribute_check) {
        expect(file.areas[0]?.properties[c.attribute_check.field]).toBe(c.attribute_check.value);
      }
      // WGS84 output mirrors the RD geometry.
      for (const area of file.areas) {
        expect(area.wgs84.type === 'Polygon' ? 1 : area.wgs84.coordinates.length).toBe(
          area.rd.length,
        );
      }
    });
  }
});
