import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { RestoreReport } from '../../state/session-schema';
import { dismissSharedMessage, type SharedShown, sharedView } from '../../state/shared-view';
import { copyAreasToOwnWork, goBackToOwnWork } from './share-open';

/** What the checks of a shared state left out, in one line each. */
function Findings({ report }: { report: RestoreReport }) {
  const { t } = useTranslation();
  return (
    <>
      {report.droppedAreas.length > 0 ? (
        <p>{t('share.droppedAreas', { count: report.droppedAreas.length })}</p>
      ) : null}
      {report.scenarioFields.length + report.otherFields.length > 0 ? (
        <p>
          {t('share.droppedFields', {
            fields: [...report.scenarioFields, ...report.otherFields].join(', '),
          })}
        </p>
      ) : null}
    </>
  );
}

function SharedShownBanner({ shown }: { shown: SharedShown }) {
  const { t } = useTranslation();
  return (
    <section
      className="session-banner session-notice shared-banner"
      aria-labelledby="shared-title"
      data-testid="shared-banner"
    >
      <strong id="shared-title">{t('share.sharedTitle')}</strong>
      <p>
        {shown.source === 'file'
          ? t('share.sharedFile', { count: shown.areaCount, file: shown.fileName ?? '' })
          : t('share.sharedLink', { count: shown.areaCount })}
      </p>
      {shown.missingPackage ? (
        <p data-testid="shared-missing-package">
          {t('share.missingPackage', { id: shown.missingPackage })}
        </p>
      ) : null}
      {shown.report ? <Findings report={shown.report} /> : null}
      <div className="session-actions">
        <button type="button" onClick={goBackToOwnWork}>
          {t('share.back')}
        </button>
        <button type="button" disabled={shown.areaCount === 0} onClick={copyAreasToOwnWork}>
          {t('share.copyAreas')}
        </button>
      </div>
    </section>
  );
}

/** The shared state on screen, a link that could not be opened, or a passing message. */
export function SharedBanner() {
  const { t } = useTranslation();
  const { shown, error, message } = useStore(sharedView);
  return (
    <>
      {error ? (
        <div className="session-banner session-error" role="alert" data-testid="shared-error">
          <strong>{t('share.openFailedTitle')}</strong>
          <p data-code={error.code}>{t(error.code, error.params)}</p>
          <div className="session-actions">
            <button type="button" onClick={dismissSharedMessage}>
              {t('share.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
      {shown ? <SharedShownBanner shown={shown} /> : null}
      {message ? (
        <div className="session-banner session-notice" role="status" data-testid="shared-message">
          <p>{t(message.code, message.params)}</p>
          <div className="session-actions">
            <button type="button" onClick={dismissSharedMessage}>
              {t('share.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}

/** True when the banner has something to show. */
export function useSharedBannerShown(): boolean {
  return useStore(sharedView, (state) => Boolean(state.shown || state.error || state.message));
}
