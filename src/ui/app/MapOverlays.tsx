import { useTranslation } from 'react-i18next';
import { BasemapSwitch } from './BasemapSwitch';
import { InspectPanel } from './InspectPanel';
import { MapNotice } from './MapNotice';
import { useSmallScreen } from './panel-tabs';
import { SyntheticBadge } from './SyntheticBadge';

/**
 * Everything that floats over the map besides the panels: the synthetic badge at the top (the
 * drawing toolbar sits below it), and at the bottom the basemap switch, the latest notice and the
 * inspector.
 */
export function MapOverlays() {
  const { t } = useTranslation();
  // On a small screen the basemap switch is part of the layers tab (LayerPanel).
  const small = useSmallScreen();
  return (
    <section className="map-overlays" aria-label={t('a11y.mapOverlays')}>
      <div className="overlay-top">
        <SyntheticBadge />
      </div>
      <div className="overlay-bottom">
        {small ? null : <BasemapSwitch />}
        <div className="overlay-center">
          <MapNotice />
          <InspectPanel />
        </div>
      </div>
    </section>
  );
}
