import { describe, expect, test } from 'vitest';
import { byteRange } from './byte-range';

describe('byteRange', () => {
  test('a range inside the file is taken as asked', () => {
    expect(byteRange('bytes=0-0', 483)).toEqual({ start: 0, end: 0 });
    expect(byteRange('bytes=100-199', 483)).toEqual({ start: 100, end: 199 });
    expect(byteRange('BYTES = 5 - 9', 10)).toEqual({ start: 5, end: 9 });
  });

  test('a range past the end is cut at the end, as servers do (geotiff.js reads 64 KiB blocks)', () => {
    expect(byteRange('bytes=0-65535', 483)).toEqual({ start: 0, end: 482 });
    expect(byteRange('bytes=400-', 483)).toEqual({ start: 400, end: 482 });
  });

  test('a suffix range is the last bytes, or the whole file when it is longer', () => {
    expect(byteRange('bytes=-100', 483)).toEqual({ start: 383, end: 482 });
    expect(byteRange('bytes=-1000', 483)).toEqual({ start: 0, end: 482 });
  });

  test('a range that starts past the end, or asks for nothing, cannot be satisfied', () => {
    expect(byteRange('bytes=483-', 483)).toBe('unsatisfiable');
    expect(byteRange('bytes=500-600', 483)).toBe('unsatisfiable');
    expect(byteRange('bytes=-0', 483)).toBe('unsatisfiable');
    expect(byteRange('bytes=0-10', 0)).toBe('unsatisfiable');
  });

  test('several ranges, other units and nonsense are answered with the whole file', () => {
    expect(byteRange('bytes=0-10,20-30', 483)).toBe('whole');
    expect(byteRange('items=0-10', 483)).toBe('whole');
    expect(byteRange('bytes=20-10', 483)).toBe('whole');
    expect(byteRange('bytes=-', 483)).toBe('whole');
    expect(byteRange('', 483)).toBe('whole');
  });
});
