import { Inflate } from 'fflate';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else cannot be read. */
  method: number;
  encrypted: boolean;
  /** Compressed size from the central directory (bounded by the file). */
  compressedSize: number;
  /** Uncompressed size as the headers claim it: a hint only, never trusted for memory. */
  declaredSize: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** Thrown when the zip's structure cannot be read. */
export class ZipCorrupt extends Error {}

/** Thrown by `inflateEntry` when the entry grows beyond its budget while it is inflated. */
export class ZipBudgetExceeded extends Error {
  constructor(readonly reason: 'entry' | 'total' | 'ratio') {
    super(reason);
  }
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(data: DataView, offset: number): number {
  return data.getUint32(offset, true) + data.getUint32(offset + 4, true) * 2 ** 32;
}

function nameOf(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8').decode(bytes);
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/**
 * Lists a zip's entries from its central directory, without inflating anything. Throws
 * `ZipCorrupt` when the directory is missing (a truncated download) or points outside the file.
 */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (data.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipCorrupt('no end of central directory');
  let count = data.getUint16(end + 10, true);
  let offset = data.getUint32(end + 16, true);
  if ((count === 0xffff || offset === MAX32) && end >= 20) {
    if (data.getUint32(end - 20, true) === EOCD64_LOCATOR) {
      const at = u64(data, end - 12);
      if (at + 56 > bytes.length || data.getUint32(at, true) !== EOCD64)
        throw new ZipCorrupt('zip64');
      count = u64(data, at + 32);
      offset = u64(data, at + 48);
    }
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || data.getUint32(offset, true) !== CENTRAL)
      throw new ZipCorrupt('central directory');
    const flags = data.getUint16(offset + 8, true);
    const method = data.getUint16(offset + 10, true);
    let compressedSize = data.getUint32(offset + 20, true);
    let declaredSize = data.getUint32(offset + 24, true);
    const nameLength = data.getUint16(offset + 28, true);
    const extraLength = data.getUint16(offset + 30, true);
    const commentLength = data.getUint16(offset + 32, true);
    let local = data.getUint32(offset + 42, true);
    const nameStart = offset + 46;
    const extraStart = nameStart + nameLength;
    if (extraStart + extraLength > bytes.length) throw new ZipCorrupt('central directory');
    // Zip64: the 32-bit fields that overflowed are in the extra field 0x0001, in this order.
    for (let e = extraStart; e + 4 <= extraStart + extraLength; ) {
      const id = data.getUint16(e, true);
      const size = data.getUint16(e + 2, true);
      if (id === 1) {
        let p = e + 4;
        const take = () => {
          const value = p + 8 <= e + 4 + size ? u64(data, p) : 0;
          p += 8;
          return value;
        };
        if (declaredSize === MAX32) declaredSize = take();
        if (compressedSize === MAX32) compressedSize = take();
        if (local === MAX32) local = take();
      }
      e += 4 + size;
    }
    entries.push({
      name: nameOf(bytes.subarray(nameStart, extraStart), (flags & 0x800) !== 0),
      method,
      encrypted: (flags & 1) !== 0,
      compressedSize,
      declaredSize,
      offset: local,
    });
    offset = extraStart + extraLength + commentLength;
  }
  return entries;
}

/** Input is fed to the inflater in slices this large, so one step inflates a bounded amount. */
const SLICE = 4096;

/** Limits of one `inflateEntry` call. */
export interface InflateBudget {
  /** Most bytes this entry may unpack to. */
  maxEntryBytes: number;
  /** Most bytes still allowed for all entries together. */
  remainingTotal: number;
  /** Most uncompressed bytes per compressed byte, once an entry is larger than `ratioFrom`. */
  maxRatio: number;
  ratioFrom: number;
}

/**
 * Inflates one entry, counting bytes as they come: stops with `ZipBudgetExceeded` as soon as the
 * entry exceeds its budget, whatever its headers claim. Throws `ZipCorrupt` for broken data.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
): Uint8Array {
  const data = view(bytes);
  const at = entry.offset;
  if (at + 30 > bytes.length || data.getUint32(at, true) !== LOCAL)
    throw new ZipCorrupt('local header');
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipCorrupt('entry outside the file');
  if (entry.encrypted) throw new ZipCorrupt('encrypted');
  const compressed = bytes.subarray(start, end);
  const limit = Math.min(budget.maxEntryBytes, budget.remainingTotal);
  const check = (size: number) => {
    if (size > budget.maxEntryBytes) throw new ZipBudgetExceeded('entry');
    if (size > budget.remainingTotal) throw new ZipBudgetExceeded('total');
    if (size > budget.ratioFrom && size > budget.maxRatio * Math.max(1, compressed.length))
      throw new ZipBudgetExceeded('ratio');
  };
  if (entry.method === 0) {
    check(compressed.length);
    return compressed.slice();
  }
  if (entry.method !== 8) throw new ZipCorrupt(`compression method ${entry.method}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    check(size);
    chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let i = 0; i < compressed.length && !finished; i += SLICE) {
      const last = i + SLICE >= compressed.length;
      inflate.push(compressed.subarray(i, Math.min(compressed.length, i + SLICE)), last);
    }
    if (compressed.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipBudgetExceeded) throw error;
    throw new ZipCorrupt(error instanceof Error ? error.message : String(error));
  }
  if (size > limit) throw new ZipBudgetExceeded(size > budget.maxEntryBytes ? 'entry' : 'total');
  const out = new Uint8Array(size);
  let p = 0;
  for (const chunk of chunks) {
    out.set(chunk, p);
    p += chunk.length;
  }
  return out;
}
