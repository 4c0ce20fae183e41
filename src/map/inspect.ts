import type { Map as MapLibreMap } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import { createStore } from 'zustand/vanilla';
import type { LonLat, RdPoint } from '../core/projection/rd';
import type { LayerId } from '../core/raster/classes';
import type { AppStore } from '../state/store';
import { drawState } from './draw-host';

/** Physical values (unit of the catalogue) of layers at one RD point; null where there is no data. */
export type ValueReader = (
  ids: LayerId[],
  point: RdPoint,
  signal: AbortSignal,
) => Promise<Partial<Record<LayerId, number | null>>>;

export interface InspectState {
  /** The cursor (or pinned) position, null when the cursor is off the map. */
  lngLat: LonLat | null;
  rd: RdPoint | null;
  pinned: boolean;
  /** Values of the position above, per visible layer; missing while being read. */
  values: Partial<Record<LayerId, number | null>>;
  /** True while values for the current position are being read. */
  reading: boolean;
  /** False while another tool (drawing) owns map clicks: clicks then do not pin. */
  clickToPin: boolean;
}

/** What the inspector shows; written by the map, read by the InspectPanel. Not saved. */
export const inspectStatus = createStore<InspectState>()(() => ({
  lngLat: null,
  rd: null,
  pinned: false,
  values: {},
  reading: false,
  clickToPin: true,
}));

function visibleLayerIds(store: AppStore): LayerId[] {
  const state = store.getState();
  return state.layerOrder.filter((id) => state.layerViews[id]?.visible).reverse();
}

let projection: Promise<typeof import('../core/projection/rd')> | null = null;

/** proj4 loads on the first hover, not with the page (it is not needed before the map shows). */
function loadProjection(): Promise<typeof import('../core/projection/rd')> {
  projection ??= import('../core/projection/rd');
  return projection;
}

/**
 * Hover shows values under the cursor; a click pins them (a marker stays), another click or Esc
 * unpins; Enter on the focused map pins its centre. Reads are throttled to one at a time per
 * animation frame and the newest position wins, so the map never waits for them.
 */
export function followInspect(map: MapLibreMap, store: AppStore, read: ValueReader): () => void {
  let pending: LonLat | null = null;
  let frame = 0;
  let inFlight: AbortController | null = null;
  let marker: maplibregl.Marker | null = null;

  const readAt = async (lngLat: LonLat) => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const { wgs84ToRd } = await loadProjection();
    if (controller.signal.aborted) return;
    const rd = wgs84ToRd(lngLat);
    const ids = visibleLayerIds(store);
    inspectStatus.setState({ lngLat, rd, reading: ids.length > 0, values: {} });
    if (ids.length === 0) return;
    read(ids, rd, controller.signal).then(
      (values) => {
        if (controller.signal.aborted) return;
        inFlight = null;
        inspectStatus.setState({ values, reading: false });
        if (pending) schedule();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        inFlight = null;
        inspectStatus.setState({ reading: false });
        console.error(error);
      },
    );
  };

  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      // While a read is running, only the newest position is kept; it is read when that one ends.
      if (!pending || inFlight) return;
      const next = pending;
      pending = null;
      void readAt(next);
    });
  };

  const pin = (lngLat: LonLat) => {
    pending = null;
    inspectStatus.setState({ pinned: true });
    void readAt(lngLat);
    const element = document.createElement('div');
    element.className = 'inspect-pin';
    marker?.remove();
    marker = new maplibregl.Marker({ element }).setLngLat(lngLat).addTo(map);
  };
  const unpin = () => {
    marker?.remove();
    marker = null;
    inspectStatus.setState({ pinned: false });
  };

  const onMove = (event: maplibregl.MapMouseEvent) => {
    if (inspectStatus.getState().pinned) return;
    pending = [event.lngLat.lng, event.lngLat.lat] as LonLat;
    schedule();
  };
  const onOut = () => {
    if (inspectStatus.getState().pinned) return;
    pending = null;
    inFlight?.abort();
    inFlight = null;
    inspectStatus.setState({ lngLat: null, rd: null, values: {}, reading: false });
  };
  const onClick = (event: maplibregl.MapMouseEvent) => {
    if (!inspectStatus.getState().clickToPin) return;
    if (inspectStatus.getState().pinned) {
      unpin();
      pending = [event.lngLat.lng, event.lngLat.lat] as LonLat;
      schedule();
    } else {
      pin([event.lngLat.lng, event.lngLat.lat] as LonLat);
    }
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && inspectStatus.getState().pinned) unpin();
    // While a drawing tool owns the map, Enter closes its shape and must not pin too.
    const drawing = !inspectStatus.getState().clickToPin || drawState.getState().tool !== null;
    if (event.key === 'Enter' && event.target === map.getCanvas() && !drawing) {
      const center = map.getCenter();
      pin([center.lng, center.lat] as LonLat);
    }
  };

  map.on('mousemove', onMove);
  map.on('mouseout', onOut);
  map.on('click', onClick);
  document.addEventListener('keydown', onKey);
  // Layers switched on or off change what a pinned point shows.
  const unsubscribe = store.subscribe((state, previous) => {
    const { pinned, lngLat } = inspectStatus.getState();
    if (state.layerViews !== previous.layerViews && lngLat && (pinned || !pending))
      void readAt(lngLat);
  });
  // A drawing tool owns map clicks: they place vertices, not pins. When a shape's last click ends
  // the tool, that same click's event is still to come, so pinning returns a task later.
  let toolTimer: ReturnType<typeof setTimeout> | undefined;
  const followTool = () => {
    clearTimeout(toolTimer);
    const { tool, loading } = drawState.getState();
    // While a tool loads, its clicks are held for it (draw-host): they must not pin either.
    if (tool !== null || loading) inspectStatus.setState({ clickToPin: false });
    else toolTimer = setTimeout(() => inspectStatus.setState({ clickToPin: true }), 0);
  };
  inspectStatus.setState({ clickToPin: drawState.getState().tool === null });
  const unsubscribeTool = drawState.subscribe((state, previous) => {
    if (state.tool !== previous.tool || state.loading !== previous.loading) followTool();
  });
  return () => {
    unsubscribe();
    unsubscribeTool();
    clearTimeout(toolTimer);
    map.off('mousemove', onMove);
    map.off('mouseout', onOut);
    map.off('click', onClick);
    document.removeEventListener('keydown', onKey);
    if (frame) cancelAnimationFrame(frame);
    inFlight?.abort();
    marker?.remove();
  };
}
