import {
  csvHeader as coreCsvHeader,
  csvNumber as coreCsvNumber,
  formatCsv as coreFormatCsv,
} from '../../src/core/export/csv';
import { ESTIMATE_FIGURES } from '../../src/core/export/figures';
import { type Language, t } from './messages';
import type { Output, RunContext } from './output-types';

/** Every range of the estimate, in CSV column order (src/core/export/figures.ts). */
export const CSV_FIGURES = ESTIMATE_FIGURES;

/** A number with at most 6 decimals, never in exponent notation; empty for null. */
export function csvNumber(value: number | null | undefined, language: Language): string {
  return coreCsvNumber(value, language);
}

/** Header row: id,name,area_ha, <layer>_mean,<layer>_valid_ha per layer, then every figure. */
export function csvHeader(layerIds: readonly string[]): string[] {
  return coreCsvHeader(layerIds);
}

/** The CLI's CSV: the core writer (src/core/export/csv.ts) with the CLI's localized comment. */
export function formatCsv(output: Output, context: RunContext, language: Language): string {
  const synthetic = context.synthetic ? ` | ${t(language, 'cli.synthetic')}` : '';
  const text = t(language, 'cli.csvComment', { method: context.method, source: context.source });
  return coreFormatCsv(output.areas, {
    language,
    layerIds: context.layerIds,
    comment: `${text}${synthetic}`,
  });
}
