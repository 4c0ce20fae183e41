import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import type { Area } from '../state/areas-slice';
import { store } from '../state/store';

const SOURCE_ID = 'kk-areas';
const FILL_ID = 'kk-areas-fill';
/** The areas' lowest map layer: data rasters go below it. */
export const AREAS_BOTTOM_LAYER_ID = FILL_ID;
const LINE_ID = 'kk-areas-line';
/** A light halo under each outline, so it reads over dark and light raster colours alike. */
const CASING_ID = 'kk-areas-casing';

type AreaFeature = Feature<
  Polygon | MultiPolygon,
  { id: string; color: string; selected: boolean }
>;

/** The areas as GeoJSON for the map: visible ones only, the selected one flagged. */
export function areasFeatureCollection(
  areas: readonly Area[],
  selectedId: string | null,
  hiddenIds: ReadonlySet<string> = new Set(),
): FeatureCollection<Polygon | MultiPolygon> {
  const features: AreaFeature[] = areas
    .filter((area) => area.visible && !hiddenIds.has(area.id))
    .map((area) => ({
      type: 'Feature',
      id: area.id,
      geometry: area.geometry,
      properties: { id: area.id, color: area.color, selected: area.id === selectedId },
    }));
  return { type: 'FeatureCollection', features };
}

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
  currentMap.fitBounds(geometryBounds(area.geometry), { padding: 80, maxZoom: 16, duration: 300 });
}

/** The map the planner's layers are attached to, for the drawing tools. */
export function plannerMap(): MapLibreMap | null {
  return currentMap;
}

/**
 * Draws the store's areas as GeoJSON layers (outline in the area's colour, the selected one thicker
 * and filled stronger) and selects an area when it is clicked. Returns a function that detaches.
 * `isDrawing` tells whether a drawing tool owns the clicks.
 */
export function attachAreasLayer(map: MapLibreMap, isDrawing: () => boolean = () => false) {
  currentMap = map;
  const data = () => {
    const state = store.getState();
    return areasFeatureCollection(state.areas, state.selectedId, editedIds);
  };
  const ensureLayers = () => {
    if (!map.getSource(SOURCE_ID)) map.addSource(SOURCE_ID, { type: 'geojson', data: data() });
    if (!map.getLayer(FILL_ID)) {
      map.addLayer({
        id: FILL_ID,
        type: 'fill',
        source: SOURCE_ID,
        paint: {
          'fill-color': ['get', 'color'],
          'fill-opacity': ['case', ['get', 'selected'], 0.3, 0.12],
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
          'line-width': ['case', ['get', 'selected'], 7, 4],
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
          'line-width': ['case', ['get', 'selected'], 4, 2],
        },
      });
    }
  };
  refresh = () => {
    const source = map.getSource<GeoJSONSource>(SOURCE_ID);
    if (source) source.setData(data());
  };
  const onClick = (event: { features?: { properties: Record<string, unknown> }[] }) => {
    if (isDrawing()) return;
    const id = event.features?.[0]?.properties.id;
    if (typeof id === 'string') store.getState().selectArea(id);
  };
  const onStyle = () => {
    if (map.isStyleLoaded()) ensureLayers();
  };
  if (map.isStyleLoaded()) ensureLayers();
  map.on('load', ensureLayers);
  map.on('styledata', onStyle);
  map.on('click', FILL_ID, onClick);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.areas !== previous.areas || state.selectedId !== previous.selectedId) refresh();
  });
  return () => {
    unsubscribe();
    map.off('load', ensureLayers);
    map.off('styledata', onStyle);
    map.off('click', FILL_ID, onClick);
    if (currentMap === map) {
      currentMap = null;
      refresh = () => {};
    }
  };
}
