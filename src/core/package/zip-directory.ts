import { listZip } from '../parse/zip-entries';
import { packageRoot } from './package-source';

const EOCD = 0x06054b50;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535. */
const TAIL = 22 + 65_535;
/** A package's directory lists a few dozen files; a larger directory is not a package's. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

/** Reads bytes [start, end) of a file (a Blob slice in the browser, a file handle in Node). */
export type ReadRange = (start: number, end: number) => Promise<Uint8Array>;

/**
 * True for a zip of `size` bytes that holds a data package (DESIGN 8.1), read from its central
 * directory only: the tail and the directory, never the whole file, so that a huge zip picked as
 * areas is not read into memory just to see whether it is a package. Zip64 archives and anything
 * that cannot be read answer false (the areas import then refuses or reads them under its limits).
 */
export async function isPackageZipAt(size: number, read: ReadRange): Promise<boolean> {
  if (size < 22) return false;
  const tailStart = Math.max(0, size - TAIL);
  const tail = await read(tailStart, size);
  const data = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (data.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return false;
  const directorySize = data.getUint32(end + 12, true);
  const directoryOffset = data.getUint32(end + 16, true);
  if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > size) return false;
  const directory = await read(directoryOffset, directoryOffset + directorySize);
  // The directory followed by its end record, with the directory's offset rebased to 0.
  const record = tail.slice(end, end + 22);
  new DataView(record.buffer).setUint32(16, 0, true);
  const bytes = new Uint8Array(directory.length + record.length);
  bytes.set(directory);
  bytes.set(record, directory.length);
  try {
    return packageRoot(listZip(bytes).map((entry) => entry.name)) !== null;
  } catch {
    return false;
  }
}
