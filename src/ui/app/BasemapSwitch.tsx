import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { mapStatus } from '../../map/map-status';
import type { BasemapChoice } from '../../state/settings-slice';
import { store } from '../../state/store';
import { useAppState } from '../../state/use-app-state';

/** Offline basemap or, when online, the PDOK BRT basemap; failures fall back with a notice. */
export function BasemapSwitch() {
  const { t } = useTranslation();
  const choice = useAppState((state) => state.basemap);
  const shown = useStore(mapStatus, (status) => status.basemapShown);
  const options: Array<{ value: BasemapChoice; label: string }> = [
    { value: 'offline', label: t('map.basemapOfflineName') },
    { value: 'pdok', label: t('map.basemapPdokName') },
  ];
  return (
    <fieldset className="map-overlay basemap-switch">
      <legend>{t('map.basemap')}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name="basemap"
            value={option.value}
            checked={choice === option.value}
            onChange={() => store.getState().setBasemap(option.value)}
          />
          {option.label}
        </label>
      ))}
      {shown === 'loading' && (
        <p className="basemap-status" role="status">
          {t('map.basemapLoading')}
        </p>
      )}
    </fieldset>
  );
}
