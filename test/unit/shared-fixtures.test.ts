import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The repo tests on its own copies of the shared reference fixtures (test/fixtures/); when the
 * shared folder sits beside the repo, the copies must still be byte-identical to it.
 */
const repoFixtures = resolve(import.meta.dirname, '../fixtures');
const shared = resolve(import.meta.dirname, '../../../shared/fixtures');
const COPIED = ['zonal', 'imports', 'rd', 'services'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe.runIf(existsSync(shared))('copied fixtures match ../shared/fixtures', () => {
  for (const area of COPIED) {
    test(area, () => {
      const sharedFiles = files(join(shared, area)).map((path) => relative(shared, path));
      expect(sharedFiles.length).toBeGreaterThan(0);
      for (const file of sharedFiles) {
        const copy = join(repoFixtures, file);
        expect(existsSync(copy), `${file} is copied`).toBe(true);
        expect(
          readFileSync(copy).equals(readFileSync(join(shared, file))),
          `${file} unchanged`,
        ).toBe(true);
      }
    });
  }
});

test('the copies are present without ../shared', () => {
  for (const area of COPIED) expect(files(join(repoFixtures, area)).length).toBeGreaterThan(0);
});
