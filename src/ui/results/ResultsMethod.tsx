import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { COEFFICIENTS, isRateMeasure } from '../../core/estimate/coefficients';
import type { MeasureId } from '../../core/estimate/scenario';
import { packageProvenance } from '../../core/package/provenance';
import { useAppState } from '../../state/use-app-state';
import { unitText } from '../common/format';
import { TableScroll } from '../common/TableScroll';

interface Row {
  id: string;
  value: string;
  unit: string;
  source: string;
  disputed?: boolean;
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('low' in record && 'central' in record && 'high' in record) {
      return `${record.central} (${record.low}–${record.high})`;
    }
    return Object.entries(record)
      .map(([key, each]) => `${key} ${describe(each)}`)
      .join('; ');
  }
  return '';
}

/** Every coefficient of the method with its unit and source (src/core/estimate/coefficients.json). */
export function coefficientRows(): Row[] {
  const rows: Row[] = [];
  const groups = {
    stock: COEFFICIENTS.stock,
    deficit: COEFFICIENTS.deficit,
    peat: COEFFICIENTS.peat,
    sealing: COEFFICIENTS.sealing,
  } as const;
  for (const [group, entries] of Object.entries(groups)) {
    for (const [id, entry] of Object.entries(entries)) {
      rows.push({
        id: `${group}.${id}`,
        value: describe(entry.value),
        unit: entry.unit,
        source: entry.source,
      });
    }
  }
  for (const [id, measure] of Object.entries(COEFFICIENTS.measures)) {
    rows.push({
      id: `measures.${id as MeasureId}`,
      value: describe(
        isRateMeasure(measure) ? measure.rate_t_c_per_ha_yr : measure.relative_stock_gain,
      ),
      unit: measure.unit,
      source: measure.source,
      disputed: measure.disputed,
    });
  }
  const transition = COEFFICIENTS.transition_years;
  rows.push({
    id: 'transition_years',
    value: describe(transition.value),
    unit: transition.unit,
    source: transition.source,
  });
  for (const [id, factor] of Object.entries(COEFFICIENTS.ipcc.factors)) {
    rows.push({
      id: `ipcc.${id}`,
      value: String(factor.value),
      unit: factor.unit,
      source: COEFFICIENTS.ipcc.source,
    });
  }
  return rows;
}

/** `% organic matter (mass)` -> `organic-matter-mass`: the key of a unit phrase. */
function phraseKey(unit: string): string {
  return unit
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "How is this calculated": the method in words and the table of coefficients with sources. */
export const ResultsMethod = memo(function ResultsMethod() {
  const { t } = useTranslation();
  const method = useAppState((state) => state.scenario.method);
  const catalogue = useAppState((state) => state.catalogue);
  const language = useAppState((state) => state.language);
  const provenance = catalogue ? packageProvenance(catalogue, language) : null;
  // Coefficient units are English phrases in coefficients.json: known ones have a translation.
  const unitOf = (unit: string) =>
    t(`results.unitPhrase.${phraseKey(unit)}`, { defaultValue: unitText(unit, language) });
  return (
    <details className="result-method">
      <summary>{t('results.method')}</summary>
      <p>{t('results.methodIntro')}</p>
      {provenance ? (
        <div className="method-data" data-testid="method-package">
          <p>
            {t('packages.provenance', { title: `${provenance.title} (${provenance.id})` })}
            {provenance.synthetic ? (
              <span className="synthetic-tag"> {t('app.synthetic')}</span>
            ) : null}
          </p>
          <ul>
            {provenance.layers.map((layer) => (
              <li key={layer.id}>
                {t('packages.layerProvenance', {
                  title: layer.title,
                  source: layer.source,
                  date: layer.date,
                  licence: layer.licence,
                })}
                {layer.synthetic && !provenance.synthetic ? (
                  <span className="synthetic-tag"> {t('app.synthetic')}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        {t('results.methodName', {
          method: method === 'ipcc' ? t('results.methodIpcc') : t('results.methodNl'),
        })}
      </p>
      <TableScroll label={t('results.method')}>
        <table className="result-table method-table">
          <thead>
            <tr>
              <th scope="col">{t('results.coefficient')}</th>
              <th scope="col">{t('results.value')}</th>
              <th scope="col">{t('results.source')}</th>
            </tr>
          </thead>
          <tbody>
            {coefficientRows().map((row) => (
              <tr key={row.id} className={row.disputed ? 'coefficient-disputed' : undefined}>
                <th scope="row">
                  {row.id.startsWith('measures.')
                    ? t(`results.measureName.${row.id.slice('measures.'.length)}`)
                    : t(`results.coefficientName.${row.id}`, { defaultValue: row.id })}
                  {row.disputed ? (
                    <strong className="disputed"> ({t('results.disputed')})</strong>
                  ) : null}
                </th>
                <td>
                  {row.value} <span className="muted">{unitOf(row.unit)}</span>
                </td>
                <td lang="en">{row.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
});
