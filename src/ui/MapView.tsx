import { useEffect, useRef } from 'react';
import { createMap } from '../map/create-map';

/** The full-screen MapLibre map; everything map-side lives in src/map and subscribes to the store. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const handle = createMap(container.current);
    return () => handle.destroy();
  }, []);
  return <div ref={container} className="map" data-testid="map" />;
}
