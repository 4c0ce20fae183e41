/**
 * One HTTP byte range (RFC 9110 section 14), as the service worker (src/sw.ts) cuts it from a file
 * it keeps whole. Unlike Workbox's RangeRequestsPlugin, a range that runs past the end is cut at
 * the end, as HTTP servers do: geotiff.js asks for the first 64 KiB of files that may be smaller.
 */
export type ByteRange =
  /** The bytes `start` to `end`, both included. */
  | { start: number; end: number }
  /** No byte of the file is in the range: answer 416. */
  | 'unsatisfiable'
  /** A header this does not serve (several ranges, another unit, nonsense): answer the whole file. */
  | 'whole';

export function byteRange(header: string, size: number): ByteRange {
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return 'whole';
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return 'whole';
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return 'whole';
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { start, end };
}
