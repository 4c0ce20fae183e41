import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../state/use-app-state';
import { AreasPanel } from './AreasPanel';
import { DrawToolbar } from './DrawToolbar';
import { LayerPanel } from './LayerPanel';
import { MapOverlays } from './MapOverlays';
import { MapView } from './MapView';
import { ResultsPanel } from './ResultsPanel';
import { ScenarioPanel } from './ScenarioPanel';
import { TopBar } from './TopBar';

/**
 * Layout: the map fills the screen; panels float over it. Left: layers. Right: areas, results,
 * scenario. Top: title, search and language; drawing tools beside the map.
 */
export function App() {
  const language = useAppState((state) => state.language);
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    localStorage.setItem('koolstofkaart.language', language);
  }, [language, i18n]);
  return (
    <div className="app">
      <MapView />
      <TopBar />
      <LayerPanel />
      <MapOverlays />
      <DrawToolbar />
      <aside className="panel panel-right" data-slot="areas">
        <AreasPanel />
        <ResultsPanel />
        <ScenarioPanel />
      </aside>
    </div>
  );
}
