import { useTranslation } from 'react-i18next';
import { TableScroll } from '../common/TableScroll';
import { useFormat } from './ResultsFigures';
import { CLASS_COLORS_FALLBACK, classColor } from './results-colors';
import type { ResultFigures } from './results-model';

/** Potential per measure, peat and sealing of one area or of the total. */
export function ResultsDetails({ figures }: { figures: ResultFigures }) {
  const { t } = useTranslation();
  const format = useFormat();
  const years = figures.horizonYears ?? 20;
  // The central value, and the range on its own line; neither ever breaks inside a number.
  const withRange = (
    value: { low: number; central: number; high: number },
    decimals: number,
    unit = '',
  ) => {
    const range = format.range(value, decimals);
    return (
      <>
        <span className="result-number">
          {`${format.number(value.central, decimals)} ${unit}`.trim()}
        </span>
        {range ? <span className="result-range">{range}</span> : null}
      </>
    );
  };
  return (
    <>
      {figures.measures.length ? (
        <>
          <h3>{t('results.measures')}</h3>
          <TableScroll label={t('results.measures')} testId="measures-table">
            <table className="result-table">
              <thead>
                <tr>
                  <th scope="col">{t('results.measure')}</th>
                  <th scope="col">{t('results.measureHa')}</th>
                  <th scope="col">{t('results.perYear')}</th>
                  <th scope="col">{t('results.overHorizon', { years })}</th>
                </tr>
              </thead>
              <tbody>
                {figures.measures.map((measure) => (
                  <tr key={measure.id} className={measure.on ? '' : 'measure-off'}>
                    <th scope="row">
                      {t(`results.measureName.${measure.id}`)}
                      {measure.disputed ? (
                        <span className="disputed"> ({t('results.disputed')})</span>
                      ) : null}
                      {measure.on ? null : <span className="muted"> ({t('results.off')})</span>}
                    </th>
                    <td>{format.number(measure.ha, 1)}</td>
                    <td>{withRange(measure.t_co2_per_yr, 1)}</td>
                    <td>{withRange(measure.t_co2_horizon, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
      {figures.peat && figures.peat.ha > 0 ? (
        <>
          <h3>{t('results.peat')}</h3>
          <dl className="result-pairs">
            <dt>{t('results.peatHa')}</dt>
            <dd>{format.number(figures.peat.ha, 1)} ha</dd>
            <dt>{t('results.peatEmission')}</dt>
            <dd>
              {withRange(figures.peat.emission_t_co2_per_yr, 0, t('results.unit.tco2yr'))}{' '}
              <span className="muted">{t('results.peatNoRange')}</span>
            </dd>
            <dt>{t('results.peatAvoided')}</dt>
            <dd
              data-testid="peat-avoided"
              data-value={String(figures.peat.avoided_t_co2_per_yr.central)}
            >
              {withRange(figures.peat.avoided_t_co2_per_yr, 0, t('results.unit.tco2yr'))}
            </dd>
          </dl>
        </>
      ) : null}
      {figures.sealing ? (
        <>
          <h3>{t('results.sealing')}</h3>
          <dl className="result-pairs">
            <dt>{t('results.sealingShare')}</dt>
            <dd>
              {format.number(figures.sealing.share_now * 100, 1)} % →{' '}
              {format.number(figures.sealing.share_plan * 100, 1)} %
            </dd>
            <dt>{t('results.sealingLoss')}</dt>
            <dd data-testid="sealing-loss" data-value={String(figures.sealing.loss_t_c.central)}>
              {withRange(figures.sealing.loss_t_c, 0, t('results.unit.tc'))}
            </dd>
            <dt>{t('results.sealingGain')}</dt>
            <dd>{withRange(figures.sealing.gain_t_c_horizon, 0, t('results.unit.tc'))}</dd>
          </dl>
        </>
      ) : null}
      <Breakdown figures={figures} />
    </>
  );
}

/** Soil group x land use as a table, and hectares per soil group as a small bar chart. */
function Breakdown({ figures }: { figures: ResultFigures }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = Object.entries(figures.soilGroups).filter(([, ha]) => ha > 0);
  if (figures.cross.length === 0 && groups.length === 0) return null;
  const largest = Math.max(...groups.map(([, ha]) => ha), 1e-9);
  const name = (kind: 'group' | 'use', id: string) =>
    t(`results.${kind}.${id}`, { defaultValue: id });
  return (
    <>
      <h3>{t('results.breakdown')}</h3>
      {groups.length ? (
        <svg
          className="result-chart"
          role="img"
          aria-label={t('results.chart')}
          viewBox={`0 0 300 ${groups.length * 18}`}
          width="100%"
        >
          {groups.map(([group, ha], index) => (
            <g key={group} transform={`translate(0 ${index * 18})`}>
              <text x="0" y="12" fontSize="11">
                {name('group', group)}
              </text>
              <rect
                x="80"
                y="2"
                height="12"
                width={(ha / largest) * 150}
                fill={classColor(group) ?? CLASS_COLORS_FALLBACK}
              />
              <text x={86 + (ha / largest) * 150} y="12" fontSize="11">
                {format.number(ha, 1)} ha
              </text>
            </g>
          ))}
        </svg>
      ) : null}
      {figures.cross.length ? (
        <TableScroll label={t('results.breakdown')}>
          <table className="result-table">
            <thead>
              <tr>
                <th scope="col">{t('results.soilGroup')}</th>
                <th scope="col">{t('results.landUse')}</th>
                <th scope="col">ha</th>
                <th scope="col">{t('results.stock')}</th>
              </tr>
            </thead>
            <tbody>
              {[...figures.cross]
                .sort((a, b) => b.ha - a.ha)
                .map((cell) => (
                  <tr key={`${cell.soilGroup}|${cell.landUse}`}>
                    <td>{name('group', cell.soilGroup)}</td>
                    <td>{name('use', cell.landUse)}</td>
                    <td>{format.number(cell.ha, 1)}</td>
                    <td>{format.number(cell.stockTC, 0)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
