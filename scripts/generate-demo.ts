/**
 * Writes the demo dataset (data/demo/: COGs, context.geojson, catalogue.json) from the BRO tables
 * in data/reference/. Usage: `npm run demo-data [-- --out <folder>]`. Deterministic: every run
 * writes byte-identical files.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_DATE } from '../src/core/demo/demo-catalogue';
import { generateDemo } from '../src/core/demo/generate';
import type { CatalogueSource } from '../src/core/raster/catalogue-types';
import { readBroTables } from '../src/core/soil/bro-tables';

const repo = resolve(import.meta.dirname, '..');
const tables = join(repo, 'data/reference/bro-bodemkaart-tables');

/** Reads the BRO tables and writes every demo file into `outDir`; returns the file names. */
export function writeDemo(outDir: string): string[] {
  const read = (name: string) => readFileSync(join(tables, name));
  const profileBytes = read('SoilProfiles.csv');
  const horizonBytes = read('SoilHorizons.csv');
  const profiles = readBroTables(profileBytes.toString('utf8'), horizonBytes.toString('utf8'));
  if (!profiles.ok) throw new Error(`BRO tables unreadable: ${profiles.error.code}`);
  const source = (name: string, bytes: Buffer, title: string): CatalogueSource => ({
    id: `bro-${name.replace('.csv', '').toLowerCase()}`,
    title,
    file: `data/reference/bro-bodemkaart-tables/${name}`,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    // Fixed, like `created`, so every run writes the same bytes.
    read: `${DEMO_DATE}T00:00:00Z`,
    licence: 'BRO open data, attribution Basisregistratie Ondergrond',
    request: 'npm run demo-data',
  });
  const { files } = generateDemo(profiles.value, [
    source('SoilProfiles.csv', profileBytes, 'BRO Bodemkaart: SoilProfiles (SGM 2025-01)'),
    source('SoilHorizons.csv', horizonBytes, 'BRO Bodemkaart: SoilHorizons (SGM 2025-01)'),
  ]);
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
