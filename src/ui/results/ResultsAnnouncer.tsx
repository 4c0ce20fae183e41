import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaResult } from '../../core/engine/types';
import { type AreaAnalysisState, analysisState } from '../../map/area-analysis';
import { store } from '../../state/store';
import { formatNumber } from '../common/format';
import { figureValue, KEY_FIGURES } from './ResultsFigures';
import { figuresOf } from './results-model';

/**
 * Quiet time after an analysis finishes before its result is announced, ms: a scenario slider
 * dragged or stepped with the arrow keys starts an analysis per step, and only the last one is
 * worth hearing.
 */
export const ANNOUNCE_AFTER_MS = 1000;

/** Time between emptying the live region and filling it, ms (screen readers need a change). */
const REFILL_MS = 100;

/** The figures a screen reader hears after an analysis: the stock and the potential. */
const SPOKEN = ['stock-total', 'potential-year'] as const;

/**
 * The one polite live region of the results: it speaks once per finished analysis (the selected
 * area's stock and potential, or the number of areas), never per slider step and never while an
 * analysis runs. Visually hidden; the figures are on screen already.
 */
export function ResultsAnnouncer() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let refill: ReturnType<typeof setTimeout> | undefined;
    let announced: AreaAnalysisState['results'] | null = null;
    const speak = () => {
      const { results } = analysisState.getState();
      announced = results;
      const { selectedId, areas, language } = store.getState();
      const selected = selectedId ? results[selectedId] : undefined;
      const name = areas.find((area) => area.id === selectedId)?.name;
      const next =
        selected && name !== undefined
          ? describe(selected, name, language)
          : areas.length > 0
            ? t('a11y.resultsTotal', { count: areas.length })
            : '';
      // Emptied first, so that a result that reads as before is still spoken as new.
      setText('');
      clearTimeout(refill);
      refill = setTimeout(() => setText(next), REFILL_MS);
    };
    const describe = (result: AreaResult, name: string, language: 'nl' | 'en') => {
      const figures = figuresOf(result);
      const parts = SPOKEN.map((key) => {
        const spec = KEY_FIGURES.find((each) => each.key === key);
        const figure = figureValue(figures, key);
        const value = figure
          ? `${formatNumber(figure.value, language, spec?.decimals ?? 0)} ${t(`results.unit.${spec?.unit}`)}`
          : t('results.noData');
        return t('a11y.figure', { label: t(`results.figure.${key}`), value });
      });
      if (figures.potentialHorizon) {
        const years = figures.horizonYears ?? store.getState().scenario.horizon_years;
        parts.push(
          t('a11y.figure', {
            label: t('export.potentialHorizon', { years }),
            value: `${formatNumber(figures.potentialHorizon.central, language, 0)} ${t('results.unit.tco2')}`,
          }),
        );
      }
      return t('a11y.resultsFor', { name, figures: parts.join(', ') });
    };
    const onChange = (state: AreaAnalysisState) => {
      clearTimeout(timer);
      if (state.status !== 'done' || state.results === announced) return;
      timer = setTimeout(speak, ANNOUNCE_AFTER_MS);
    };
    const unsubscribe = analysisState.subscribe(onChange);
    // An analysis that finished before the results panel loaded is spoken too.
    onChange(analysisState.getState());
    return () => {
      clearTimeout(timer);
      clearTimeout(refill);
      unsubscribe();
    };
  }, [t]);
  return (
    <p
      className="visually-hidden"
      aria-live="polite"
      aria-atomic="true"
      data-testid="results-announcement"
    >
      {text}
    </p>
  );
}
