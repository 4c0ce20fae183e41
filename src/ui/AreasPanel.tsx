import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { persistState } from '../state/persist';
import { store } from '../state/store';
import { useAppState } from '../state/use-app-state';
import { AreaEntry } from './AreaEntry';
import { AreaRow } from './AreaRow';
import { BatchButton } from './BatchPanel';
import './areas-panel.css';

/** Asks before a new session removes the areas and the scenario. */
function NewSession() {
  const { t } = useTranslation();
  const count = useAppState((state) => state.areas.length);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="new-session" onClick={() => setAsking(true)}>
        {t('areas.newSession')}
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-label={t('areas.newSession')}>
      <p>{t('areas.confirmNewSession', { count })}</p>
      <button
        type="button"
        onClick={() => {
          store.getState().replaceAreas([]);
          store.getState().resetScenario();
          setAsking(false);
        }}
      >
        {t('areas.confirmClear')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('areas.cancel')}
      </button>
    </div>
  );
}

/** Whether autosave works; a failure says that the work is still on screen. */
function SaveStatus() {
  const { t } = useTranslation();
  const { savedAt, error, restoreFailed } = useStore(persistState);
  return (
    <>
      {restoreFailed ? (
        <p className="entry-error" role="alert">
          {t('areas.restoreFailed')}
        </p>
      ) : null}
      {error ? (
        <p className="entry-error" role="alert">
          {t('areas.saveFailed', { reason: error })}
        </p>
      ) : savedAt ? (
        <p className="muted save-status">{t('areas.saved')}</p>
      ) : null}
    </>
  );
}

/** Rows rendered at first; thousands of imported areas are shown a page at a time. */
const LIST_PAGE = 200;

/** The list of areas: select, rename, colour, show or hide, zoom to and remove. */
export function AreasPanel() {
  const { t } = useTranslation();
  const areas = useAppState((state) => state.areas);
  const selectedId = useAppState((state) => state.selectedId);
  const [limit, setLimit] = useState(LIST_PAGE);
  const shown = areas.length > limit ? areas.slice(0, limit) : areas;
  const selectedBeyond =
    shown === areas
      ? undefined
      : areas.find((area, index) => index >= limit && area.id === selectedId);
  return (
    <section className="areas-panel" aria-labelledby="areas-title">
      <div className="panel-heading">
        <h2 id="areas-title">{t('areas.title')}</h2>
        <BatchButton />
        <NewSession />
      </div>
      {areas.length === 0 ? <p className="muted">{t('areas.empty')}</p> : null}
      <ul className="area-list">
        {shown.map((area) => (
          <AreaRow key={area.id} area={area} selected={area.id === selectedId} />
        ))}
        {selectedBeyond ? <AreaRow key={selectedBeyond.id} area={selectedBeyond} selected /> : null}
      </ul>
      {areas.length > limit ? (
        <button type="button" className="new-session" onClick={() => setLimit(limit + LIST_PAGE)}>
          {t('batch.showMore', {
            count: Math.min(LIST_PAGE, areas.length - limit),
            total: areas.length,
          })}
        </button>
      ) : null}
      <AreaEntry />
      <SaveStatus />
    </section>
  );
}
