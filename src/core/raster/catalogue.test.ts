import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogueProblems, validateCatalogue } from './catalogue';

const demoPath = resolve(import.meta.dirname, '../../../data/demo/catalogue.json');

function demo(): Record<string, unknown> {
  return JSON.parse(readFileSync(demoPath, 'utf8')) as Record<string, unknown>;
}

type Json = Record<string, unknown>;

function layer(catalogue: Json, i: number): Json {
  return (catalogue.layers as Json[])[i] as Json;
}

function layerClass(catalogue: Json, i: number, j: number): Json {
  return (layer(catalogue, i).classes as Json[])[j] as Json;
}

describe('validateCatalogue', () => {
  test('accepts the demo catalogue with its seven layers', () => {
    const result = validateCatalogue(demo());
    expect(catalogueProblems(demo())).toEqual([]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.layers.map((l) => l.id)).toEqual([
        'organic-matter',
        'carbon-stock',
        'sealed',
        'soil-group',
        'land-use',
        'deficit',
        'potential',
      ]);
    }
  });

  test('refuses what is not an object', () => {
    for (const value of [null, 3, 'catalogue', []]) {
      const result = validateCatalogue(value);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error).toMatchObject({
          kind: 'unreadable',
          code: 'catalogue.invalid',
          params: { path: '$' },
        });
    }
  });

  const broken: [string, (c: Record<string, unknown>) => void, string][] = [
    [
      'a wrong CRS',
      (c) => {
        c.crs = 'EPSG:3857';
      },
      'crs',
    ],
    [
      'a bbox with min > max',
      (c) => {
        c.bbox_rd = [165000, 455000, 145000, 471000];
      },
      'bbox_rd',
    ],
    [
      'no layers',
      (c) => {
        c.layers = [];
      },
      'layers',
    ],
    [
      'an unknown layer id',
      (c) => {
        layer(c, 0).id = 'carbon';
      },
      'layers[0].id',
    ],
    [
      'a duplicated layer id',
      (c) => {
        layer(c, 1).id = 'organic-matter';
      },
      'layers[1].id',
    ],
    [
      'a missing English title',
      (c) => {
        layer(c, 0).title = { nl: 'Organische stof' };
      },
      'layers[0].title.en',
    ],
    [
      'a zero scale',
      (c) => {
        layer(c, 0).scale = 0;
      },
      'layers[0].scale',
    ],
    [
      'an empty range',
      (c) => {
        layer(c, 1).range = [5, 5];
      },
      'layers[1].range',
    ],
    [
      'a derived layer with a file',
      (c) => {
        layer(c, 5).file = 'deficit.tif';
      },
      'layers[5].file',
    ],
    [
      'a base layer without a file',
      (c) => {
        delete layer(c, 2).file;
      },
      'layers[2].file',
    ],
    [
      'a categorical layer without classes',
      (c) => {
        delete layer(c, 3).classes;
      },
      'layers[3].classes',
    ],
    [
      'a class name that is not DESIGN 7.1',
      (c) => {
        layerClass(c, 4, 0).name = 'arable';
      },
      'layers[4].classes[0].name',
    ],
    [
      'a bad colour',
      (c) => {
        layerClass(c, 3, 1).color = 'purple';
      },
      'layers[3].classes[1].color',
    ],
    [
      'a stock range below 1 on the high side',
      (c) => {
        layer(c, 1).stock_range = [0.87, 0.9];
      },
      'layers[1].stock_range',
    ],
    [
      'a date that is not ISO',
      (c) => {
        layer(c, 0).date = '23-11-2026';
      },
      'layers[0].date',
    ],
    [
      'a real layer in a synthetic catalogue',
      (c) => {
        layer(c, 0).synthetic = false;
      },
      'layers[0].synthetic',
    ],
  ];
  for (const [name, breakIt, path] of broken) {
    test(`refuses ${name}, naming ${path}`, () => {
      const catalogue = demo();
      breakIt(catalogue);
      const problems = catalogueProblems(catalogue);
      expect(problems.map((p) => p.path)).toContain(path);
      const result = validateCatalogue(catalogue);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.params?.count).toBe(problems.length);
    });
  }
});

/** The demo catalogue with every key of a data package (DESIGN 8.1). */
function packaged(): Json {
  const c = demo();
  c.municipality = { code: 'GM0289', name: 'Wageningen' };
  c.created = '2026-11-23';
  c.builder = { name: 'koolstofkaart', version: '0.1.0' };
  c.outline = 'outline.geojson';
  c.sources = [
    {
      id: 'bro-bodemkaart',
      title: { nl: 'BRO Bodemkaart', en: 'BRO soil map' },
      url: 'https://service.pdok.nl/bzk/bro-bodemkaart/wms/v1_0',
      sha256: 'a'.repeat(64),
      read: '2026-11-23T10:00:00Z',
      licence: 'CC0 1.0',
      request: 'https://service.pdok.nl/bzk/bro-bodemkaart/wms/v1_0?request=GetMap',
    },
  ];
  return c;
}

describe('data package keys (DESIGN 8.1)', () => {
  test('a catalogue with every package key passes, as a package too', () => {
    expect(catalogueProblems(packaged(), { package: true })).toEqual([]);
  });

  test('a localized unit passes; a unit without English does not', () => {
    const c = packaged();
    layer(c, 0).unit = { nl: 'procent', en: 'percent' };
    expect(catalogueProblems(c)).toEqual([]);
    layer(c, 0).unit = { nl: 'procent' };
    expect(catalogueProblems(c).map((p) => p.path)).toContain('layers[0].unit.en');
  });

  test('a package must carry all its keys; a bare catalogue need not', () => {
    const c = demo();
    for (const key of ['municipality', 'created', 'builder', 'outline', 'sources']) delete c[key];
    expect(catalogueProblems(c)).toEqual([]);
    expect(catalogueProblems(c, { package: true }).map((p) => p.path)).toEqual([
      'municipality',
      'created',
      'builder',
      'outline',
      'sources',
    ]);
  });

  const source = (c: Json) => (c.sources as Json[])[0] as Json;
  // [case, the object to change, key, new value (undefined: remove), path named]
  const broken: [string, (c: Json) => Json, string, unknown, string][] = [
    [
      'a municipality code without GM',
      (c) => c,
      'municipality',
      { code: '0289', name: 'W' },
      'municipality',
    ],
    ['a created date that is not ISO', (c) => c, 'created', '23 nov 2026', 'created'],
    ['a builder without version', (c) => c, 'builder', { name: 'x' }, 'builder'],
    ['an outline outside the package', (c) => c, 'outline', '../outline.geojson', 'outline'],
    ['sources that are not a list', (c) => c, 'sources', {}, 'sources'],
    ['a source without url or file', source, 'url', undefined, 'sources[0].url'],
    ['a source with a short sha256', source, 'sha256', 'abc', 'sources[0].sha256'],
    ['a source read at no time', source, 'read', 'yesterday', 'sources[0].read'],
    [
      'a stock range as an object',
      (c) => layer(c, 1),
      'stock_range',
      { low: 0.87, high: 1.15 },
      'layers[1].stock_range',
    ],
  ];
  for (const [name, part, key, value, path] of broken) {
    test(`refuses ${name}, naming ${path}`, () => {
      const c = packaged();
      const target = part(c);
      if (value === undefined) delete target[key];
      else target[key] = value;
      expect(catalogueProblems(c, { package: true }).map((p) => p.path)).toContain(path);
    });
  }

  test('in a package, a layer file must stay inside the package', () => {
    const c = packaged();
    layer(c, 0).file = '/etc/organic-matter.tif';
    expect(catalogueProblems(c)).toEqual([]);
    expect(catalogueProblems(c, { package: true }).map((p) => p.path)).toEqual(['layers[0].file']);
  });
});
