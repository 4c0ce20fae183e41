/**
 * Writes data/reference/cbs-gemeenten/gemeenten-2022.index.json from the shipped outlines: code,
 * name and WGS84 bounds per municipality, plus the outlines' sha256. Deterministic; a unit test
 * checks the committed index equals a fresh one. Usage: `npx tsx scripts/make-municipality-index.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MUNICIPALITY_YEAR } from '../src/core/places/municipalities';
import {
  buildMunicipalityIndex,
  type MunicipalityIndexFile,
  parseMunicipalityOutlines,
} from '../src/core/places/municipality-index';

export const MUNICIPALITY_DIR = resolve(import.meta.dirname, '..', 'data/reference/cbs-gemeenten');
export const OUTLINES_FILE = join(MUNICIPALITY_DIR, 'gemeenten-2022.geojson');
export const INDEX_FILE = join(MUNICIPALITY_DIR, 'gemeenten-2022.index.json');

/** The index as text: one municipality per line, so a diff shows what changed. */
export function municipalityIndexText(outlinesBytes: Buffer): string {
  const outlines = parseMunicipalityOutlines(JSON.parse(outlinesBytes.toString('utf8')));
  if (!outlines.ok) throw new Error(`outlines unreadable: ${JSON.stringify(outlines.error)}`);
  const index: MunicipalityIndexFile = buildMunicipalityIndex(outlines.value, {
    name: 'gemeenten-2022.geojson',
    sha256: createHash('sha256').update(outlinesBytes).digest('hex'),
    year: MUNICIPALITY_YEAR,
  });
  const rows = index.municipalities.map((row) => JSON.stringify(row)).join(',\n    ');
  return `{\n  "source": ${JSON.stringify(index.source)},\n  "sha256": "${index.sha256}",\n  "year": ${index.year},\n  "municipalities": [\n    ${rows}\n  ]\n}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(INDEX_FILE, municipalityIndexText(readFileSync(OUTLINES_FILE)));
  process.stderr.write(`wrote ${INDEX_FILE}\n`);
}
