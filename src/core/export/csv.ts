import type { AreaResult } from '../engine/types';
import { ESTIMATE_FIGURES, RANGE_PARTS } from './figures';

export type CsvLanguage = 'nl' | 'en';

/** What the CSV says about the run besides the rows. */
export interface CsvOptions {
  language: CsvLanguage;
  /** Layer ids in the order they were analysed; the layer columns follow it. */
  layerIds: readonly string[];
  /**
   * The header comment, already localized: method, data source and, for demo data, the word
   * synthetic. Separators are taken out so a reader that does not skip `#` lines sees one field.
   */
  comment: string;
}

/** Separator and decimal mark: nl `;` and `,` (Dutch Excel); en `,` and `.`. */
export function csvSeparator(language: CsvLanguage): string {
  return language === 'nl' ? ';' : ',';
}

/** A number with at most 6 decimals, never in exponent notation; empty for null or non-finite. */
export function csvNumber(value: number | null | undefined, language: CsvLanguage): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  let text = String(Number(value.toFixed(6)));
  // Beyond 1e21 toFixed and String use exponents; Intl writes every digit.
  if (/e/i.test(text)) {
    text = value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 6 });
  }
  return language === 'nl' ? text.replace('.', ',') : text;
}

/**
 * A text field, quoted when it holds the separator, a quote or a line break. A leading `=`, `+`,
 * `-` or `@` (a formula to a spreadsheet) gets a `'` in front, so a name from a file never runs.
 */
export function csvText(text: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /["\r\n]/.test(safe) || safe.includes(separator) || safe.startsWith('#')
    ? `"${safe.replaceAll('"', '""')}"`
    : safe;
}

/** Header row: id,name,area_ha, <layer>_mean,<layer>_valid_ha per layer, then every figure. */
export function csvHeader(layerIds: readonly string[]): string[] {
  return [
    'id',
    'name',
    'area_ha',
    ...layerIds.flatMap((id) => [`${id}_mean`, `${id}_valid_ha`]),
    ...ESTIMATE_FIGURES.flatMap(([name]) => RANGE_PARTS.map((part) => `${name}_${part}`)),
  ];
}

/** One data row of an area, in the order of `csvHeader`. */
export function csvRow(
  area: Pick<AreaResult, 'id' | 'name' | 'area_ha' | 'layers' | 'estimate'>,
  layerIds: readonly string[],
  language: CsvLanguage,
): string[] {
  const separator = csvSeparator(language);
  const cells = [
    csvText(area.id, separator),
    csvText(area.name, separator),
    csvNumber(area.area_ha, language),
  ];
  for (const id of layerIds) {
    const stats = area.layers[id as keyof typeof area.layers];
    cells.push(csvNumber(stats?.mean, language), csvNumber(stats?.valid_ha, language));
  }
  for (const [, pick] of ESTIMATE_FIGURES) {
    const range = area.estimate ? pick(area.estimate) : null;
    for (const part of RANGE_PARTS) cells.push(csvNumber(range?.[part], language));
  }
  return cells;
}

/**
 * CSV of DESIGN.md 7.1, for the CLI and the app alike: UTF-8 with a byte-order mark, one `#`
 * comment line (method, data source), a header row, one row per area, CRLF line ends.
 */
export function formatCsv(
  areas: readonly Pick<AreaResult, 'id' | 'name' | 'area_ha' | 'layers' | 'estimate'>[],
  options: CsvOptions,
): string {
  const separator = csvSeparator(options.language);
  const comment = `# ${options.comment}`.replace(/[;,\r\n]/g, '');
  const lines = [comment, csvHeader(options.layerIds).join(separator)];
  for (const area of areas)
    lines.push(csvRow(area, options.layerIds, options.language).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Reads CSV as `formatCsv` writes it (RFC 4180 quoting, CRLF or LF, BOM, `#` comment lines
 * skipped) into rows of fields. Quoted fields may hold line breaks.
 */
export function readCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  const source = text.replace(/^\uFEFF/, '');
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let lineStart = true;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (lineStart && !quoted && ch === '#') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end;
      continue;
    }
    lineStart = false;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      cell = '';
      lineStart = true;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A CSV number back: decimal comma in Dutch; null for an empty field. */
export function parseCsvNumber(text: string, language: CsvLanguage): number | null {
  if (text === '') return null;
  return Number(language === 'nl' ? text.replace(',', '.') : text);
}
