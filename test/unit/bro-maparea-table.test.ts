import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The BRO map-area table the package builder joins on (data/reference/bro-bodemkaart-tables/
 * SoilProfiles_MapAreaID.csv) is copied unchanged from ../shared/data and keeps its checksum.
 */
const copy = resolve(
  import.meta.dirname,
  '../../data/reference/bro-bodemkaart-tables/SoilProfiles_MapAreaID.csv',
);
const original = resolve(
  import.meta.dirname,
  '../../../shared/data/bro-bodemkaart-tables/SoilProfiles_MapAreaID.csv',
);
const SHA256 = '8760c9bf2b0cdc55189c5ffbeb566bc977233a99df9fe035ccd914383ea68bcc';

test('SoilProfiles_MapAreaID.csv keeps its checksum and is named in the README', () => {
  const bytes = readFileSync(copy);
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(SHA256);
  expect(readFileSync(join(copy, '../README.md'), 'utf8')).toContain(SHA256);
});

describe.runIf(existsSync(original))('equals ../shared/data', () => {
  test('SoilProfiles_MapAreaID.csv', () => {
    expect(readFileSync(copy).equals(readFileSync(original))).toBe(true);
  });
});
