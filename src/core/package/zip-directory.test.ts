import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { isPackageZip } from './package-source';
import { isPackageZipAt } from './zip-directory';

/** Reads from bytes in memory and records the ranges asked for. */
function reader(bytes: Uint8Array) {
  const ranges: [number, number][] = [];
  const read = async (start: number, end: number) => {
    ranges.push([start, end]);
    return bytes.slice(start, end);
  };
  return { read, ranges };
}

const big = new Uint8Array(2_000_000).map((_, i) => (i * 7919) % 251);

describe('isPackageZipAt', () => {
  test.each([
    ['catalogue at the root', { 'catalogue.json': strToU8('{}'), 'a.tif': big }, true],
    ['catalogue in one top folder', { 'p/catalogue.json': strToU8('{}'), 'p/a.tif': big }, true],
    ['an areas zip', { 'areas.shp': big, 'areas.dbf': strToU8('x') }, false],
    ['two top folders', { 'a/catalogue.json': strToU8('{}'), 'b/x.tif': big }, false],
  ])(
    '%s: same answer as the whole-file check, reading only the directory',
    async (_, files, expected) => {
      const bytes = zipSync(files, { level: 0, comment: 'a comment' });
      const { read, ranges } = reader(bytes);
      expect(await isPackageZipAt(bytes.length, read)).toBe(expected);
      expect(isPackageZip(bytes)).toBe(expected);
      const readBytes = ranges.reduce((sum, [start, end]) => sum + end - start, 0);
      expect(readBytes).toBeLessThan(70_000);
    },
  );

  test('not a zip, a cut-off zip and a tiny file answer false', async () => {
    const zip = zipSync({ 'catalogue.json': strToU8('{}') });
    for (const bytes of [
      strToU8('{"type":"FeatureCollection"}'),
      zip.slice(0, zip.length - 10),
      new Uint8Array(3),
    ]) {
      expect(await isPackageZipAt(bytes.length, reader(bytes).read)).toBe(false);
    }
  });
});
