import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { multiPolygonArea } from '../core/parse/geometry';
import type { Position2 } from '../core/parse/raw';
import { rdToWgs84, wgs84ToRd } from '../core/projection/rd';
import { checkEditedShape } from './draw-shape-check';

/** A square in RD New, as WGS84 [lon, lat]. */
function square(x: number, y: number, size: number): Position2[] {
  const rd: Position2[] = [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
  return rd.map((p) => rdToWgs84(p) as Position2);
}

const areaHa = (geometry: Polygon | MultiPolygon) => {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return (
    multiPolygonArea(
      parts.map((rings) =>
        rings.map((ring) =>
          ring.map((p) => wgs84ToRd([p[0] as number, p[1] as number]) as Position2),
        ),
      ),
    ) / 10_000
  );
};

describe('an area edited in Select is checked by the import’s rules', () => {
  test('a simple polygon passes unchanged', () => {
    const geometry: Polygon = { type: 'Polygon', coordinates: [square(155_000, 463_000, 200)] };
    expect(checkEditedShape(geometry)).toEqual({ ok: true, geometry, notice: null });
  });

  test('a part dragged onto another part is merged with a notice: 6 ha, not 8', () => {
    const geometry: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(155_000, 463_000, 200)], [square(155_100, 463_000, 200)]],
    };
    const checked = checkEditedShape(geometry);
    expect(checked.ok && checked.notice?.code).toBe('draw.partsDissolved');
    if (!checked.ok) return;
    expect(checked.geometry.type).toBe('Polygon');
    expect(areaHa(checked.geometry)).toBeCloseTo(6, 3);
  });

  test('a hole left outside the outline is dropped with a notice', () => {
    const geometry: Polygon = {
      type: 'Polygon',
      coordinates: [square(155_000, 463_000, 200), square(155_400, 463_000, 50)],
    };
    const checked = checkEditedShape(geometry);
    expect(checked.ok && checked.notice?.code).toBe('draw.holeOutsideDropped');
    if (!checked.ok) return;
    expect(checked.geometry).toEqual({ type: 'Polygon', coordinates: [geometry.coordinates[0]] });
  });

  test('a hole that now contains the outline refuses the edit, saying where', () => {
    const geometry: Polygon = {
      type: 'Polygon',
      coordinates: [square(155_000, 463_000, 200), square(154_900, 462_900, 400)],
    };
    const checked = checkEditedShape(geometry);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.code).toBe('draw.holeRefused');
    expect(checked.where).toMatch(/^15\d{4}, 46\d{4}$/);
  });

  test('a part moved apart from the others is kept as it is', () => {
    const geometry: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(155_000, 463_000, 200)], [square(156_000, 463_000, 200)]],
    };
    expect(checkEditedShape(geometry)).toEqual({ ok: true, geometry, notice: null });
  });
});
