import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { attachAreasLayer } from '../../map/areas-layer';
import { createMap } from '../../map/create-map';
import { detachDraw, drawState, preloadDrawing } from '../../map/draw-host';
import { inspectStatus } from '../../map/inspect';
import { mapStatus } from '../../map/map-status';
import { setViewPaddingProvider } from '../../map/view-padding';
import { store } from '../../state/store';
import { panelPadding } from './map-padding';
import './a11y.css';

/** Runs `then` once the map has been idle once; returns a function that stops waiting. */
function afterFirstIdle(then: () => void): () => void {
  if (mapStatus.getState().firstIdle) {
    then();
    return () => {};
  }
  const unsubscribe = mapStatus.subscribe((status) => {
    if (!status.firstIdle) return;
    unsubscribe();
    then();
  });
  return unsubscribe;
}

/** The full-screen MapLibre map; everything map-side lives in src/map and subscribes to the store. */
export function MapView() {
  const { t } = useTranslation();
  const container = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!container.current) return;
    // The first view and "zoom to area" fit into the part of the map no panel covers.
    setViewPaddingProvider(panelPadding);
    const handle = createMap(container.current);
    // The click that ends a shape must not also select the area under it: inspectStatus keeps map
    // clicks for the tool until the task after the tool ends.
    const detachAreas = attachAreasLayer(
      handle.map,
      () => drawState.getState().tool !== null || !inspectStatus.getState().clickToPin,
    );
    // Loaded after the first idle, as the search box: it matters once an outline is on the map.
    let detachAttribution = () => {};
    let detached = false;
    const stopWaiting = afterFirstIdle(() => {
      preloadDrawing();
      void import('../../map/municipality-attribution').then(
        ({ attachMunicipalityAttribution }) => {
          if (!detached) detachAttribution = attachMunicipalityAttribution(handle.map, store);
        },
      );
    });
    return () => {
      detachDraw();
      detachAreas();
      detached = true;
      stopWaiting();
      detachAttribution();
      handle.destroy();
    };
  }, []);
  // A landmark around the canvas, its place labels and its controls (scale, attribution).
  return (
    <section ref={container} className="map" data-testid="map" aria-label={t('a11y.mapView')} />
  );
}
