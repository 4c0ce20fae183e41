import { useEffect, useRef } from 'react';
import { attachAreasLayer } from '../map/areas-layer';
import { createMap } from '../map/create-map';
import { detachDraw, drawState } from '../map/draw-host';
import { attachMunicipalityAttribution } from '../map/municipality-attribution';
import { store } from '../state/store';

/** The full-screen MapLibre map; everything map-side lives in src/map and subscribes to the store. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const handle = createMap(container.current);
    const detachAreas = attachAreasLayer(handle.map, () => drawState.getState().tool !== null);
    const detachAttribution = attachMunicipalityAttribution(handle.map, store);
    return () => {
      detachDraw();
      detachAreas();
      detachAttribution();
      handle.destroy();
    };
  }, []);
  return <div ref={container} className="map" data-testid="map" />;
}
