/**
 * Times parseAreasFile on generated parcel files (round parcels of 21 vertices around Amersfoort),
 * in RD New and in WGS84: `npx tsx scripts/import-timing.ts [count]`. Prints one line per file.
 */
import { parseAreasFile } from '../src/core/parse/index';
import { rdToWgs84 } from '../src/core/projection/rd';

function parcels(count: number, wgs84: boolean): Uint8Array {
  const features = [];
  for (let i = 0; i < count; i++) {
    const cx = 140_000 + (i % 100) * 300;
    const cy = 450_000 + Math.floor(i / 100) * 300;
    const ring: Array<readonly [number, number]> = [];
    for (let k = 0; k < 20; k++) {
      const angle = (2 * Math.PI * k) / 20;
      const p: [number, number] = [cx + 100 * Math.cos(angle), cy + 100 * Math.sin(angle)];
      ring.push(wgs84 ? rdToWgs84(p) : p);
    }
    ring.push(ring[0] as [number, number]);
    features.push({
      type: 'Feature',
      properties: { id: i },
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  }
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
}

const count = Number(process.argv[2] ?? 10_000);
for (const wgs84 of [false, true]) {
  const bytes = parcels(count, wgs84);
  const start = performance.now();
  const result = await parseAreasFile({ name: 'parcels.geojson', bytes });
  const ms = performance.now() - start;
  const areas = result.ok ? result.value.areas.length : 0;
  process.stdout.write(
    `${count} parcels, ${wgs84 ? 'WGS84' : 'RD New'}, ${(bytes.length / 1e6).toFixed(1)} MB: ${ms.toFixed(0)} ms (${areas} areas)\n`,
  );
}
