import { describe, expect, test } from 'vitest';
import {
  ampersandSpacesName,
  deepGeoJsonGeometry,
  deepKml,
  deepProperty,
  deepWkt,
  deflatedZeros,
  lyingKmz,
  rawZip,
  zipBomb,
} from '../../../scripts/hostile-input';
import { parseAreasFile } from './index';
import { MAX_GEOMETRY_DEPTH, MAX_XML_DEPTH } from './limits';
import { plainText } from './text';
import { xmlDepth } from './xml';

const MIB = 1024 * 1024;
const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('zip bombs are refused while they are inflated', () => {
  test('entries within the per-entry limit but beyond the total are refused as too-large', async () => {
    // 6 entries of 2 MiB against 1 MiB per entry is refused per entry; against 3 MiB each and
    // 8 MiB in total, the total is what stops it.
    const bomb = zipBomb(2 * MIB, 6);
    const result = await parseAreasFile(
      { name: 'percelen.zip', bytes: bomb },
      { maxBytes: 3 * MIB, maxUnzippedBytes: 8 * MIB },
    );
    expect(result.ok ? null : result.error).toMatchObject({
      kind: 'too-large',
      code: 'import.zipTooLarge',
    });
  });

  test('sizes the headers understate are counted, not trusted', async () => {
    const data = deflatedZeros(3 * MIB);
    const liar = rawZip(
      ['a.shp', 'a.dbf', 'b.shp', 'b.dbf'].map((name) => ({ name, data, declaredSize: 100 })),
    );
    const result = await parseAreasFile(
      { name: 'percelen.zip', bytes: liar },
      { maxBytes: 4 * MIB, maxUnzippedBytes: 8 * MIB },
    );
    expect(result.ok ? null : result.error).toMatchObject({
      kind: 'too-large',
      code: 'import.zipTooLarge',
    });
  });

  test('a KMZ that unpacks to a thousand times its size is refused for its ratio', async () => {
    const started = performance.now();
    const result = await parseAreasFile({ name: 'plan.kmz', bytes: lyingKmz(40 * MIB) });
    expect(result.ok ? null : result.error).toMatchObject({
      kind: 'too-large',
      code: 'import.zipRatio',
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  test('the 4.6 MB zip of 48 x 95 MiB is refused from its headers at once', async () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(5_000_000);
    const started = performance.now();
    const result = await parseAreasFile({ name: 'percelen.zip', bytes: bomb });
    expect(result.ok ? null : result.error).toMatchObject({ kind: 'too-large' });
    expect(performance.now() - started).toBeLessThan(1000);
  }, 30_000);
});

describe('text cleaning is linear', () => {
  test('a name of & and 100,000 spaces is cleaned in well under a second', async () => {
    const started = performance.now();
    const result = await parseAreasFile({
      name: 'plan.geojson',
      bytes: bytesOf(ampersandSpacesName(100_000)),
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.ok && result.value.areas[0]?.name.endsWith('x')).toBe(true);
  });

  test('plainText still drops spaces before line breaks and keeps the rest', () => {
    expect(plainText('a &amp; b  \t\n  c<br>\n\n\n\nd')).toBe('a & b\n  c\n\nd');
    const started = performance.now();
    expect(plainText(`<b>${' '.repeat(200_000)}x\n`)).toBe('x');
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('deep nesting is refused, or dropped where it is only in one property', () => {
  test('WKT GEOMETRYCOLLECTION nested 10,000 levels is unreadable, with a message', async () => {
    const result = await parseAreasFile({ name: 'plan.wkt', bytes: bytesOf(deepWkt(10_000)) });
    expect(result.ok ? null : result.error).toEqual({
      kind: 'unreadable',
      code: 'import.geometryTooDeep',
      params: { max: MAX_GEOMETRY_DEPTH },
    });
  });

  test('WKT nested as deep as the limit is still read', async () => {
    const result = await parseAreasFile({
      name: 'plan.wkt',
      bytes: bytesOf(deepWkt(MAX_GEOMETRY_DEPTH)),
    });
    expect(result.ok && result.value.areas.length).toBe(1);
  });

  test('GeoJSON GeometryCollections nested 10,000 levels are unreadable, with a message', async () => {
    const result = await parseAreasFile({
      name: 'plan.geojson',
      bytes: bytesOf(deepGeoJsonGeometry(10_000)),
    });
    expect(result.ok ? null : result.error).toMatchObject({
      kind: 'unreadable',
      code: 'import.geometryTooDeep',
    });
  });

  test('a property nested 2,000 levels is dropped with a warning; both features are kept', async () => {
    const result = await parseAreasFile({
      name: 'plan.geojson',
      bytes: bytesOf(deepProperty(2_000)),
    });
    expect(result.ok, JSON.stringify(result.ok ? null : result.error)).toBe(true);
    if (!result.ok) return;
    expect(result.value.areas.map((a) => a.name)).toEqual(['Veld', 'Park']);
    expect(result.value.areas[1]?.properties).toEqual({ naam: 'Park' });
    expect(result.notes).toContainEqual(
      expect.objectContaining({ kind: 'repaired', code: 'import.propertyTooDeep', feature: 2 }),
    );
    // The area crosses to the app's worker and store intact.
    expect(() => structuredClone(result.value)).not.toThrow();
  });

  test('properties nested a little are kept as they are', async () => {
    const text = deepProperty(3).replace('"extra"', '"meta"');
    const result = await parseAreasFile({ name: 'plan.geojson', bytes: bytesOf(text) });
    expect(result.ok && result.value.areas[1]?.properties.meta).toEqual({
      a: [{ a: [{ a: [1] }] }],
    });
    expect(result.ok && result.notes).toEqual([]);
  });

  test('KML nested 20,000 folders deep is refused before it is parsed', async () => {
    const started = performance.now();
    const result = await parseAreasFile({ name: 'plan.kml', bytes: bytesOf(deepKml(20_000)) });
    expect(result.ok ? null : result.error).toEqual({
      kind: 'unreadable',
      code: 'import.xmlTooDeep',
      params: { max: MAX_XML_DEPTH },
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('xmlDepth counts elements, not comments, CDATA or self-closing tags', () => {
    expect(xmlDepth('<?xml?><a><!-- <b><b> --><b/><c><![CDATA[<d><d>]]></c></a>', 10)).toBe(2);
    expect(xmlDepth(deepKml(5), 100)).toBe(12);
  });
});
