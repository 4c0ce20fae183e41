import { expect, test } from 'vitest';
import { looksLikeAreasText } from './file-drop';

test('pasted GeoJSON and polygon WKT are taken as areas', () => {
  for (const text of [
    '{"type":"FeatureCollection","features":[]}',
    '  [ {"type":"Feature"} ]',
    'POLYGON((0 0,1 0,1 1,0 0))',
    'multipolygon (((0 0,1 0,1 1,0 0)))',
    'SRID=28992;POLYGON((0 0,1 0,1 1,0 0))',
    '\n GEOMETRYCOLLECTION(POLYGON((0 0,1 0,1 1,0 0)))',
  ]) {
    expect(looksLikeAreasText(text), text).toBe(true);
  }
});

test('other pasted text is left alone', () => {
  for (const text of ['', 'Gouda', 'https://example.org', 'POINT(5 52)', 'x POLYGON((0 0))']) {
    expect(looksLikeAreasText(text), text).toBe(false);
  }
});
