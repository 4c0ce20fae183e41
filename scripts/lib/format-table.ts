import type { Estimate } from '../../src/core/estimate/types';
import { percentOf } from '../../src/core/export/key-figures';
import { type Language, t } from './messages';
import type { Output, OutputArea, RunContext } from './output-types';
import { terminalCell, terminalText } from './terminal-text';

/** A column: text key, decimals shown, the value of an area, and whether areas add up. */
type Column = [
  key: string,
  decimals: number,
  pick: (area: OutputArea) => number | string | null,
  additive: boolean,
];

function estimateValue(pick: (e: Estimate) => number | null | undefined) {
  return (area: OutputArea) => (area.estimate ? (pick(area.estimate) ?? null) : null);
}

/** Valid hectares of the stock (or organic-matter) layer as a share of the area, %. */
function coveragePct(area: OutputArea): number | null {
  const stats = area.layers['carbon-stock'] ?? area.layers['organic-matter'];
  return stats ? percentOf(stats.valid_ha, area.area_ha) : null;
}

const COLUMNS: Column[] = [
  ['id', -1, (a) => a.id, false],
  ['name', -1, (a) => a.name, false],
  ['area', 2, (a) => a.area_ha, true],
  ['coverage', 1, coveragePct, false],
  ['sealed', 1, (a) => a.layers.sealed?.mean ?? null, false],
  ['organicMatter', 2, (a) => a.layers['organic-matter']?.mean ?? null, false],
  ['stockMean', 1, estimateValue((e) => e.stock_t_c_per_ha?.central), false],
  ['stockTotal', 0, estimateValue((e) => e.stock_t_c.central), true],
  ['co2Total', 0, estimateValue((e) => e.stock_t_co2.central), true],
  ['deficit', 0, estimateValue((e) => e.deficit_t_c.central), true],
  ['potentialYear', 1, estimateValue((e) => e.potential_t_co2_per_yr.central), true],
  ['potentialHorizon', 0, estimateValue((e) => e.potential_t_co2_horizon.central), true],
  ['peatHa', 1, estimateValue((e) => e.peat.ha), true],
  ['peatEmission', 0, estimateValue((e) => e.peat.emission_t_co2_per_yr.central), true],
];

/** A number in the language's format (nl: 6.009,6; en: 6,009.6). */
export function formatNumber(value: number, decimals: number, language: Language): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** Display width: code points, so diacritics and dashes count once. */
function width(text: string): number {
  return [...text].length;
}

/**
 * A readable text table in the chosen language: a header with method and data source, one row per
 * area (central values) under two title lines (name, unit), then the warnings.
 */
export function formatTable(output: Output, context: RunContext, language: Language): string {
  const methodName = t(language, context.method === 'ipcc' ? 'cli.methodIpcc' : 'cli.methodNl');
  const lines = [
    t(language, 'cli.title'),
    `${t(language, 'cli.method')}: ${methodName}`,
    `${t(language, 'cli.data')}: ${context.source}${
      context.synthetic ? ` (${t(language, 'cli.synthetic')})` : ''
    }`,
    `${t(language, 'cli.horizon')}: ${t(language, 'cli.years', { count: context.horizonYears })}`,
    '',
  ];
  const header = COLUMNS.map(([key]) => t(language, `cli.columns.${key}`));
  const units = COLUMNS.map(([key]) =>
    key === 'id' || key === 'name'
      ? ''
      : t(language, `cli.units.${key}`, { years: Math.min(context.horizonYears, 20) }),
  );
  const show = (value: number | string | null, decimals: number) => {
    if (value === null) return '–';
    // Names and ids come from the file: no escape sequences or line breaks in a cell.
    return typeof value === 'number'
      ? formatNumber(value, decimals, language)
      : terminalCell(value);
  };
  const rows = output.areas.map((area) =>
    COLUMNS.map(([, decimals, pick]) => show(pick(area), decimals)),
  );
  // With several areas, a sum row of the columns that add up (overlapping areas count twice).
  const sum =
    output.areas.length > 1
      ? COLUMNS.map(([key, decimals, pick, additive], i) => {
          if (i === 0) return t(language, 'cli.sum');
          if (!additive) return key === 'name' ? '' : '–';
          const values = output.areas.map(pick).filter((v): v is number => typeof v === 'number');
          return values.length > 0
            ? show(
                values.reduce((a, b) => a + b, 0),
                decimals,
              )
            : '–';
        })
      : null;
  const widths = header.map((title, i) =>
    Math.max(
      width(title),
      width(units[i] ?? ''),
      ...[...rows, ...(sum ? [sum] : [])].map((row) => width(row[i] ?? '')),
    ),
  );
  const render = (row: string[]) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - width(cell));
        // Text columns (id, name) align left, numbers right.
        return i < 2 ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  lines.push(render(header), render(units), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) lines.push(render(row));
  if (sum) lines.push(widths.map((w) => '-'.repeat(w)).join('  '), render(sum));
  lines.push('', t(language, 'cli.centralNote'));
  if (output.areas.some((area) => area.estimate === null))
    lines.push(t(language, 'cli.noEstimate'));
  if (output.warnings.length > 0) {
    lines.push('', `${t(language, 'cli.warnings')}:`);
    for (const warning of output.warnings) {
      const where =
        warning.feature === null
          ? t(language, 'cli.file')
          : t(language, 'cli.feature', { feature: warning.feature });
      lines.push(`- [${warning.kind}] ${where}: ${terminalCell(warning.message)}`);
    }
  }
  return `${terminalText(lines.join('\n'))}\n`;
}
