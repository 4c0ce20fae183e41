/**
 * CSV of the table of all areas, with the conventions of the CLI's CSV (DESIGN.md 7.1): Dutch
 * `;` and decimal comma, English `,` and point, UTF-8 with a byte-order mark, CRLF, a `#` comment
 * line with method and data source, one row per area, every range as `_low,_central,_high`.
 */
import type { Range } from '../estimate/types';
import type { BatchRow } from './batch-table';
import { type CsvLanguage, csvNumber, csvSeparator, csvText } from './csv';

export type { CsvLanguage };

type Single = [name: string, pick: (row: BatchRow) => number | null];
type Ranged = [name: string, pick: (row: BatchRow) => Range | null];

const SINGLES: Single[] = [
  ['area_ha', (row) => row.areaHa],
  ['coverage_pct', (row) => row.coveragePct],
  ['sealed_pct', (row) => row.sealedPct],
  ['organic_matter_mean_pct', (row) => row.omMean],
];

const RANGES: Ranged[] = [
  ['stock_t_c_per_ha', (row) => row.stockMean],
  ['stock_t_c', (row) => row.stockTotal],
  ['stock_t_co2', (row) => row.co2Total],
  ['deficit_t_c', (row) => row.deficitTotal],
  ['potential_t_co2_per_yr', (row) => row.potentialYear],
];

const PARTS = ['low', 'central', 'high'] as const;

/** The header row's names. */
export function batchCsvHeader(): string[] {
  return [
    'id',
    'name',
    ...SINGLES.map(([name]) => name),
    ...RANGES.flatMap(([name]) => PARTS.map((part) => `${name}_${part}`)),
  ];
}

/**
 * The rows (in the given order) as CSV text. `comment` (method, source, synthetic label) becomes
 * the first line, without separators so a reader that does not skip it sees one field.
 */
export function batchCsv(
  rows: readonly BatchRow[],
  language: CsvLanguage,
  comment?: string,
): string {
  const separator = csvSeparator(language);
  const lines: string[] = [];
  if (comment) lines.push(`# ${comment.replace(/[\r\n]+/g, ' ')}`.replace(/[;,]/g, ''));
  lines.push(batchCsvHeader().join(separator));
  for (const row of rows) {
    const cells = [csvText(row.id, separator), csvText(row.name, separator)];
    for (const [, pick] of SINGLES) cells.push(csvNumber(pick(row), language));
    for (const [, pick] of RANGES) {
      const range = pick(row);
      for (const part of PARTS) cells.push(csvNumber(range?.[part], language));
    }
    lines.push(cells.join(separator));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
