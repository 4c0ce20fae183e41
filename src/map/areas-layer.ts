import type { MultiPolygon, Polygon } from 'geojson';
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LngLatBoundsLike,
  Map as MapLibreMap,
} from 'maplibre-gl';
import { store } from '../state/store';
import {
  areasFeatureCollection,
  areasSourceChange,
  type DrawnAreas,
  drawnAreasOf,
} from './areas-source';
import { viewPadding } from './view-padding';

const SOURCE_ID = 'kk-areas';
const FILL_ID = 'kk-areas-fill';
/** The areas' lowest map layer: data rasters go below it. */
export const AREAS_BOTTOM_LAYER_ID = FILL_ID;
const LINE_ID = 'kk-areas-line';
/** A light halo under each outline, so it reads over dark and light raster colours alike. */
const CASING_ID = 'kk-areas-casing';

/** Bounds [[west, south], [east, north]] of a WGS84 geometry. */
export function geometryBounds(geometry: Polygon | MultiPolygon): LngLatBoundsLike {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    for (const [lon, lat] of rings[0] ?? []) {
      west = Math.min(west, lon as number);
      east = Math.max(east, lon as number);
      south = Math.min(south, lat as number);
      north = Math.max(north, lat as number);
    }
  }
  return [
    [west, south],
    [east, north],
  ];
}

let currentMap: MapLibreMap | null = null;
/** Areas the drawing tools are editing; they render them, so this layer leaves them out. */
let editedIds: ReadonlySet<string> = new Set();
let refresh: () => void = () => {};

/** Leaves out areas being edited by the drawing tools (they draw those themselves). */
export function setEditedAreaIds(ids: ReadonlySet<string>): void {
  editedIds = ids;
  refresh();
}

/** Zooms the map to an area. */
export function zoomToArea(id: string): void {
  const area = store.getState().areas.find((each) => each.id === id);
  if (!currentMap || !area) return;
  currentMap.fitBounds(geometryBounds(area.geometry), {
    padding: viewPadding(currentMap, 80),
    maxZoom: 16,
    duration: 300,
  });
}

/** The map the planner's layers are attached to, for the drawing tools. */
export function plannerMap(): MapLibreMap | null {
  return currentMap;
}

/** Paint value for the selected area (feature state `selected`) and for the others. */
const bySelection = (selected: number, other: number): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', 'selected'], false],
  selected,
  other,
];

/**
 * Draws the store's areas as GeoJSON layers (outline in the area's colour, the selected one thicker
 * and filled stronger) and selects an area when it is clicked. Returns a function that detaches.
 * `isDrawing` tells whether a drawing tool owns the clicks.
 *
 * With 10,000 areas a `setData` costs the main thread a few hundred ms (cloning every polygon to
 * the worker, then every tile again), so the selection is feature state, not data, and the data
 * changes only when something drawn changes: a diff for a few areas, all of it for many.
 */
export function attachAreasLayer(map: MapLibreMap, isDrawing: () => boolean = () => false) {
  currentMap = map;
  /** What the source holds; empty until it exists. */
  let drawn: DrawnAreas = new Map();
  /** The area whose feature state says `selected`. */
  let highlighted: string | null = null;

  const applySelection = (force = false) => {
    if (!map.getSource(SOURCE_ID)) return;
    const { selectedId } = store.getState();
    if (selectedId === highlighted && !force) return;
    if (highlighted !== null && highlighted !== selectedId) {
      map.removeFeatureState({ source: SOURCE_ID, id: highlighted }, 'selected');
    }
    if (selectedId !== null) {
      map.setFeatureState({ source: SOURCE_ID, id: selectedId }, { selected: true });
    }
    highlighted = selectedId;
  };
  // Where WebGL runs on the CPU (SwiftShader: headless, or a virtual desktop without a GPU) a map
  // frame with 10,000 areas takes a few hundred ms of the main thread. Drawing a new selection
  // after the next paint lets the list and the results show it first; elsewhere it costs a frame.
  let selectionFrame = 0;
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  const applySelectionAfterPaint = () => {
    if (selectionFrame || selectionTimer !== undefined) return;
    selectionFrame = requestAnimationFrame(() => {
      selectionFrame = 0;
      selectionTimer = setTimeout(() => {
        selectionTimer = undefined;
        applySelection();
      }, 0);
    });
  };
  const ensureLayers = () => {
    if (!map.getSource(SOURCE_ID)) {
      const { areas } = store.getState();
      map.addSource(SOURCE_ID, {
        type: 'geojson',
        data: areasFeatureCollection(areas, editedIds),
        promoteId: 'id',
      });
      drawn = drawnAreasOf(areas, editedIds);
      // A new source (first load, or a style that was replaced) has no feature state.
      highlighted = null;
      applySelection();
    }
    if (!map.getLayer(FILL_ID)) {
      map.addLayer({
        id: FILL_ID,
        type: 'fill',
        source: SOURCE_ID,
        paint: {
          'fill-color': ['get', 'color'],
          'fill-opacity': bySelection(0.3, 0.12),
        },
      });
    }
    if (!map.getLayer(CASING_ID)) {
      map.addLayer({
        id: CASING_ID,
        type: 'line',
        source: SOURCE_ID,
        paint: {
          'line-color': '#ffffff',
          'line-opacity': 0.9,
          'line-width': bySelection(7, 4),
        },
      });
    }
    if (!map.getLayer(LINE_ID)) {
      map.addLayer({
        id: LINE_ID,
        type: 'line',
        source: SOURCE_ID,
        paint: {
          'line-color': ['get', 'color'],
          'line-width': bySelection(4, 2),
        },
      });
    }
  };
  refresh = () => {
    const source = map.getSource<GeoJSONSource>(SOURCE_ID);
    if (!source) return;
    const { areas } = store.getState();
    const change = areasSourceChange(drawn, areas, editedIds);
    if (change.kind === 'none') return;
    if (change.kind === 'replace') void source.setData(change.data);
    else void source.updateData(change.diff);
    drawn = drawnAreasOf(areas, editedIds);
    // Feature state outlives new data in MapLibre; set it again all the same, so an area that
    // came back (undo) or a selection made meanwhile is drawn as selected.
    applySelection(true);
  };
  /** True while a click on the map selects: the map draws that frame anyway, so at once. */
  let selectingOnMap = false;
  const onClick = (event: { features?: { properties: Record<string, unknown> }[] }) => {
    if (isDrawing()) return;
    const id = event.features?.[0]?.properties.id;
    if (typeof id !== 'string') return;
    selectingOnMap = true;
    try {
      store.getState().selectArea(id);
    } finally {
      selectingOnMap = false;
    }
  };
  const onStyle = () => {
    if (map.isStyleLoaded()) ensureLayers();
  };
  if (map.isStyleLoaded()) ensureLayers();
  map.on('load', ensureLayers);
  map.on('styledata', onStyle);
  map.on('click', FILL_ID, onClick);
  const unsubscribe = store.subscribe((state, previous) => {
    // New data applies the selection with it; a selection alone waits for the next paint.
    if (state.areas !== previous.areas) refresh();
    if (state.selectedId !== previous.selectedId) {
      if (selectingOnMap) applySelection();
      else applySelectionAfterPaint();
    }
  });
  return () => {
    unsubscribe();
    cancelAnimationFrame(selectionFrame);
    clearTimeout(selectionTimer);
    map.off('load', ensureLayers);
    map.off('styledata', onStyle);
    map.off('click', FILL_ID, onClick);
    if (currentMap === map) {
      currentMap = null;
      refresh = () => {};
    }
  };
}
