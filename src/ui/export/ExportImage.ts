import type { MultiPolygon, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerId } from '../../core/raster/classes';
import { i18next } from '../../i18n';
import { exportMapPng, type MapImageOverlay, mapAttribution } from '../../map/export-png';
import { store } from '../../state/store';
import { formatNumber, labelDecimalsFor, unitText } from '../common/format';

/** The map of DESIGN.md 7.4 (window.koolstofkaart), or null before it exists. */
export function currentMap(): MapLibreMap | null {
  return window.koolstofkaart?.map ?? null;
}

/** Legends, attribution and labels of the visible layers, in the page language. */
export function mapOverlay(): MapImageOverlay {
  const state = store.getState();
  const t = i18next.getFixedT(state.language);
  const catalogue = state.catalogue;
  const visible = [...state.layerOrder]
    .reverse()
    .filter((id: LayerId) => state.layerViews[id]?.visible)
    .flatMap((id) => catalogue?.layers.filter((layer) => layer.id === id) ?? []);
  const syntheticShown =
    visible.some((layer) => layer.synthetic) || (catalogue?.synthetic ?? false);
  return {
    layers: visible.map((meta) => ({
      meta,
      title: meta.title[state.language],
      unit: unitText(meta.unit, state.language),
      classTitle: (code) =>
        meta.classes?.find((each) => each.code === code)?.title[state.language] ?? String(code),
    })),
    attribution: catalogue ? catalogue.attribution[state.language] : '',
    syntheticLabel: syntheticShown ? t('export.syntheticLabel') : null,
    northLabel: t('export.north'),
    formatValue: (value) =>
      formatNumber(value, state.language, labelDecimalsFor(Math.abs(value) / 2)),
  };
}

/** PNG of the current view with legend, scale bar, north arrow, attribution and label. */
export async function mapPng(): Promise<{ blob: Blob; canvas: HTMLCanvasElement }> {
  const map = currentMap();
  if (!map) throw new Error('no map');
  const overlay = mapOverlay();
  overlay.attribution = mapAttribution(map, overlay.attribution);
  return exportMapPng(map, overlay);
}

function boundsOf(geometry: Polygon | MultiPolygon): [[number, number], [number, number]] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const ring of polygons.flat()) {
    for (const [lon = NaN, lat = NaN] of ring) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return [
    [west, south],
    [east, north],
  ];
}

function idle(map: MapLibreMap, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
    map.triggerRepaint();
  });
}

/** The map with the area in view (the view stays there), as a PNG data URL for the report. */
export async function captureAreaImage(
  geometry: Polygon | MultiPolygon,
): Promise<{ dataUrl: string; width: number; height: number } | null> {
  const map = currentMap();
  if (!map) return null;
  map.fitBounds(boundsOf(geometry), { padding: 40, duration: 0, maxZoom: 16 });
  await idle(map, 8_000);
  const { canvas } = await mapPng();
  return { dataUrl: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height };
}
