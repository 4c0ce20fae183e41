import kinks from '@turf/kinks';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { rdToWgs84 } from '../projection/rd';
import { multiPolygonArea, signedRingArea } from './geometry';
import { parseAreasFile } from './index';
import type { Position2 } from './raw';
import { findSelfIntersection } from './self-intersection';

const encode = (text: string) => new TextEncoder().encode(text);
const parse = (name: string, text: string, options?: Parameters<typeof parseAreasFile>[1]) =>
  parseAreasFile({ name, bytes: encode(text) }, options);

/** A square in RD New around Amersfoort, closed, counter-clockwise. */
function square(x: number, y: number, size: number): Position2[] {
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
}

function rdCollection(
  features: Array<{ properties?: Record<string, unknown>; id?: unknown; rings: Position2[][] }>,
  crs = 'EPSG:28992',
): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: crs } },
    features: features.map((f) => ({
      type: 'Feature',
      ...(f.id === undefined ? {} : { id: f.id }),
      properties: f.properties ?? {},
      geometry: { type: 'Polygon', coordinates: f.rings },
    })),
  });
}

describe('ids and names (DESIGN.md 7.1)', () => {
  test('properties.id, else the GeoJSON id, else name/naam, else the index; always a string', async () => {
    const ring = square(155_000, 463_000, 100);
    const result = await parse(
      'a.geojson',
      rdCollection([
        { properties: { id: 7, name: 'x' }, id: 'g', rings: [ring] },
        { id: 12, properties: { naam: 'Akker' }, rings: [ring] },
        { properties: { naam: 'Weide' }, rings: [ring] },
        { properties: { Name: 'Bos' }, rings: [ring] },
        { properties: { title: 'Park' }, rings: [ring] },
      ]),
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.areas.map((a) => a.id)).toEqual(['7', '12', 'Weide', '4', '5']);
    expect(result.value.areas.map((a) => a.name)).toEqual(['x', 'Akker', 'Weide', 'Bos', 'Park']);
  });

  test('KML names and descriptions are plain text; scripts do not survive', async () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>Plannen</name>
      <Placemark><name>&lt;b&gt;Veld&lt;/b&gt; 1</name>
      <description><![CDATA[<p>Zie <a href="https://example.com">link</a></p><script>alert(1)</script><img src=x onerror=alert(2)>]]></description>
      <ExtendedData><Data name="eigenaar"><value>Gemeente</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>5.38,52.15,0 5.39,52.15,0 5.39,52.16,0 5.38,52.16,0 5.38,52.15,0</coordinates></LinearRing></outerBoundaryIs></Polygon>
      </Placemark></Folder></Document></kml>`;
    const result = await parse('a.kml', kml);
    if (!result.ok) throw new Error(result.error.code);
    const area = result.value.areas[0];
    expect(area?.name).toBe('Veld 1');
    expect(area?.properties.description).toBe('Zie link');
    expect(area?.properties.eigenaar).toBe('Gemeente');
    expect(area?.properties.folder).toBe('Plannen');
    expect(JSON.stringify(area?.properties)).not.toMatch(/<|alert/);
  });
});

describe('geometry', () => {
  test('outer rings counter-clockwise and holes clockwise, in RD and WGS84', async () => {
    const outer = square(155_000, 463_000, 300).reverse();
    const hole = square(155_100, 463_100, 50);
    const result = await parse('a.geojson', rdCollection([{ rings: [outer, hole] }]));
    if (!result.ok) throw new Error(result.error.code);
    const area = result.value.areas[0];
    if (area?.wgs84.type !== 'Polygon') throw new Error('polygon expected');
    expect(signedRingArea(area.rd[0]?.[0] as Position2[])).toBeGreaterThan(0);
    expect(signedRingArea(area.rd[0]?.[1] as Position2[])).toBeLessThan(0);
    expect(signedRingArea(area.wgs84.coordinates[0] as Position2[])).toBeGreaterThan(0);
    expect(signedRingArea(area.wgs84.coordinates[1] as Position2[])).toBeLessThan(0);
    expect(multiPolygonArea(area.rd)).toBeCloseTo(300 * 300 - 50 * 50, 6);
  });

  test('declared CRS names: OGC URL, EPSG code and CRS84', async () => {
    const rd = square(155_000, 463_000, 100);
    for (const crs of [
      'http://www.opengis.net/def/crs/EPSG/0/28992',
      'EPSG:28992',
      'urn:ogc:def:crs:EPSG::28992',
    ]) {
      const result = await parse('a.geojson', rdCollection([{ rings: [rd] }], crs));
      expect(result.ok && result.value.crs).toBe('EPSG:28992');
    }
    const lonLat = rd.map((p) => rdToWgs84(p)) as Position2[];
    const result = await parse(
      'a.geojson',
      rdCollection([{ rings: [lonLat] }], 'urn:ogc:def:crs:OGC:1.3:CRS84'),
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.crs).toBe('EPSG:4326');
    expect(multiPolygonArea(result.value.areas[0]?.rd ?? [])).toBeCloseTo(10_000, 1);
  });

  test('a GPX track whose ends are 5 m apart is closed into an area with a notice', async () => {
    const ring = square(155_000, 463_000, 200).slice(0, 4);
    ring.push([155_000, 463_005]);
    const points = ring
      .map((p) => rdToWgs84(p))
      .map(([lon, lat]) => `<trkpt lat="${lat}" lon="${lon}"/>`);
    const gpx = `<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Rondje</name><trkseg>${points.join('')}</trkseg></trk></gpx>`;
    const result = await parse('a.gpx', gpx);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.areas[0]?.name).toBe('Rondje');
    expect(result.notes.map((n) => n.kind)).toEqual(['ring-closed']);
    expect(multiPolygonArea(result.value.areas[0]?.rd ?? [])).toBeCloseTo(200 * 200, 0);
  });

  test('several WKT lines are several areas', async () => {
    const result = await parse(
      'a.wkt',
      'POLYGON((155000 463000,155100 463000,155100 463100,155000 463000))\nSRID=28992;POLYGON((156000 463000,156100 463000,156100 463100,156000 463000))\n',
    );
    expect(result.ok && result.value.areas.map((a) => a.id)).toEqual(['1', '2']);
  });

  test('a serpentine of 100,000 long furrows is checked quickly (no quadratic sweep)', () => {
    const ring: Position2[] = [
      [-10, 0],
      [1_000, 0],
    ];
    for (let row = 1; row < 50_000; row++) {
      if (row % 2) ring.push([1_000, row], [0, row]);
      else ring.push([0, row], [1_000, row]);
    }
    ring.push([-10, 49_999], [-10, 0]);
    const start = performance.now();
    expect(findSelfIntersection([ring])).toBeNull();
    expect(performance.now() - start).toBeLessThan(5_000);
    // The same outline with one furrow pushed across its neighbour is caught.
    const crossed = ring.map((p): Position2 => (p[1] === 20_001 ? [p[0], 20_002.5] : p));
    expect(findSelfIntersection([crossed])).not.toBeNull();
  });

  test('the self-intersection finder agrees with @turf/kinks on random small rings', () => {
    const coordinate = fc.integer({ min: 0, max: 20 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coordinate, coordinate), { minLength: 3, maxLength: 7 }),
        (points) => {
          const open = points.filter((p, i) => {
            const next = points[(i + 1) % points.length] as [number, number];
            return p[0] !== next[0] || p[1] !== next[1];
          });
          fc.pre(open.length >= 3);
          // Skip rings with collinear triples: kinks and OGC differ on touching and overlapping edges.
          for (let i = 0; i < open.length; i++) {
            for (let j = i + 1; j < open.length; j++) {
              for (let k = j + 1; k < open.length; k++) {
                const [a, b, c] = [open[i], open[j], open[k]] as [number, number][];
                fc.pre((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) !== 0);
              }
            }
          }
          const ring = [...open, open[0]] as Position2[];
          const turf = kinks({ type: 'Polygon', coordinates: [ring] }).features.length > 0;
          expect(findSelfIntersection([ring]) !== null).toBe(turf);
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe('limits', () => {
  test('10,000 features import; more than maxFeatures is too large', async () => {
    const features = Array.from({ length: 10_000 }, (_, i) => ({
      rings: [square(140_000 + (i % 100) * 100, 450_000 + Math.floor(i / 100) * 100, 50)],
    }));
    const text = rdCollection(features);
    const result = await parse('a.geojson', text);
    expect(result.ok && result.value.areas.length).toBe(10_000);
    const refused = await parse('a.geojson', text, { maxFeatures: 9_999 });
    expect(refused.ok ? null : refused.error).toMatchObject({
      kind: 'too-large',
      code: 'import.tooManyFeatures',
    });
  });

  test('a polygon of 100,000 vertices imports; one over maxVertices is refused with the count', async () => {
    const n = 100_000;
    const ring: Position2[] = Array.from({ length: n }, (_, i) => [
      155_000 + 1_000 * Math.cos((2 * Math.PI * i) / n),
      463_000 + 1_000 * Math.sin((2 * Math.PI * i) / n),
    ]);
    ring.push(ring[0] as Position2);
    const text = rdCollection([{ rings: [ring] }, { rings: [square(158_000, 463_000, 100)] }]);
    const result = await parse('a.geojson', text);
    if (!result.ok) throw new Error(result.error.code);
    expect(multiPolygonArea(result.value.areas[0]?.rd ?? []) / 1e4).toBeCloseTo(Math.PI * 100, 2);
    const limited = await parse('a.geojson', text, { maxVertices: 50_000 });
    if (!limited.ok) throw new Error(limited.error.code);
    expect(limited.value.areas.length).toBe(1);
    expect(limited.notes).toContainEqual({
      kind: 'too-large',
      code: 'import.tooManyVertices',
      params: { count: n + 1, max: 50_000 },
      feature: 1,
    });
  });

  test('a 51 MB file imports (a photo embedded as a property); over maxBytes is too large', async () => {
    const photo = 'A'.repeat(51 * 1024 * 1024);
    const text = rdCollection([
      { properties: { foto: photo }, rings: [square(155_000, 463_000, 100)] },
    ]);
    const result = await parse('a.geojson', text);
    expect(result.ok && result.value.areas.length).toBe(1);
    const refused = await parse('a.geojson', text, { maxBytes: 50 * 1024 * 1024 });
    expect(refused.ok ? null : refused.error).toMatchObject({
      kind: 'too-large',
      code: 'import.fileTooLarge',
      params: { sizeMb: 52, maxMb: 50 },
    });
  });
});

describe('whole-file limits', () => {
  test('a file over the default 100 MiB is refused before it is read', async () => {
    const result = await parseAreasFile({
      name: 'groot.geojson',
      bytes: new Uint8Array(101 * 1024 * 1024),
    });
    expect(result.ok ? null : result.error).toMatchObject({
      kind: 'too-large',
      code: 'import.fileTooLarge',
      params: { sizeMb: 101, maxMb: 100 },
    });
  });

  test('a zip entry that unpacks beyond maxBytes is refused (zip bomb)', async () => {
    const bomb = zipSync(
      { 'a.shp': new Uint8Array(4 * 1024 * 1024), 'a.dbf': new Uint8Array(10) },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(64 * 1024);
    const result = await parseAreasFile({ name: 'a.zip', bytes: bomb }, { maxBytes: 1024 * 1024 });
    expect(result.ok ? null : result.error.kind).toBe('too-large');
  });
});

describe('rings of one polygon', () => {
  test('a hole crossing its outer ring is a self-intersection, with the place', async () => {
    const outer = square(155_000, 463_000, 100);
    const hole = square(155_050, 463_050, 100).reverse();
    const result = await parse('a.geojson', rdCollection([{ rings: [outer, hole] }]));
    if (result.ok) throw new Error('refusal expected');
    expect(result.error.kind).toBe('self-intersection');
    // The outlines cross twice; either place is right.
    const { x, y } = result.error.params ?? {};
    expect([
      [155_100, 463_050],
      [155_050, 463_100],
    ]).toContainEqual([x, y]);
  });
});

describe('repair on request', () => {
  const bowtie: Position2[] = [
    [155_000, 463_000],
    [155_300, 463_200],
    [155_300, 463_000],
    [155_000, 463_200],
    [155_000, 463_000],
  ];

  test('a bow-tie is split into its two lobes when asked, with a notice saying where', async () => {
    const text = rdCollection([{ rings: [bowtie] }]);
    const refused = await parse('a.geojson', text);
    expect(refused.ok ? null : refused.error.kind).toBe('self-intersection');
    const result = await parse('a.geojson', text, { repairSelfIntersections: true });
    if (!result.ok) throw new Error(result.error.code);
    const area = result.value.areas[0];
    expect(area?.rd.length).toBe(2);
    expect(area?.wgs84.type).toBe('MultiPolygon');
    // Two triangles of base 200 m and height 150 m.
    expect(multiPolygonArea(area?.rd ?? [])).toBeCloseTo(30_000, 3);
    expect(result.notes).toEqual([
      {
        kind: 'repaired',
        code: 'import.selfIntersectionSplit',
        params: {
          x: 155_150,
          y: 463_100,
          lon: expect.any(Number),
          lat: expect.any(Number),
          parts: 2,
        },
        feature: 1,
      },
    ]);
  });

  test('an outline with holes is still refused', async () => {
    const hole = square(155_010, 463_090, 5).reverse();
    const result = await parse('a.geojson', rdCollection([{ rings: [bowtie, hole] }]), {
      repairSelfIntersections: true,
    });
    expect(result.ok ? null : result.error.kind).toBe('self-intersection');
  });
});

describe('progress and cancel', () => {
  test('progress ends at 1; an aborted signal rejects', async () => {
    const text = rdCollection([{ rings: [square(155_000, 463_000, 100)] }]);
    const seen: number[] = [];
    await parse('a.geojson', text, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await expect(parse('a.geojson', text, { signal: controller.signal })).rejects.toThrow();
  });
});
