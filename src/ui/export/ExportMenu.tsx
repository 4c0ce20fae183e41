import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ExportCrs } from '../../core/export/geojson';
import { analysisState } from '../../map/area-analysis';
import { store } from '../../state/store';
import { useAppState } from '../../state/use-app-state';
import './export-menu.css';
import { mapPng } from './ExportImage';
import { csvFileText, downloadBlob, fileName, geoJsonText } from './export-inputs';

/** The report and its stylesheet load when first opened, not with the app. */
const Report = lazy(() =>
  import('../report/Report').then((module) => ({ default: module.Report })),
);

/**
 * Export of the areas and their results: GeoJSON (WGS84 or RD New), CSV, a PNG of the map and
 * the report of the selected area. Every file is made in the browser and saved as a download.
 */
export function ExportMenu() {
  const { t } = useTranslation();
  const areaCount = useAppState((state) => state.areas.length);
  const selectedId = useAppState((state) => state.selectedId);
  // A boolean, not the results: a new result of another area does not re-render the menu.
  const hasSelectedResult = useStore(
    analysisState,
    (state) => selectedId !== null && state.results[selectedId] !== undefined,
  );
  const [message, setMessage] = useState('');
  const [reportId, setReportId] = useState<string | null>(null);

  const ready = (): boolean => {
    const { areas } = store.getState();
    if (areas.length === 0) {
      setMessage(t('export.noAreas'));
      return false;
    }
    const { results: now } = analysisState.getState();
    if (areas.some((area) => now[area.id] === undefined)) {
      setMessage(t('export.waiting'));
      return false;
    }
    return true;
  };

  const save = (blob: Blob, name: string) => {
    downloadBlob(blob, name);
    setMessage(t('export.done', { file: name }));
  };

  const geoJson = (crs: ExportCrs) => {
    if (!ready()) return;
    const text = geoJsonText(store.getState(), crs);
    const stem = crs === 'EPSG:28992' ? 'gebieden-rd' : 'gebieden';
    save(new Blob([text], { type: 'application/geo+json' }), fileName(stem, 'geojson'));
  };

  const csv = () => {
    if (!ready()) return;
    const text = csvFileText(store.getState());
    save(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName('resultaten', 'csv'));
  };

  const png = async () => {
    try {
      const { blob } = await mapPng();
      save(blob, fileName('kaart', 'png'));
    } catch (error) {
      setMessage(t('export.pngFailed', { detail: String(error) }));
    }
  };

  /** The workshop file of the session on screen (DESIGN.md 9): no results needed. */
  const workshop = async () => {
    const { workshopFileName, workshopFileText } = await import('../share/workshop-export');
    const name = workshopFileName();
    save(new Blob([workshopFileText(store.getState())], { type: 'application/json' }), name);
  };

  const report = () => {
    if (!ready() || selectedId === null) return;
    setReportId(selectedId);
  };

  return (
    <section className="export-menu" aria-labelledby="export-title">
      <h3 id="export-title">{t('export.menu')}</h3>
      <div className="export-buttons">
        <button type="button" disabled={areaCount === 0} onClick={() => geoJson('EPSG:4326')}>
          {t('export.geojsonWgs84')}
        </button>
        <button type="button" disabled={areaCount === 0} onClick={() => geoJson('EPSG:28992')}>
          {t('export.geojsonRd')}
        </button>
        <button type="button" disabled={areaCount === 0} onClick={csv}>
          {t('export.csv')}
        </button>
        <button type="button" onClick={() => void png()}>
          {t('export.png')}
        </button>
        <button type="button" disabled={!hasSelectedResult} onClick={report}>
          {t('export.report')}
        </button>
        <button type="button" onClick={() => void workshop()}>
          {t('share.exportWorkshop')}
        </button>
      </div>
      <p className="muted export-hint">{t('export.menuHint')}</p>
      <p className="export-message" role="status" data-testid="export-message">
        {message}
      </p>
      {reportId ? (
        <Suspense fallback={null}>
          <Report areaId={reportId} onClose={() => setReportId(null)} />
        </Suspense>
      ) : null}
    </section>
  );
}
