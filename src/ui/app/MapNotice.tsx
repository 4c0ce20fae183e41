import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { mapStatus } from '../../map/map-status';

/** The map's latest message (dataset or basemap trouble), until closed. */
export function MapNotice() {
  const { t } = useTranslation();
  const notice = useStore(mapStatus, (status) => status.notice);
  if (!notice) return null;
  return (
    <div
      className={`map-overlay map-notice is-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="map-notice"
      data-code={notice.code}
    >
      <p>{t(notice.code, notice.params)}</p>
      <button
        type="button"
        className="icon-button"
        aria-label={t('map.dismiss')}
        title={t('map.dismiss')}
        onClick={() => mapStatus.getState().setNotice(null)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
