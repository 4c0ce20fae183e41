/** Deterministic irregular polygons of a given size in RD New, for benchmarks and tests. */
import { planarAreaM2 } from '../../src/core/zonal/coverage-fractions';
import { random } from './synthetic-layers';

/**
 * A simple, irregular (star-shaped, smoothed random radii) ring of `vertices` vertices around
 * `centre`, scaled to exactly `areaHa` hectares. Closed: the first position is repeated.
 */
export function blobRing(
  centre: [number, number],
  areaHa: number,
  vertices: number,
  seed = 42,
): Array<[number, number]> {
  const next = random(seed);
  // Smoothed random walk of the radius: a few low-frequency waves plus fine noise.
  const waves = Array.from({ length: 6 }, (_, k) => ({
    amplitude: (0.25 * next()) / (k + 1),
    frequency: k + 2,
    phase: next() * 2 * Math.PI,
  }));
  const unit: Array<[number, number]> = [];
  for (let i = 0; i < vertices; i++) {
    const angle = (i / vertices) * 2 * Math.PI;
    let radius = 1 + 0.02 * (next() - 0.5);
    for (const wave of waves)
      radius += wave.amplitude * Math.sin(wave.frequency * angle + wave.phase);
    unit.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
  }
  unit.push([...(unit[0] as [number, number])]);
  const scale = Math.sqrt((areaHa * 10_000) / planarAreaM2([[unit]]));
  return unit.map(([x, y]) => [centre[0] + x * scale, centre[1] + y * scale]);
}
