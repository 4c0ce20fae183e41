import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { mapStatus } from '../../map/map-status';
import { BasemapSwitch } from './BasemapSwitch';
import { InspectPanel } from './InspectPanel';
import { MapNotice } from './MapNotice';
import { useSmallScreen } from './panel-tabs';
import { SyntheticBadge } from './SyntheticBadge';

/** The results' live region loads with the results code, after the map's first idle. */
const ResultsAnnouncer = lazy(() =>
  import('../results/ResultsAnnouncer').then((m) => ({ default: m.ResultsAnnouncer })),
);

/**
 * Everything that floats over the map besides the panels: the synthetic badge at the top (the
 * drawing toolbar sits below it), and at the bottom the basemap switch, the latest notice and the
 * inspector.
 */
export function MapOverlays() {
  const { t } = useTranslation();
  // On a small screen the basemap switch is part of the layers tab (LayerPanel).
  const small = useSmallScreen();
  const settled = useStore(mapStatus, (status) => status.firstIdle);
  return (
    <section className="map-overlays" aria-label={t('a11y.mapOverlays')}>
      <div className="overlay-top">
        <SyntheticBadge />
      </div>
      {/* Here, not in the results panel: a small screen hides that panel behind another tab, and a
          hidden live region is never heard. */}
      {settled ? (
        <Suspense fallback={null}>
          <ResultsAnnouncer />
        </Suspense>
      ) : null}
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
