import { open } from 'node:fs/promises';
import { fail, ok, type Result } from '../../src/core/result';

const MB = 1024 * 1024;
/** Bytes read at a time. */
const CHUNK = MB;

/**
 * Reads a file of at most `maxBytes` bytes. The size is checked before reading (stat), and again
 * while reading with a counter, because character devices (`/dev/zero`), pipes and files that
 * grow report a size of 0 or too small a size: reading stops one chunk past the limit.
 * Returns `too-large` (`tooLargeCode`, default import.fileTooLarge) beyond the limit, `unreadable` (`unreadableCode`) when
 * the file cannot be opened or read.
 */
export async function readBounded(
  file: string,
  maxBytes: number,
  unreadableCode: string,
  tooLargeCode = 'import.fileTooLarge',
): Promise<Result<Uint8Array>> {
  const tooLarge = (size: number | string) =>
    fail<Uint8Array>('too-large', tooLargeCode, {
      sizeMb: size,
      maxMb: Math.floor(maxBytes / MB),
    });
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch {
    return fail('unreadable', unreadableCode, { file });
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return fail('unreadable', unreadableCode, { file });
    if (stats.size > maxBytes) return tooLarge(Math.ceil(stats.size / MB));
    let buffer = new Uint8Array(Math.max(CHUNK, Math.min(stats.size + 1, maxBytes + 1)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const grown = new Uint8Array(Math.min(buffer.length * 2, maxBytes + CHUNK));
        grown.set(buffer);
        buffer = grown;
      }
      const want = Math.min(CHUNK, buffer.length - length);
      const { bytesRead } = await handle.read(buffer, length, want, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return tooLarge(`>${Math.floor(maxBytes / MB)}`);
    }
    return ok(buffer.subarray(0, length));
  } catch {
    return fail('unreadable', unreadableCode, { file });
  } finally {
    await handle.close();
  }
}
