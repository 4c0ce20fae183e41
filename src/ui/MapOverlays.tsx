import { BasemapSwitch } from './BasemapSwitch';
import { InspectPanel } from './InspectPanel';
import { MapNotice } from './MapNotice';
import { SyntheticBadge } from './SyntheticBadge';

/** Everything that floats over the map besides the panels: badge, notice, inspector, basemap. */
export function MapOverlays() {
  return (
    <div className="map-overlays">
      <div className="overlay-top">
        <SyntheticBadge />
        <MapNotice />
      </div>
      <div className="overlay-bottom">
        <BasemapSwitch />
        <InspectPanel />
      </div>
    </div>
  );
}
