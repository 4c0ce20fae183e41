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

/** Widest map image in the report, px: 186 mm of PDF at about 200 dpi. */
const REPORT_IMAGE_MAX_WIDTH = 1500;
/** JPEG quality of the report's map image: a map image of about 150–300 kB. */
const REPORT_IMAGE_QUALITY = 0.82;

/** A canvas as a JPEG data URL no wider than `maxWidth`, on white. */
function jpegOf(
  source: HTMLCanvasElement,
  maxWidth: number,
): { dataUrl: string; width: number; height: number } {
  const scale = Math.min(1, maxWidth / source.width);
  const width = Math.round(source.width * scale);
  const height = Math.round(source.height * scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const draw = canvas.getContext('2d');
  if (!draw) throw new Error('no 2d context');
  draw.fillStyle = '#fff';
  draw.fillRect(0, 0, width, height);
  draw.drawImage(source, 0, 0, width, height);
  return { dataUrl: canvas.toDataURL('image/jpeg', REPORT_IMAGE_QUALITY), width, height };
}

/**
 * The map with the area in view, as a JPEG data URL for the report. The view the user had comes
 * back exactly as it was (centre, zoom, bearing, pitch) as soon as the image is taken, or at once
 * when `signal` aborts (the report was closed while the image was being made).
 */
export async function captureAreaImage(
  geometry: Polygon | MultiPolygon,
  signal?: AbortSignal,
): Promise<{ dataUrl: string; width: number; height: number } | null> {
  const map = currentMap();
  if (!map || signal?.aborted) return null;
  const view = {
    center: map.getCenter(),
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    pitch: map.getPitch(),
    padding: map.getPadding(),
  };
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    map.jumpTo(view);
  };
  signal?.addEventListener('abort', restore, { once: true });
  try {
    // The image is the whole canvas: the panels' padding would put the area off centre.
    map.setPadding({ top: 0, right: 0, bottom: 0, left: 0 });
    map.fitBounds(boundsOf(geometry), { padding: 40, duration: 0, maxZoom: 16 });
    await idle(map, 8_000);
    if (signal?.aborted) return null;
    const { canvas } = await mapPng();
    return jpegOf(canvas, REPORT_IMAGE_MAX_WIDTH);
  } finally {
    signal?.removeEventListener('abort', restore);
    restore();
  }
}
