import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { persistState, type SaveFailure, startOverNewerSession } from '../../state/persist';
import type { RestoreReport } from '../../state/session-schema';
import { type AppState, store } from '../../state/store';
import { takeOverHere } from '../../state/tabs';
import { SharedBanner, useSharedBannerShown } from '../share/SharedBanner';

/** The exports load on first use: they are not needed to start. */
const exports = () => import('./session-export');
const downloadAreasGeoJson = (state: AppState) =>
  void exports().then((module) => module.downloadAreasGeoJson(state));
const downloadWorkshopFile = (state: AppState) =>
  void exports().then((module) => module.downloadWorkshopFile(state));
const downloadNewerSession = () => void exports().then((module) => module.downloadNewerSession());

import './session-banners.css';

/** Buttons that save the session on screen as files, at once. */
function ExportNow() {
  const { t } = useTranslation();
  return (
    <div className="session-actions">
      <button type="button" onClick={() => downloadAreasGeoJson(store.getState())}>
        {t('session.exportGeoJson')}
      </button>
      <button type="button" onClick={() => downloadWorkshopFile(store.getState())}>
        {t('session.exportWorkshop')}
      </button>
    </div>
  );
}

/** A failed save: what was not saved, and the export, until a save commits. */
function SaveFailedAlert({ failure }: { failure: SaveFailure }) {
  const { t, i18n } = useTranslation();
  const since = failure.lastSavedAt
    ? t('session.sinceTime', {
        time: new Date(failure.lastSavedAt).toLocaleTimeString(i18n.language),
      })
    : t('session.sinceNever');
  const params = { count: failure.areaCount, since, detail: failure.detail };
  return (
    <div className="session-banner session-error" role="alert" data-testid="save-failed">
      <strong>{t('session.notSavedTitle')}</strong>
      <p>
        {failure.reason === 'quota'
          ? t('session.saveFailedQuota', params)
          : t('session.saveFailedOther', params)}
      </p>
      <ExportNow />
    </div>
  );
}

/** Areas shown in a restore notice by name; the rest are counted. */
const LISTED_AREAS = 5;

/** What the restore left out or repaired; closed by the user. */
function RestoreNotice({ report }: { report: RestoreReport }) {
  const { t } = useTranslation();
  const dropped = report.droppedAreas;
  const list = (items: string[]) => items.join(', ');
  return (
    <div className="session-banner session-notice" role="status" data-testid="restore-notice">
      <strong>{t('session.restoreTitle')}</strong>
      {dropped.length > 0 ? (
        <>
          <p>{t('session.restoreDropped', { count: dropped.length })}</p>
          <ul>
            {dropped.slice(0, LISTED_AREAS).map((area) => (
              <li key={area.index}>
                {t('session.restoreDroppedArea', {
                  name: area.name,
                  index: area.index,
                  reason: t(area.code, { ...area.params, feature: area.index }),
                })}
              </li>
            ))}
          </ul>
          {dropped.length > LISTED_AREAS ? (
            <p>{t('session.restoreMoreAreas', { count: dropped.length - LISTED_AREAS })}</p>
          ) : null}
        </>
      ) : null}
      {report.repairedAreas.length > 0 ? (
        <p>
          {t('session.restoreRepaired', {
            count: report.repairedAreas.length,
            names: list(report.repairedAreas.slice(0, LISTED_AREAS)),
          })}
        </p>
      ) : null}
      {report.renamedIds > 0 ? (
        <p>{t('session.restoreRenamed', { count: report.renamedIds })}</p>
      ) : null}
      {report.scenarioFields.length > 0 ? (
        <p>{t('session.restoreScenario', { fields: list(report.scenarioFields) })}</p>
      ) : null}
      {report.otherFields.length > 0 ? (
        <p>{t('session.restoreOther', { fields: list(report.otherFields) })}</p>
      ) : null}
      {report.ignoredJournal ? <p>{t('session.restoreJournal')}</p> : null}
      <p>{t('session.restoreKept')}</p>
      <div className="session-actions">
        <button type="button" onClick={() => persistState.setState({ restoreReport: null })}>
          {t('session.dismiss')}
        </button>
      </div>
    </div>
  );
}

/** A newer version's session: kept untouched until the user exports it or starts over. */
function NewerSessionBanner({ version }: { version: number }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <div className="session-banner session-warning" role="alert" data-testid="newer-session">
      <strong>{t('session.newerTitle')}</strong>
      <p>{t('session.newer', { version })}</p>
      {asking ? <p>{t('session.newerConfirm')}</p> : null}
      <div className="session-actions">
        <button type="button" onClick={downloadNewerSession}>
          {t('session.newerExport')}
        </button>
        {asking ? (
          <>
            <button type="button" onClick={startOverNewerSession}>
              {t('session.newerConfirmYes')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('session.cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setAsking(true)}>
            {t('session.newerStartOver')}
          </button>
        )}
      </div>
    </div>
  );
}

/** This tab is not the one that saves; the user can continue here instead. */
function OtherTabBanner({ changed }: { changed: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'asking' | 'busy' | { failed: string }>('idle');
  const takeOver = () => {
    setState('busy');
    takeOverHere().then(
      () => setState('idle'),
      (error: unknown) => setState({ failed: String(error) }),
    );
  };
  return (
    <div className="session-banner session-warning" role="alert" data-testid="other-tab">
      <p>{t('session.otherTab')}</p>
      {changed ? <p>{t('session.otherTabChanged')}</p> : null}
      {state === 'asking' ? <p>{t('session.takeOverConfirm')}</p> : null}
      {state === 'busy' ? <p>{t('session.takingOver')}</p> : null}
      {typeof state === 'object' ? (
        <p>{t('session.takeOverFailed', { detail: state.failed })}</p>
      ) : null}
      {changed ? <ExportNow /> : null}
      <div className="session-actions">
        {state === 'asking' ? (
          <>
            <button type="button" onClick={takeOver}>
              {t('session.takeOverYes')}
            </button>
            <button type="button" onClick={() => setState('idle')}>
              {t('session.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            disabled={state === 'busy'}
            onClick={() => (changed ? setState('asking') : takeOver())}
          >
            {t('session.takeOver')}
          </button>
        )}
      </div>
    </div>
  );
}

/** Persistent messages about the saved session, above the map. */
export function SessionBanners() {
  const failure = useStore(persistState, (status) => status.failure);
  const report = useStore(persistState, (status) => status.restoreReport);
  const newer = useStore(persistState, (status) => status.newer);
  const role = useStore(persistState, (status) => status.role);
  const changed = useStore(persistState, (status) => status.changedWhileReader);
  const shared = useSharedBannerShown();
  if (!failure && !report && !newer && role === 'writer' && !shared) return null;
  return (
    <div className="session-banners">
      <SharedBanner />
      {newer ? <NewerSessionBanner version={newer.version} /> : null}
      {role === 'reader' ? <OtherTabBanner changed={changed} /> : null}
      {failure ? <SaveFailedAlert failure={failure} /> : null}
      {report ? <RestoreNotice report={report} /> : null}
    </div>
  );
}

/** The autosave status line: saved only once a write committed. */
export function SaveStatus() {
  const { t } = useTranslation();
  const { savedAt, pending, failure, restoreFailed, newer, role, shared } = useStore(persistState);
  if (restoreFailed) {
    return (
      <p className="entry-error" role="alert">
        {t('areas.restoreFailed')}
      </p>
    );
  }
  // The banners say why nothing is saved.
  if (failure || newer || role === 'reader' || shared) return null;
  if (pending) return <p className="muted save-status">{t('session.saving')}</p>;
  return savedAt ? <p className="muted save-status">{t('session.saved')}</p> : null;
}
