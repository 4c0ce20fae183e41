import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { switchLanguage } from '../../i18n';
import { packageState } from '../../map/active-package';
import { mapStatus } from '../../map/map-status';
import { useAppState } from '../../state/use-app-state';
import { AreasPanel } from '../areas/AreasPanel';
import { DrawToolbar } from '../areas/DrawToolbar';
import { ImportControls } from '../import/ImportControls';
import { LayerPanel } from '../layers/LayerPanel';
import { UpdatePrompt } from '../offline/UpdatePrompt';
import { SessionBanners } from '../session/SessionBanners';
import { PresentationHost } from '../workshop/PresentationHost';
import { MapOverlays } from './MapOverlays';
import { MapView } from './MapView';
import { PanelTabs } from './PanelTabs';
import { TopBar } from './TopBar';

// Results and scenario load after the map's first idle: the map comes first on a cold start.
const ResultsPanel = lazy(() =>
  import('../results/ResultsPanel').then((m) => ({ default: m.ResultsPanel })),
);
const ScenarioPanel = lazy(() =>
  import('../scenario/ScenarioPanel').then((m) => ({ default: m.ScenarioPanel })),
);

/** Longest wait for the map's first idle before the deferred panels load anyway, ms. */
const DEFERRED_PANELS_MAX_WAIT_MS = 4000;

/** True once the map has been idle once, or after a few seconds whatever the map does. */
function useMapSettled(): boolean {
  const firstIdle = useStore(mapStatus, (status) => status.firstIdle);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), DEFERRED_PANELS_MAX_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  return firstIdle || waited;
}

/**
 * Layout: the map fills the screen; panels float over it. Left: layers above the scenario, so that
 * the scenario sits beside the figures it changes. Right: areas and results. Top: title,
 * search and language; drawing tools beside the map. A small screen shows one panel at a time in
 * a bottom sheet with tabs (PanelTabs, layout.css).
 */
export function App() {
  const language = useAppState((state) => state.language);
  const { i18n } = useTranslation();
  const settled = useMapSettled();
  const chosenPackage = useStore(packageState, (state) => state.chosen);
  // Presentation mode: the panels leave the page (DESIGN.md 9); map, drawing tools and banners stay.
  const presenting = useAppState((state) => state.presenting);
  useEffect(() => {
    if (i18n.language !== language) void switchLanguage(language);
    document.documentElement.lang = language;
    localStorage.setItem('koolstofkaart.language', language);
  }, [language, i18n]);
  return (
    <div className="app">
      {/* A switch of data package starts the map over on it; the areas stay in the store. */}
      <MapView key={chosenPackage ?? 'start'} />
      {presenting ? null : <TopBar />}
      {presenting ? null : <LayerPanel />}
      {/* Under the layers on a wide screen, beside the results it changes; a tab of the sheet on a
          small one. */}
      {presenting ? null : (
        <aside className="panel panel-left panel-scenario" aria-labelledby="scenario-title">
          {settled && (
            <Suspense fallback={null}>
              <ScenarioPanel />
            </Suspense>
          )}
        </aside>
      )}
      {presenting ? null : <PanelTabs />}
      {presenting ? null : <MapOverlays />}
      <DrawToolbar />
      {presenting ? null : <ImportControls />}
      <SessionBanners />
      <PresentationHost />
      <UpdatePrompt />
      {presenting ? null : (
        <aside className="panel panel-right" data-slot="areas">
          <AreasPanel />
          {settled && (
            <Suspense fallback={null}>
              <ResultsPanel />
            </Suspense>
          )}
        </aside>
      )}
    </div>
  );
}
