import { memo, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { AreaResult } from '../../core/engine/types';
import { packageState } from '../../map/active-package';
import { analysisState } from '../../map/area-analysis';
import { holdAreaAnalysis } from '../../map/area-analysis-hold';
import { useAppState } from '../../state/use-app-state';
import { formatNumber } from '../common/format';
import { ExportMenu } from '../export/ExportMenu';
import { PackageCoverage } from '../layers/PackageCoverage';
import { ResultsCompare } from './ResultsCompare';
import { ResultsDetails } from './ResultsDetails';
import { ResultsFigures } from './ResultsFigures';
import { ResultsMethod } from './ResultsMethod';
import { figuresOf, type ResultFigures, totalOf } from './results-model';
import { UserLayerNotices } from './UserLayerNotices';

function Notes({ figures }: { figures: ResultFigures }) {
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const missing = figures.coveragePct === null ? 0 : 100 - figures.coveragePct;
  return (
    <>
      {figures.synthetic ? (
        <p className="result-synthetic">
          <strong>{t('results.synthetic')}</strong> — {t('results.syntheticNote')}
        </p>
      ) : null}
      <p className="muted result-indicative">{t('results.indicative')}</p>
      {missing > 0.05 ? (
        <p className="result-warning" role="note" data-testid="coverage-warning">
          {t('results.coverageWarning', { pct: formatNumber(missing, language, 1) })}
        </p>
      ) : null}
    </>
  );
}

function Status() {
  const { t } = useTranslation();
  const status = useStore(analysisState, (state) => state.status);
  const progress = useStore(analysisState, (state) => state.progress);
  const error = useStore(analysisState, (state) => state.error);
  if (status === 'failed') {
    return (
      <p className="result-warning" role="alert">
        {t('results.failed', { detail: error ? t(error.code, error.params) : '' })}
      </p>
    );
  }
  if (status !== 'running' && status !== 'opening') return null;
  return (
    // Not a live region: progress would speak on every scenario step; ResultsAnnouncer (in the
    // map overlays) speaks once when the analysis is done.
    <div className="result-status">
      {status === 'opening' ? t('results.opening') : t('results.running')}
      {progress ? (
        <progress aria-label={t('results.progress')} max={progress.total} value={progress.done} />
      ) : null}
    </div>
  );
}

/** Memoised: a selection or a rename re-renders the panel, and the total needs neither. */
const TotalFigures = memo(function TotalFigures({ results }: { results: AreaResult[] }) {
  const figures = totalOf(results);
  return (
    <>
      <Notes figures={figures} />
      <ResultsFigures figures={figures} prefix="total-" />
    </>
  );
});

/** The results region (DESIGN.md 7.4): the selected area, the total, comparison and method. */
export function ResultsPanel() {
  const { t } = useTranslation();
  const areas = useAppState((state) => state.areas);
  const selectedId = useAppState((state) => state.selectedId);
  const results = useStore(analysisState, (state) => state.results);
  const chosenPackage = useStore(packageState, (state) => state.chosen);
  // A switch of data package analyses every area again, on the new package's layers. The
  // presentation holds the same analysis, so switching to it analyses nothing again.
  useEffect(() => holdAreaAnalysis(chosenPackage), [chosenPackage]);
  const selected = useMemo(() => areas.find((area) => area.id === selectedId), [areas, selectedId]);
  const selectedResult = selected ? results[selected.id] : undefined;
  // Over all areas: only when the areas or the results change, not on a selection.
  const all = useMemo(
    () => areas.map((area) => results[area.id]).filter((result) => result !== undefined),
    [areas, results],
  );
  const selectedFigures = selectedResult ? figuresOf(selectedResult) : null;
  return (
    <section className="results-panel" aria-labelledby="results-title">
      <h2 id="results-title">{t('results.title')}</h2>
      <Status />
      <UserLayerNotices />
      {areas.length === 0 ? <p className="muted">{t('results.none')}</p> : null}
      {selected ? (
        <h3 className="result-heading">{t('results.selected', { name: selected.name })}</h3>
      ) : areas.length ? (
        <p className="muted">{t('results.noSelection')}</p>
      ) : null}
      {selectedFigures ? (
        <div className="result-selected" data-area-id={selected?.id}>
          <Notes figures={selectedFigures} />
          {selected && !(selectedFigures.coveragePct && selectedFigures.coveragePct > 0) ? (
            <PackageCoverage geometry={selected.geometry} />
          ) : null}
          <ResultsFigures figures={selectedFigures} prefix="" />
          <ResultsDetails figures={selectedFigures} />
          <ResultsCompare selected={selectedFigures} />
        </div>
      ) : null}
      {areas.length > 1 && all.length === areas.length ? (
        <details className="result-total">
          <summary>{t('results.total', { count: areas.length })}</summary>
          <p className="muted">{t('results.totalOverlap')}</p>
          <TotalFigures results={all} />
        </details>
      ) : null}
      <ResultsMethod />
      <ExportMenu />
    </section>
  );
}
