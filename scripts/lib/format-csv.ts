import { MEASURE_IDS } from '../../src/core/estimate/scenario';
import type { Estimate, Range } from '../../src/core/estimate/types';
import { type Language, t } from './messages';
import type { Output, RunContext } from './output-types';

type Figure = [name: string, pick: (estimate: Estimate) => Range | null | undefined];

/** Every range of the estimate, in CSV column order (docs/estimate.md lists them). */
export const CSV_FIGURES: Figure[] = [
  ['stock_t_c_per_ha', (e) => e.stock_t_c_per_ha],
  ['stock_t_c', (e) => e.stock_t_c],
  ['stock_t_co2', (e) => e.stock_t_co2],
  ['deficit_t_c', (e) => e.deficit_t_c],
  ['potential_t_co2_per_yr', (e) => e.potential_t_co2_per_yr],
  ['potential_t_co2_horizon', (e) => e.potential_t_co2_horizon],
  ['peat_emission_t_co2_per_yr', (e) => e.peat.emission_t_co2_per_yr],
  ['peat_avoided_t_co2_per_yr', (e) => e.peat.avoided_t_co2_per_yr],
  ['sealing_loss_t_c', (e) => e.sealing.loss_t_c],
  ['sealing_gain_t_c_horizon', (e) => e.sealing.gain_t_c_horizon],
  ...MEASURE_IDS.flatMap((id): Figure[] => [
    [`${id}_t_co2_per_yr`, (e) => e.measures.find((m) => m.id === id)?.t_co2_per_yr],
    [`${id}_t_co2_horizon`, (e) => e.measures.find((m) => m.id === id)?.t_co2_horizon],
  ]),
];

const RANGE_PARTS = ['low', 'central', 'high'] as const;

/** Separator and decimal mark: nl `;` and `,`; en `,` and `.`. */
function separatorOf(language: Language): string {
  return language === 'nl' ? ';' : ',';
}

/** A number with at most 6 decimals, never in exponent notation; empty for null. */
export function csvNumber(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const text = String(Number(value.toFixed(6)));
  return language === 'nl' ? text.replace('.', ',') : text;
}

function quote(text: string, separator: string): string {
  return /["\r\n]/.test(text) || text.includes(separator) || text.startsWith('#')
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/** Header row: id,name,area_ha, <layer>_mean,<layer>_valid_ha per layer, then every figure. */
export function csvHeader(layerIds: readonly string[]): string[] {
  return [
    'id',
    'name',
    'area_ha',
    ...layerIds.flatMap((id) => [`${id}_mean`, `${id}_valid_ha`]),
    ...CSV_FIGURES.flatMap(([name]) => RANGE_PARTS.map((part) => `${name}_${part}`)),
  ];
}

/**
 * CSV of DESIGN.md 7.1: UTF-8 with a byte-order mark, a `#` comment line with method and data
 * source, a header row, one row per area, CRLF line ends.
 */
export function formatCsv(output: Output, context: RunContext, language: Language): string {
  const separator = separatorOf(language);
  const synthetic = context.synthetic ? ` | ${t(language, 'cli.synthetic')}` : '';
  const text = t(language, 'cli.csvComment', { method: context.method, source: context.source });
  // The comment holds neither separator, so a reader that does not skip it sees one field.
  const comment = `# ${text}${synthetic}`.replace(/[;,]/g, '');
  const lines = [comment, csvHeader(context.layerIds).join(separator)];
  for (const area of output.areas) {
    const cells: string[] = [
      quote(area.id, separator),
      quote(area.name, separator),
      csvNumber(area.area_ha, language),
    ];
    for (const id of context.layerIds) {
      const stats = area.layers[id as keyof typeof area.layers];
      cells.push(csvNumber(stats?.mean, language), csvNumber(stats?.valid_ha, language));
    }
    for (const [, pick] of CSV_FIGURES) {
      const range = area.estimate ? pick(area.estimate) : null;
      for (const part of RANGE_PARTS) cells.push(csvNumber(range?.[part], language));
    }
    lines.push(cells.join(separator));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
