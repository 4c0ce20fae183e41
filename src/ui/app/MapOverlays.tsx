import { BasemapSwitch } from './BasemapSwitch';
import { InspectPanel } from './InspectPanel';
import { MapNotice } from './MapNotice';
import { SyntheticBadge } from './SyntheticBadge';

/**
 * Everything that floats over the map besides the panels: the synthetic badge at the top (the
 * drawing toolbar sits below it), and at the bottom the basemap switch, the latest notice and the
 * inspector.
 */
export function MapOverlays() {
  return (
    <div className="map-overlays">
      <div className="overlay-top">
        <SyntheticBadge />
      </div>
      <div className="overlay-bottom">
        <BasemapSwitch />
        <div className="overlay-center">
          <MapNotice />
          <InspectPanel />
        </div>
      </div>
    </div>
  );
}
