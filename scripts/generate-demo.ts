/**
 * Writes the demo dataset (data/demo/: COGs, context.geojson, catalogue.json) from the BRO tables
 * in data/reference/. Usage: `npm run demo-data [-- --out <folder>]`. Deterministic: every run
 * writes byte-identical files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateDemo } from '../src/core/demo/generate';
import { readBroTables } from '../src/core/soil/bro-tables';

const repo = resolve(import.meta.dirname, '..');
const tables = join(repo, 'data/reference/bro-bodemkaart-tables');

/** Reads the BRO tables and writes every demo file into `outDir`; returns the file names. */
export function writeDemo(outDir: string): string[] {
  const profiles = readBroTables(
    readFileSync(join(tables, 'SoilProfiles.csv'), 'utf8'),
    readFileSync(join(tables, 'SoilHorizons.csv'), 'utf8'),
  );
  if (!profiles.ok) throw new Error(`BRO tables unreadable: ${profiles.error.code}`);
  const { files } = generateDemo(profiles.value);
  mkdirSync(outDir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(outDir, name), bytes);
  return [...files.keys()];
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const outDir = resolve(at >= 0 && args[at + 1] ? args[at + 1] : join(repo, 'data/demo'));
  const started = performance.now();
  const names = writeDemo(outDir);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`demo-data: wrote ${names.length} files to ${outDir} in ${seconds} s\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
