import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { analysisState } from '../../map/area-analysis';
import { useAppState } from '../../state/use-app-state';
import { figureValue, useFormat } from '../results/ResultsFigures';
import { figuresOf } from '../results/results-model';

/**
 * The selected area's deficit and potential, at the top of the scenario: on a small screen the
 * results are another tab, and a person moving a slider still sees what it changes. (A wide
 * screen shows the results beside the scenario; layout.css hides this there.)
 */
export function ScenarioEffect() {
  const { t } = useTranslation();
  const format = useFormat();
  const selectedId = useAppState((state) => state.selectedId);
  const name = useAppState((state) => state.areas.find((area) => area.id === selectedId)?.name);
  const result = useStore(analysisState, (state) =>
    selectedId ? state.results[selectedId] : undefined,
  );
  if (!result || !name) return null;
  const figures = figuresOf(result);
  const shown = [
    { key: 'deficit-total', unit: 'tc', decimals: 0 },
    { key: 'potential-year', unit: 'tco2yr', decimals: 1 },
  ] as const;
  return (
    // Not a live region: it changes with every slider step; ResultsAnnouncer speaks the result
    // once the analysis is done.
    <div className="scenario-effect" data-testid="scenario-effect">
      <span className="scenario-effect-name">{name}</span>
      {shown.map(({ key, unit, decimals }) => {
        const figure = figureValue(figures, key);
        return (
          <span key={key} className="scenario-effect-figure" data-figure={key}>
            {t(`results.figure.${key}`)}:{' '}
            <strong>
              {figure
                ? `${format.number(figure.value, decimals)} ${t(`results.unit.${unit}`)}`
                : t('results.noData')}
            </strong>
          </span>
        );
      })}
    </div>
  );
}
