import type { Feature, FeatureCollection, Point } from 'geojson';
import type { LayerSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';

/**
 * The offline basemap: drawn from the dataset's vector context (WGS84 GeoJSON with a `kind` property:
 * outline, water, road with `class` main/local, built-up, place with `name` and `rank`). Nothing is
 * fetched from outside: no glyphs, no sprites; place names are HTML markers.
 */

export const CONTEXT_SOURCE = 'context';

/** Colours of the offline basemap; muted so the data layers stay readable on top. */
export const BASEMAP_COLORS = {
  land: '#f2efe9',
  water: '#9fc6e0',
  waterLine: '#7fb0d3',
  builtUp: '#dcd5cb',
  roadCasing: '#a79f94',
  roadMain: '#fff7e0',
  roadLocal: '#ffffff',
  outline: '#4b2e83',
} as const;

/** The first layer drawn above the data rasters: roads, outline and labels stay on top. */
export const OVERLAY_BEFORE_ID = 'context-road-casing';

/** Basemap layers below the data rasters (hidden when the PDOK basemap is shown). */
export const OFFLINE_FILL_LAYER_IDS = ['context-water', 'context-water-line', 'context-built-up'];
/** Offline road layers (hidden when the PDOK basemap is shown, which has its own roads). */
export const OFFLINE_ROAD_LAYER_IDS = [
  'context-road-casing',
  'context-road-local',
  'context-road-main',
];

/** The style the map starts with: land only, so the map is idle at once while data loads. */
export function emptyStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f2efe9' } }],
  };
}

const isKind = (kind: string): maplibregl.ExpressionSpecification => ['==', ['get', 'kind'], kind];

/** MapLibre layers of the offline basemap, bottom first, all reading the `context` source. */
export function offlineBasemapLayers(): LayerSpecification[] {
  const c = BASEMAP_COLORS;
  // Widths in pixels grow with zoom; `local` gives local roads their own width.
  const lineWidth = (base: number, local?: number): maplibregl.ExpressionSpecification => {
    const at = (factor: number): maplibregl.ExpressionSpecification | number =>
      local === undefined
        ? base * factor
        : ['match', ['get', 'class'], 'main', base * factor, local * factor];
    return ['interpolate', ['exponential', 1.6], ['zoom'], 9, at(0.5), 13, at(1.5), 16, at(5)];
  };
  return [
    {
      id: 'context-water',
      type: 'fill',
      source: CONTEXT_SOURCE,
      filter: ['all', isKind('water'), ['==', ['geometry-type'], 'Polygon']],
      paint: { 'fill-color': c.water },
    },
    {
      id: 'context-water-line',
      type: 'line',
      source: CONTEXT_SOURCE,
      filter: ['all', isKind('water'), ['==', ['geometry-type'], 'LineString']],
      paint: { 'line-color': c.waterLine, 'line-width': lineWidth(2) },
    },
    {
      id: 'context-built-up',
      type: 'fill',
      source: CONTEXT_SOURCE,
      filter: ['all', isKind('built-up'), ['==', ['geometry-type'], 'Polygon']],
      paint: { 'fill-color': c.builtUp },
    },
    {
      id: 'context-road-casing',
      type: 'line',
      source: CONTEXT_SOURCE,
      filter: isKind('road'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': c.roadCasing,
        'line-width': lineWidth(3.2, 1.8),
      },
    },
    {
      id: 'context-road-local',
      type: 'line',
      source: CONTEXT_SOURCE,
      filter: ['all', isKind('road'), ['!=', ['get', 'class'], 'main']],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': c.roadLocal, 'line-width': lineWidth(1) },
    },
    {
      id: 'context-road-main',
      type: 'line',
      source: CONTEXT_SOURCE,
      filter: ['all', isKind('road'), ['==', ['get', 'class'], 'main']],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': c.roadMain, 'line-width': lineWidth(2.2) },
    },
    {
      id: 'context-outline',
      type: 'line',
      source: CONTEXT_SOURCE,
      filter: isKind('outline'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': c.outline,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 14, 3.5],
        'line-dasharray': [3, 1.5],
      },
    },
  ];
}

/** Adds the context source and the offline basemap layers to a map whose style has loaded. */
export function addOfflineBasemap(
  map: MapLibreMap,
  context: FeatureCollection,
  attribution: string,
): void {
  map.addSource(CONTEXT_SOURCE, { type: 'geojson', data: context, attribution });
  for (const layer of offlineBasemapLayers()) map.addLayer(layer);
}

/** Zoom from which village names show (towns always). */
export const VILLAGE_MIN_ZOOM = 10.5;

export interface Place {
  name: string;
  rank: 'town' | 'village';
  lngLat: [number, number];
}

/** The named places of the context, towns first (so they win where labels would crowd). */
export function placesOf(context: FeatureCollection): Place[] {
  const places: Place[] = [];
  for (const feature of context.features as Feature[]) {
    const properties = feature.properties ?? {};
    if (properties.kind !== 'place' || feature.geometry?.type !== 'Point') continue;
    const name = properties.name;
    if (typeof name !== 'string' || !name) continue;
    const [lon, lat] = (feature.geometry as Point).coordinates;
    if (typeof lon !== 'number' || typeof lat !== 'number') continue;
    places.push({
      name,
      rank: properties.rank === 'town' ? 'town' : 'village',
      lngLat: [lon, lat],
    });
  }
  return places.sort((a, b) => (a.rank === b.rank ? 0 : a.rank === 'town' ? -1 : 1));
}

/**
 * Place names as HTML markers: not interactive, hidden from the keyboard order, readable over any
 * layer thanks to a halo. Returns a function that sets their visibility.
 */
export function addPlaceLabels(map: MapLibreMap, places: Place[]): (visible: boolean) => void {
  const markers = places.map((place) => {
    const element = document.createElement('div');
    element.className = `place-label place-label-${place.rank}`;
    element.textContent = place.name;
    return new maplibregl.Marker({ element, anchor: 'center' }).setLngLat(place.lngLat).addTo(map);
  });
  // Villages only from a zoom where they do not crowd the towns.
  const container = map.getContainer();
  const zoomClass = () =>
    container.classList.toggle('show-villages', map.getZoom() >= VILLAGE_MIN_ZOOM);
  map.on('zoomend', zoomClass);
  zoomClass();
  return (visible) => {
    for (const marker of markers) marker.getElement().hidden = !visible;
  };
}
