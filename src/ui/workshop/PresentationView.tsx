import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { COEFFICIENTS } from '../../core/estimate/coefficients';
import {
  type ComparedFigure,
  type Comparison,
  PEAT_PASTURE_T_CO2_PER_HA_YR,
  plainComparisons,
} from '../../core/workshop/comparisons';
import { packageState } from '../../map/active-package';
import { analysisState } from '../../map/area-analysis';
import { holdAreaAnalysis } from '../../map/area-analysis-hold';
import { plannerMap } from '../../map/areas-layer';
import { useAppState } from '../../state/use-app-state';
import { ResultsAnnouncer } from '../results/ResultsAnnouncer';
import { type FigureKey, figureValue, KEY_FIGURES, useFormat } from '../results/ResultsFigures';
import { figuresOf, type ResultFigures } from '../results/results-model';
import { setPresenting } from './presentation-keys';
import { stepScene } from './scene-actions';
import './workshop.css';

/**
 * The key figures in the order the presentation shows them: the four with a comparison (two lines
 * more) side by side in two rows, so all nine fit a 1280x720 projector without scrolling.
 */
const PRESENTATION_ORDER: FigureKey[] = [
  'area-ha',
  'coverage-pct',
  'sealed-pct',
  'om-mean',
  'stock-mean',
  'co2-total',
  'deficit-total',
  'potential-year',
  'stock-total',
];
const PRESENTED = PRESENTATION_ORDER.map((key) => {
  const figure = KEY_FIGURES.find((each) => each.key === key);
  if (!figure) throw new Error(`unknown figure ${key}`);
  return figure;
});

/** Decimals of the comparisons: tenths below 10, whole numbers above. */
const comparisonDecimals = (value: number) => (Math.abs(value) < 10 ? 1 : 0);

function ComparisonText({
  figure,
  comparison,
}: {
  figure: ComparedFigure;
  comparison: Comparison;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const hectares = format.number(comparison.hectares, comparisonDecimals(comparison.hectares));
  if (comparison.kind === 'peatYears') {
    const decimals = comparisonDecimals(comparison.years);
    const years = format.number(comparison.years, decimals);
    const count = Number(comparison.years.toFixed(decimals));
    return <>{t(`workshop.comparison.${figure}`, { count, years, hectares })}</>;
  }
  return <>{t(`workshop.comparison.${figure}`, { hectares })}</>;
}

/**
 * The selected area's nine key figures, large, with the DESIGN.md 7.4 test ids and values (the
 * results panel, which has them otherwise, is not on the page now) and a plain comparison where the
 * method's own sourced figures allow one.
 */
function PresentationFigures({ figures }: { figures: ResultFigures }) {
  const { t } = useTranslation();
  const format = useFormat();
  const comparisons = useMemo(() => plainComparisons(figures), [figures]);
  return (
    <dl className="presentation-figures">
      {PRESENTED.map(({ key, unit, decimals }) => {
        const figure = figureValue(figures, key);
        const comparison = comparisons[key as ComparedFigure];
        return (
          <div key={key} className="presentation-figure">
            <dt>{t(`results.figure.${key}`)}</dt>
            <dd>
              {figure ? (
                <>
                  <span
                    className="presentation-value"
                    data-testid={key}
                    data-value={String(figure.value)}
                  >
                    {format.number(figure.value, decimals)}
                  </span>{' '}
                  <span className="presentation-unit">{t(`results.unit.${unit}`)}</span>
                </>
              ) : (
                <span className="presentation-value" data-testid={key}>
                  {t('results.noData')}
                </span>
              )}
              {comparison ? (
                <span className="presentation-comparison">
                  <ComparisonText figure={key as ComparedFigure} comparison={comparison} />
                </span>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Previous and next scene, "2 / 5" and the scene's name; leaving presentation mode. */
function PresentationControls() {
  const { t } = useTranslation();
  const scenes = useAppState((state) => state.scenes);
  const currentId = useAppState((state) => state.currentSceneId);
  const index = scenes.findIndex((scene) => scene.id === currentId);
  const current = index === -1 ? null : scenes[index];
  const count = scenes.length;
  return (
    <nav className="presentation-controls" aria-label={t('workshop.sceneNav')}>
      {count > 0 ? (
        <>
          <button
            type="button"
            className="presentation-step"
            aria-label={t('workshop.previous')}
            aria-keyshortcuts="ArrowLeft PageUp"
            disabled={index <= 0 && current !== null}
            onClick={() => stepScene(-1)}
          >
            <span aria-hidden="true">◀</span>
          </button>
          <p className="presentation-counter" aria-live="polite" aria-atomic="true">
            <span data-testid="scene-counter">
              {current
                ? t('workshop.counter', { index: index + 1, count })
                : t('workshop.noCurrent', { count })}
            </span>
            {current ? <span className="presentation-scene-name">{current.name}</span> : null}
          </p>
          <button
            type="button"
            className="presentation-step"
            aria-label={t('workshop.next')}
            aria-keyshortcuts="ArrowRight PageDown"
            disabled={index === count - 1}
            onClick={() => stepScene(1)}
          >
            <span aria-hidden="true">▶</span>
          </button>
        </>
      ) : null}
      <button
        type="button"
        className="presentation-leave"
        title={t('workshop.leaveTip')}
        aria-keyshortcuts="Escape"
        onClick={() => setPresenting(false)}
      >
        {t('workshop.leave')}
      </button>
    </nav>
  );
}

/**
 * Presentation mode (DESIGN.md 9): the region "Presentatie" / "Presentation" with the selected
 * area's key figures, and the scene controls. Holds the area analysis while the results panel is
 * out of the page, so drawing in presentation mode gives numbers as it does otherwise.
 */
export function PresentationView() {
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const areas = useAppState((state) => state.areas);
  const selectedId = useAppState((state) => state.selectedId);
  const results = useStore(analysisState, (state) => state.results);
  const chosenPackage = useStore(packageState, (state) => state.chosen);
  useEffect(() => holdAreaAnalysis(chosenPackage), [chosenPackage]);
  const region = useRef<HTMLElement>(null);
  // The focus goes to the presentation (the button that entered it has left the page).
  useEffect(() => region.current?.focus(), []);
  // The map's centre is the middle of the part the figures leave free: a scene's view, and what
  // was in the middle, stay in sight.
  useEffect(() => {
    const map = plannerMap();
    const box = region.current?.getBoundingClientRect();
    if (!map || !box) return;
    const container = map.getContainer().getBoundingClientRect();
    // Beside the map on a wide screen, below it on a narrow one.
    const beside = box.width < container.width * 0.6;
    const right = beside ? Math.max(0, container.right - box.left) : 0;
    const bottom = beside ? 0 : Math.max(0, container.bottom - box.top);
    map.setPadding({ top: 0, bottom, left: 0, right });
    return () => void map.setPadding({ top: 0, bottom: 0, left: 0, right: 0 });
  }, []);
  const selected = areas.find((area) => area.id === selectedId);
  const result = selected ? results[selected.id] : undefined;
  const figures = result ? figuresOf(result) : null;
  const rate = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB').format(
    PEAT_PASTURE_T_CO2_PER_HA_YR,
  );
  return (
    <>
      <section
        ref={region}
        className="presentation"
        aria-label={t('workshop.region')}
        tabIndex={-1}
      >
        {/* The top bar and its page title have left the page: the presentation names it. */}
        <h1 className="visually-hidden">{t('app.title')}</h1>
        {/* One polite announcement per finished analysis, as beside the results panel. */}
        <ResultsAnnouncer />
        <h2 className="presentation-title">
          {selected ? t('workshop.selected', { name: selected.name }) : t('workshop.region')}
        </h2>
        {!selected ? <p>{t('workshop.noSelection')}</p> : null}
        {selected && !figures ? <p role="status">{t('workshop.noResult')}</p> : null}
        {figures ? (
          <>
            <PresentationFigures figures={figures} />
            <p className="presentation-note">
              {figures.synthetic ? <strong>{t('results.syntheticNote')} </strong> : null}
              {t('results.indicative')}{' '}
              {t('workshop.source', {
                rate,
                source: COEFFICIENTS.peat.emission_t_co2_per_ha_yr.source,
              })}
            </p>
          </>
        ) : null}
      </section>
      <PresentationControls />
    </>
  );
}
