import { useTranslation } from 'react-i18next';
import type { Range } from '../../core/estimate/types';
import { useAppState } from '../../state/use-app-state';
import { formatNumber } from '../common/format';
import type { ResultFigures } from './results-model';

/** The nine key figures of DESIGN.md 7.4, their units and decimals. */
export const KEY_FIGURES = [
  { key: 'area-ha', unit: 'ha', decimals: 2 },
  { key: 'coverage-pct', unit: 'pct', decimals: 1 },
  { key: 'sealed-pct', unit: 'pct', decimals: 1 },
  { key: 'om-mean', unit: 'pct', decimals: 2 },
  { key: 'stock-mean', unit: 'tcha', decimals: 1 },
  { key: 'stock-total', unit: 'tc', decimals: 0 },
  { key: 'co2-total', unit: 'tco2', decimals: 0 },
  { key: 'deficit-total', unit: 'tc', decimals: 0 },
  { key: 'potential-year', unit: 'tco2yr', decimals: 1 },
] as const;

export type FigureKey = (typeof KEY_FIGURES)[number]['key'];

/** The central value and range of a key figure; null where the area has no data for it. */
export function figureValue(
  figures: ResultFigures,
  key: FigureKey,
): { value: number; range: Range | null } | null {
  const plain = (value: number | null) => (value === null ? null : { value, range: null });
  const ranged = (range: Range | null) => (range ? { value: range.central, range } : null);
  switch (key) {
    case 'area-ha':
      return plain(figures.areaHa);
    case 'coverage-pct':
      return plain(figures.coveragePct);
    case 'sealed-pct':
      return plain(figures.sealedPct);
    case 'om-mean':
      return plain(figures.omMean);
    case 'stock-mean':
      return ranged(figures.stockMean);
    case 'stock-total':
      return ranged(figures.stockTotal);
    case 'co2-total':
      return ranged(figures.co2Total);
    case 'deficit-total':
      return ranged(figures.deficitTotal);
    case 'potential-year':
      return ranged(figures.potentialYear);
    default: {
      const unknown: never = key;
      throw new Error(`unknown figure ${unknown}`);
    }
  }
}

/** A number with its range in the page language. */
export function useFormat() {
  const language = useAppState((state) => state.language);
  const { t } = useTranslation();
  const number = (value: number, decimals: number) => formatNumber(value, language, decimals);
  const range = (value: Range, decimals: number) =>
    value.low === value.high
      ? ''
      : t('results.range', {
          low: number(value.low, decimals),
          high: number(value.high, decimals),
        });
  return { number, range };
}

/**
 * The key figures as a list. `prefix` '' gives the DESIGN.md 7.4 test ids (the selected area);
 * other prefixes (e.g. 'total-', 'compare-a-') name other views.
 */
export function ResultsFigures({ figures, prefix }: { figures: ResultFigures; prefix: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="result-figures">
      {KEY_FIGURES.map(({ key, unit, decimals }) => {
        const figure = figureValue(figures, key);
        return (
          <div key={key} className="result-figure">
            <dt>{t(`results.figure.${key}`)}</dt>
            <dd>
              {figure ? (
                <>
                  <span
                    className="result-value"
                    data-testid={`${prefix}${key}`}
                    data-value={String(figure.value)}
                  >
                    {format.number(figure.value, decimals)}
                  </span>{' '}
                  <span className="result-unit">{t(`results.unit.${unit}`)}</span>
                  {figure.range ? (
                    <span className="result-range"> {format.range(figure.range, decimals)}</span>
                  ) : null}
                </>
              ) : (
                <span className="result-value muted" data-testid={`${prefix}${key}`}>
                  {t('results.noData')}
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
