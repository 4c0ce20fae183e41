import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readBounded } from './read-bounded';

const dir = mkdtempSync(join(tmpdir(), 'kk-read-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a file of exactly the limit is read whole; one byte more is too-large', async () => {
  const limit = 3 * 1024 * 1024 + 5;
  writeFileSync(join(dir, 'exact'), new Uint8Array(limit).fill(7));
  writeFileSync(join(dir, 'over'), new Uint8Array(limit + 1));
  const exact = await readBounded(join(dir, 'exact'), limit, 'errors.areasUnreadable');
  expect(exact.ok && exact.value.length).toBe(limit);
  expect(exact.ok && exact.value[limit - 1]).toBe(7);
  const over = await readBounded(join(dir, 'over'), limit, 'errors.areasUnreadable');
  expect(over.ok ? null : over.error).toMatchObject({
    kind: 'too-large',
    code: 'import.fileTooLarge',
  });
});

test('a missing file or a directory is unreadable with the given code', async () => {
  for (const path of [join(dir, 'missing'), dir]) {
    const result = await readBounded(path, 1024, 'errors.areasUnreadable');
    expect(result.ok ? null : result.error).toEqual({
      kind: 'unreadable',
      code: 'errors.areasUnreadable',
      params: { file: path },
    });
  }
});

test.runIf(existsSync('/dev/zero'))(
  'a device that reports size 0 and never ends stops at the limit',
  async () => {
    const result = await readBounded('/dev/zero', 2 * 1024 * 1024, 'errors.areasUnreadable');
    expect(result.ok ? null : result.error).toMatchObject({ kind: 'too-large' });
  },
);
