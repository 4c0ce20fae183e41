import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { shapeKey } from './shape-key';

describe('shapeKey', () => {
  const ring = [
    [5.1, 52.1],
    [5.2, 52.1],
    [5.2, 52.2],
    [5.1, 52.2],
    [5.1, 52.1],
  ];
  const polygon = (coordinates: number[][]): Polygon => ({
    type: 'Polygon',
    coordinates: [coordinates],
  });

  test('is the same whichever vertex the ring starts at and whichever way it winds', () => {
    const key = shapeKey(polygon(ring));
    const rotated = [...ring.slice(2, 4), ...ring.slice(0, 3)];
    expect(shapeKey(polygon(rotated))).toBe(key);
    expect(shapeKey(polygon([...ring].reverse()))).toBe(key);
    expect(shapeKey(polygon([...rotated].reverse()))).toBe(key);
  });

  test('differs when a vertex moves, or the vertices come in another cyclic order', () => {
    const key = shapeKey(polygon(ring));
    const moved = ring.map((position, index) => (index === 2 ? [5.2000001, 52.2] : position));
    expect(shapeKey(polygon(moved))).not.toBe(key);
    // The same four vertices as a bow tie.
    const crossed = [ring[0], ring[2], ring[1], ring[3], ring[0]] as number[][];
    expect(shapeKey(polygon(crossed))).not.toBe(key);
  });

  test('tells a polygon with a hole from one without', () => {
    const hole = [
      [5.14, 52.14],
      [5.16, 52.14],
      [5.16, 52.16],
      [5.14, 52.14],
    ];
    expect(shapeKey({ type: 'Polygon', coordinates: [ring, hole] })).not.toBe(
      shapeKey(polygon(ring)),
    );
  });
});
