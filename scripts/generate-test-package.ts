/**
 * Writes the small synthetic test package (data/packages/test-salland/: five COGs, outline.geojson,
 * catalogue.json) with the product's COG writer. Usage: `npm run test-package-data [-- --out <dir>]`.
 * Deterministic: every run writes byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateTestPackage, TEST_PACKAGE_ID } from '../src/core/demo/test-package';

const repo = resolve(import.meta.dirname, '..');

/** Writes every file of the test package into `outDir`; returns the file names. */
export function writeTestPackage(outDir: string): string[] {
  const files = generateTestPackage();
  mkdirSync(outDir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(outDir, name), bytes);
  return [...files.keys()];
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const outDir = resolve(
    at >= 0 && args[at + 1] ? args[at + 1] : join(repo, 'data/packages', TEST_PACKAGE_ID),
  );
  const names = writeTestPackage(outDir);
  process.stderr.write(`test-package: wrote ${names.length} files to ${outDir}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
