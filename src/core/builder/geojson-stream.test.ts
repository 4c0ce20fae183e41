import { describe, expect, test } from 'vitest';
import { FeatureCollectionStream, GeoJsonStreamError } from './geojson-stream';
import { crsOfMember, polygonsToRd } from './source-geometry';

const TEXT = JSON.stringify(
  {
    type: 'FeatureCollection',
    name: 'a "quoted" {name}, with [brackets]',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: [
      { type: 'Feature', properties: { a: '}{][,"' }, geometry: null },
      { type: 'Feature', properties: { a: 2, nested: { b: [1, 2] } }, geometry: null },
    ],
    numberMatched: 2,
  },
  null,
  1,
);

function parse(chunks: string[]) {
  const features: unknown[] = [];
  const members: Record<string, unknown> = {};
  const stream = new FeatureCollectionStream({
    feature: (value) => features.push(value),
    member: (key, value) => {
      members[key] = value;
    },
  });
  for (const chunk of chunks) stream.push(chunk);
  stream.end();
  return { features, members };
}

describe('streaming a FeatureCollection', () => {
  test('features and members are the same wherever the chunks are cut', () => {
    const whole = parse([TEXT]);
    const expected = JSON.parse(TEXT);
    expect(whole.features).toEqual(expected.features);
    expect(whole.members).toEqual({
      type: expected.type,
      name: expected.name,
      crs: expected.crs,
      numberMatched: 2,
    });
    for (let cut = 1; cut < TEXT.length; cut += 7) {
      expect(parse([TEXT.slice(0, cut), TEXT.slice(cut)])).toEqual(whole);
    }
    expect(parse(TEXT.split(''))).toEqual(whole);
  });

  test('malformed or truncated text is an error, not silence', () => {
    expect(() => parse([TEXT.slice(0, TEXT.length - 20)])).toThrow(GeoJsonStreamError);
    expect(() => parse(['[1, 2]'])).toThrow(GeoJsonStreamError);
    expect(() => parse(['{"features": [{"a": tru}]}'])).toThrow(GeoJsonStreamError);
  });
});

describe('source geometry', () => {
  test('RD and CRS84 are taken, anything else is named', () => {
    expect(crsOfMember(undefined)).toBe('crs84');
    expect(crsOfMember({ properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe('crs84');
    expect(crsOfMember({ properties: { name: 'EPSG:28992' } })).toBe('rd');
    expect(crsOfMember({ properties: { name: 'urn:ogc:def:crs:EPSG::3857' } })).toEqual({
      unsupported: 'urn:ogc:def:crs:EPSG::3857',
    });
  });

  test('an unclosed ring is closed and counted as repaired; a degenerate one skipped', () => {
    const open = polygonsToRd(
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [10, 0],
            [10, 10],
            [0, 10],
          ],
        ],
      },
      'rd',
    );
    expect(open.ok && open.repaired).toBe(true);
    if (open.ok) expect(open.coordinates[0]?.[0]).toHaveLength(5);
    const closed = polygonsToRd(
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [10, 0],
            [10, 10],
            [0, 0],
          ],
        ],
      },
      'rd',
    );
    expect(closed.ok && !closed.repaired).toBe(true);
    expect(
      polygonsToRd(
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        'rd',
      ),
    ).toEqual({
      ok: false,
      reason: 'empty',
    });
    expect(polygonsToRd({ type: 'Point', coordinates: [0, 0] }, 'rd')).toEqual({
      ok: false,
      reason: 'not-polygon',
    });
    expect(
      polygonsToRd(
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [Number.NaN, 1],
              [1, 1],
            ],
          ],
        },
        'rd',
      ),
    ).toEqual({ ok: false, reason: 'bad-coordinates' });
  });

  test('a bow-tie is split into its lobes (repaired); a crossing ring with a hole is skipped', () => {
    const bowTie = polygonsToRd(
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [10, 10],
            [10, 0],
            [0, 10],
            [0, 0],
          ],
        ],
      },
      'rd',
    );
    expect(bowTie.ok && bowTie.repaired).toBe(true);
    if (bowTie.ok) expect(bowTie.coordinates).toHaveLength(2);
    const withHole = polygonsToRd(
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [10, 10],
            [10, 0],
            [0, 10],
            [0, 0],
          ],
          [
            [1, 4],
            [2, 4],
            [2, 6],
            [1, 4],
          ],
        ],
      },
      'rd',
    );
    expect(withHole).toEqual({ ok: false, reason: 'self-intersection' });
  });
});
