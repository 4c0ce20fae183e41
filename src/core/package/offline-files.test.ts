import { describe, expect, test } from 'vitest';
import type { Catalogue } from '../raster/catalogue-types';
import { isPackageFileUrl, packageFileUrls, parseCachePackageMessage } from './offline-files';

const catalogue = {
  layers: [
    { id: 'organic-matter', file: 'organic-matter.tif' },
    { id: 'carbon-stock', file: 'layers/carbon-stock.tif' },
    { id: 'derived' },
    { id: 'again', file: 'organic-matter.tif' },
  ],
  context: 'context.geojson',
  outline: '../shared/outline.geojson',
} as unknown as Catalogue;

describe('packageFileUrls', () => {
  test('lists the catalogue and every file it names, absolute and once', () => {
    expect(packageFileUrls(catalogue, 'https://example.org/pkg/catalogue.json')).toEqual([
      'https://example.org/pkg/catalogue.json',
      'https://example.org/pkg/organic-matter.tif',
      'https://example.org/pkg/layers/carbon-stock.tif',
      'https://example.org/pkg/context.geojson',
      'https://example.org/shared/outline.geojson',
    ]);
  });

  test('keeps nothing of a package that lives in this page only', () => {
    expect(packageFileUrls(catalogue, 'blob:http://127.0.0.1/1234')).toEqual([]);
    expect(packageFileUrls(catalogue, 'not a url')).toEqual([]);
  });

  test('leaves out files that are blob: URLs or not package files', () => {
    const local = {
      layers: [
        { id: 'a', file: 'blob:http://127.0.0.1/5678' },
        { id: 'b', file: 'readme.txt' },
      ],
    } as unknown as Catalogue;
    expect(packageFileUrls(local, 'http://127.0.0.1/data/x/catalogue.json')).toEqual([
      'http://127.0.0.1/data/x/catalogue.json',
    ]);
  });
});

describe('isPackageFileUrl', () => {
  test('takes rasters and JSON over http(s) only', () => {
    expect(isPackageFileUrl(new URL('https://a.nl/x/layer.TIF'))).toBe(true);
    expect(isPackageFileUrl(new URL('http://a.nl/x/outline.geojson?v=2'))).toBe(true);
    expect(isPackageFileUrl(new URL('https://a.nl/tiles/1/2/3.png'))).toBe(false);
    expect(isPackageFileUrl(new URL('https://a.nl/'))).toBe(false);
    expect(isPackageFileUrl(new URL('file:///x/layer.tif'))).toBe(false);
  });
});

describe('parseCachePackageMessage', () => {
  test('accepts a list of package file URLs', () => {
    expect(
      parseCachePackageMessage({ type: 'CACHE_PACKAGE', urls: ['https://a.nl/p/catalogue.json'] }),
    ).toEqual({ type: 'CACHE_PACKAGE', urls: ['https://a.nl/p/catalogue.json'] });
  });

  test('refuses anything else', () => {
    for (const data of [
      null,
      'CACHE_PACKAGE',
      { type: 'SKIP_WAITING' },
      { type: 'CACHE_PACKAGE', urls: [] },
      { type: 'CACHE_PACKAGE', urls: [42] },
      { type: 'CACHE_PACKAGE', urls: ['/relative/catalogue.json'] },
      { type: 'CACHE_PACKAGE', urls: ['https://a.nl/index.html'] },
    ])
      expect(parseCachePackageMessage(data)).toBeNull();
  });
});
