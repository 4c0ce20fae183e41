import { describe, expect, test } from 'vitest';
import { readUserLayer, readUserLayers } from './saved-user-layers';

const good = {
  id: 'user-abcdefgh',
  role: 'carbon-stock',
  unit: 'kg/m2',
  band: null,
  source: { kind: 'url', url: 'https://example.org/soc.tif' },
  visible: true,
  opacity: 0.6,
  crs: 'EPSG:4326',
  cellWidth: 0.001,
  cellHeight: 0.0006,
  cellUnit: 'degrees',
};

describe('saved user layers (DESIGN.md 8.2)', () => {
  test('a valid layer is read as saved', () => {
    expect(readUserLayer(good)).toEqual(good);
  });

  test('a file layer keeps its name, size and whether its bytes were stored', () => {
    const file = { ...good, source: { kind: 'file', name: 'ank.tif', size: 1234, stored: true } };
    expect(readUserLayer(file)?.source).toEqual(file.source);
    const notStored = { ...good, source: { kind: 'file', name: 'big.tif', size: 9e9 } };
    expect(readUserLayer(notStored)?.source).toEqual({
      kind: 'file',
      name: 'big.tif',
      size: 9e9,
      stored: false,
    });
  });

  test.each([
    ['an unknown role', { role: 'deficit' }],
    ['a unit of another role', { unit: 'g/kg' }],
    ['a unit on a class layer', { role: 'land-use', unit: '%' }],
    ['a band of 0', { band: 0 }],
    ['a fractional band', { band: 1.5 }],
    ['a javascript: URL', { source: { kind: 'url', url: 'javascript:alert(1)' } }],
    ['a file without a name', { source: { kind: 'file', name: '', size: 1 } }],
    ['an id that is not a map id', { id: 'user-1; drop' }],
    ['no source', { source: null }],
  ])('%s is left out', (_, patch) => {
    expect(readUserLayer({ ...good, ...patch })).toBeNull();
  });

  test('an opacity out of range falls back to 0.8; a missing unit means the default', () => {
    const read = readUserLayer({ ...good, opacity: 7, unit: undefined });
    expect(read?.opacity).toBe(0.8);
    expect(read?.unit).toBeNull();
  });

  test('one layer per role and per id: the later one wins, the others are reported', () => {
    const second = { ...good, id: 'user-second' };
    const other = { ...good, id: 'user-other', role: 'sealed', unit: '%' };
    const read = readUserLayers([good, 'x', second, other, { ...other }]);
    expect(read.layers.map((layer) => layer.id)).toEqual(['user-second', 'user-other']);
    expect(read.dropped).toEqual([2, 1, 5]);
  });
});
