import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { persistState } from '../state/persist';
import { store } from '../state/store';
import { useAppState } from '../state/use-app-state';
import { AreaEntry } from './AreaEntry';
import { AreaRow } from './AreaRow';
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

/** The list of areas: select, rename, colour, show or hide, zoom to and remove. */
export function AreasPanel() {
  const { t } = useTranslation();
  const areas = useAppState((state) => state.areas);
  const selectedId = useAppState((state) => state.selectedId);
  return (
    <section className="areas-panel" aria-labelledby="areas-title">
      <div className="panel-heading">
        <h2 id="areas-title">{t('areas.title')}</h2>
        <NewSession />
      </div>
      {areas.length === 0 ? <p className="muted">{t('areas.empty')}</p> : null}
      <ul className="area-list">
        {areas.map((area) => (
          <AreaRow key={area.id} area={area} selected={area.id === selectedId} />
        ))}
      </ul>
      <AreaEntry />
      <SaveStatus />
    </section>
  );
}
