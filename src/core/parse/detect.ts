import { looksBinary } from './text';
import { WKT_START } from './wkt';

/** What the bytes of a file are, judged by content first and by the extension as a hint. */
export type Detected =
  | 'zip'
  | 'json'
  | 'xml'
  | 'wkt'
  | 'geopackage'
  | 'dxf'
  | 'shp'
  | 'dbf'
  | 'html'
  | 'binary'
  | 'text';

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Detects the kind of content; `text` is the decoded start of the file when it is text. */
export function detect(bytes: Uint8Array, head: string, name: string): Detected {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return 'zip';
  }
  if (
    startsWith(
      bytes,
      [...'SQLite format 3'].map((c) => c.charCodeAt(0)),
    )
  )
    return 'geopackage';
  // A shapefile main file starts with the big-endian file code 9994.
  if (startsWith(bytes, [0x00, 0x00, 0x27, 0x0a])) return 'shp';
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (extension === 'dbf' && (bytes[0] === 0x03 || bytes[0] === 0x83 || bytes[0] === 0x8b))
    return 'dbf';
  if (looksBinary(bytes)) return 'binary';
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  if (/^<!doctype html|^<html[\s>]/i.test(text)) return 'html';
  if (text.startsWith('<')) {
    return /<html[\s>]/i.test(text.slice(0, 2000)) && !/<(kml|gpx)[\s>]/i.test(text)
      ? 'html'
      : 'xml';
  }
  if (WKT_START.test(text)) return 'wkt';
  // DXF: group code 0 then SECTION, or a comment (999) first.
  if (/^(0\s*\r?\n\s*SECTION|999\s*\r?\n)/.test(text)) return 'dxf';
  return 'text';
}
