import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { DEFAULT_SCENARIO } from '../../core/estimate/scenario';
import { analysisState } from '../../map/area-analysis';
import { useAppState } from '../../state/use-app-state';
import { TableScroll } from '../common/TableScroll';
import { figureValue, KEY_FIGURES, useFormat } from './ResultsFigures';
import { figuresOf, type ResultFigures } from './results-model';

/** Areas offered to compare with, at most (a batch may hold thousands). */
const COMPARE_OPTIONS = 200;

/**
 * Side by side: the selected area against another area, or against itself under the default
 * scenario. Test ids: compare-a-<figure> and compare-b-<figure>.
 */
export function ResultsCompare({ selected }: { selected: ResultFigures }) {
  const { t } = useTranslation();
  const format = useFormat();
  const areas = useAppState((state) => state.areas);
  const selectedId = useAppState((state) => state.selectedId);
  const compareResult = useStore(analysisState, (state) => state.compareResult);
  const [choice, setChoice] = useState('');
  // A select of thousands of options is slow to render and of no use: offer the first 200.
  const others = useMemo(() => {
    const offered: typeof areas = [];
    for (const area of areas) {
      if (offered.length === COMPARE_OPTIONS) break;
      if (area.id !== selectedId) offered.push(area);
    }
    return offered;
  }, [areas, selectedId]);
  const onChoose = (value: string) => {
    setChoice(value);
    analysisState.setState({
      compareScenario: value === 'default-scenario' ? DEFAULT_SCENARIO : null,
    });
  };
  const otherArea = choice.startsWith('area:')
    ? areas.find((a) => `area:${a.id}` === choice)
    : undefined;
  const otherId = otherArea?.id;
  const otherResult = useStore(analysisState, (state) =>
    otherId === undefined ? undefined : state.results[otherId],
  );
  const other: ResultFigures | null =
    choice === 'default-scenario'
      ? compareResult
        ? figuresOf(compareResult)
        : null
      : otherResult
        ? figuresOf(otherResult)
        : null;
  const heads =
    choice === 'default-scenario'
      ? [t('results.compareCurrent'), t('results.compareDefaultHead')]
      : [areas.find((a) => a.id === selectedId)?.name ?? '', otherArea?.name ?? ''];
  return (
    <div className="result-compare">
      <label>
        {t('results.compareWith')}{' '}
        <select value={choice} onChange={(event) => onChoose(event.target.value)}>
          <option value="">{t('results.compareNone')}</option>
          <option value="default-scenario">{t('results.compareDefault')}</option>
          {others.map((area) => (
            <option key={area.id} value={`area:${area.id}`}>
              {t('results.compareArea', { name: area.name })}
            </option>
          ))}
        </select>
      </label>
      {choice && other ? (
        <TableScroll label={t('results.compare')}>
          <table className="result-table compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th scope="col">{t('results.compare')}</th>
                <th scope="col">{heads[0]}</th>
                <th scope="col">{heads[1]}</th>
              </tr>
            </thead>
            <tbody>
              {KEY_FIGURES.map(({ key, unit, decimals }) => {
                const a = figureValue(selected, key);
                const b = figureValue(other, key);
                return (
                  <tr key={key}>
                    <th scope="row">
                      {t(`results.figure.${key}`)} ({t(`results.unit.${unit}`)})
                    </th>
                    {[a, b].map((figure, index) => (
                      <td
                        key={index === 0 ? 'a' : 'b'}
                        data-testid={`compare-${index === 0 ? 'a' : 'b'}-${key}`}
                        data-value={figure ? String(figure.value) : undefined}
                      >
                        {figure ? format.number(figure.value, decimals) : '–'}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </div>
  );
}
