import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * Real open data the app ships (data/reference/) is copied unchanged from ../shared/data: the
 * copies keep their pinned checksums, and equal the shared files when those sit beside the repo.
 */
const repoData = resolve(import.meta.dirname, '../../data/reference');
const shared = resolve(import.meta.dirname, '../../../shared/data');

const COPIED: Array<{ copy: string; original: string; sha256: string }> = [
  {
    copy: 'cbs-gemeenten/gemeenten-2022.geojson',
    original: 'cbs-gemeenten/gemeenten-2022.geojson',
    sha256: '6050ec3e43031c894042ac268c2e9cc67d3d55f064cbd5ebe4c00ee66006c085',
  },
];

describe('shipped open data', () => {
  for (const { copy, sha256 } of COPIED) {
    test(`${copy} keeps its checksum`, () => {
      const bytes = readFileSync(join(repoData, copy));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    });
    test(`${copy} has its attribution beside it`, () => {
      const readme = readFileSync(join(repoData, copy, '../README.md'), 'utf8');
      expect(readme).toMatch(/CC BY 4\.0/);
      expect(readme).toContain(sha256);
    });
  }
});

describe.runIf(existsSync(shared))('shipped open data equals ../shared/data', () => {
  for (const { copy, original } of COPIED) {
    test(copy, () => {
      expect(readFileSync(join(repoData, copy)).equals(readFileSync(join(shared, original)))).toBe(
        true,
      );
    });
  }
});
