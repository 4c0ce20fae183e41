import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CatalogueLayer } from '../core/raster/catalogue-types';
import { type Legend, legendFor } from '../core/tiles/palettes';

/** What goes around the map in the image, already in the page language. */
export interface MapImageOverlay {
  /** Visible layers, top of the map first. */
  layers: {
    meta: CatalogueLayer;
    title: string;
    /** The unit in the page language. */
    unit: string;
    classTitle: (code: number) => string;
  }[];
  /** Attribution as the map shows it. */
  attribution: string;
  /** "synthetisch / synthetic" when demo data is shown; null otherwise. */
  syntheticLabel: string | null;
  northLabel: string;
  /** Formats a legend value in the page language. */
  formatValue: (value: number) => string;
}

/** Layout of the composed image, CSS pixels (multiplied by the map's pixel ratio). */
const PAD = 10;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const LEGEND_WIDTH = 210;
const LINE = 16;

/**
 * Copies the map's WebGL canvas in its `render` event, while the frame is still in the drawing
 * buffer (so the map needs no `preserveDrawingBuffer`). Rejects after `timeoutMs`.
 */
export function captureMapCanvas(map: MapLibreMap, timeoutMs = 10_000): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      map.off('render', onRender);
      reject(new Error('map did not render'));
    }, timeoutMs);
    const onRender = () => {
      clearTimeout(timer);
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const context = copy.getContext('2d');
      if (!context) {
        reject(new Error('no 2D canvas'));
        return;
      }
      context.drawImage(source, 0, 0);
      resolve(copy);
    };
    map.once('render', onRender);
    map.triggerRepaint();
  });
}

/** Metres per CSS pixel at the centre of the view (great-circle distance, not Mercator metres). */
export function metresPerPixel(map: MapLibreMap): number {
  const canvas = map.getCanvas();
  const y = canvas.clientHeight / 2;
  const x = canvas.clientWidth / 2;
  const a = map.unproject([x - 50, y]);
  const b = map.unproject([x + 50, y]);
  return a.distanceTo(b) / 100;
}

/** A round scale-bar length (1, 2 or 5 × 10^n metres) that fits in `maxPx` CSS pixels. */
export function scaleBarLength(metresPerPx: number, maxPx: number): { metres: number; px: number } {
  const max = metresPerPx * maxPx;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [5, 2, 1].map((each) => each * power).find((each) => each <= max) ?? power;
  return { metres: step, px: step / metresPerPx };
}

function legendHeight(legend: Legend): number {
  return legend.kind === 'classes' ? LINE * 2 + legend.classes.length * LINE : LINE * 2 + 28;
}

function drawLegend(
  context: CanvasRenderingContext2D,
  entry: MapImageOverlay['layers'][number],
  overlay: MapImageOverlay,
  x: number,
  y: number,
): void {
  const legend = legendFor(entry.meta);
  context.fillStyle = '#111';
  context.font = `600 12px ${FONT}`;
  context.fillText(entry.title, x, y + 12, LEGEND_WIDTH - PAD);
  context.font = `11px ${FONT}`;
  const synthetic =
    entry.meta.synthetic && overlay.syntheticLabel ? ` · ${overlay.syntheticLabel}` : '';
  context.fillText(`${entry.unit}${synthetic}`, x, y + 12 + LINE - 2, LEGEND_WIDTH - PAD);
  let top = y + LINE * 2;
  if (legend.kind === 'classes') {
    for (const each of legend.classes) {
      context.fillStyle = each.color;
      context.fillRect(x, top + 2, 12, 12);
      context.strokeStyle = '#555';
      context.strokeRect(x, top + 2, 12, 12);
      context.fillStyle = '#111';
      context.fillText(entry.classTitle(each.code), x + 18, top + 12, LEGEND_WIDTH - 30);
      top += LINE;
    }
    return;
  }
  const width = LEGEND_WIDTH - PAD * 2;
  const gradient = context.createLinearGradient(x, 0, x + width, 0);
  legend.stops.forEach((stop, index) => {
    gradient.addColorStop(index / Math.max(1, legend.stops.length - 1), stop.color);
  });
  context.fillStyle = gradient;
  context.fillRect(x, top, width, 12);
  context.fillStyle = '#111';
  const first = legend.stops[0]?.value ?? 0;
  const last = legend.stops[legend.stops.length - 1]?.value ?? 0;
  context.textAlign = 'left';
  context.fillText(overlay.formatValue(first), x, top + 26);
  context.textAlign = 'right';
  // A share ends at 100 %: nothing lies above it, so no "≥" (as the on-screen legend).
  const above = entry.unit.trim() === '%' && last >= 100 ? '' : '≥ ';
  context.fillText(`${above}${overlay.formatValue(last)}`, x + width, top + 26);
  context.textAlign = 'left';
}

function drawNorthArrow(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  bearing: number,
  label: string,
) {
  context.save();
  context.translate(x, y);
  context.fillStyle = 'rgba(255,255,255,0.85)';
  context.beginPath();
  context.arc(0, 0, 20, 0, Math.PI * 2);
  context.fill();
  context.rotate((-bearing * Math.PI) / 180);
  context.fillStyle = '#111';
  context.beginPath();
  context.moveTo(0, -14);
  context.lineTo(7, 6);
  context.lineTo(0, 2);
  context.lineTo(-7, 6);
  context.closePath();
  context.fill();
  context.font = `700 10px ${FONT}`;
  context.textAlign = 'center';
  context.fillText(label, 0, 17);
  context.restore();
}

function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (context.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The map image with a band below it: legends of the visible layers, a scale bar and the
 * attribution; a north arrow and, for demo data, the synthetic label over the map.
 */
export function composeMapImage(
  mapCanvas: HTMLCanvasElement,
  overlay: MapImageOverlay,
  view: { metresPerPixel: number; bearing: number; pixelRatio: number },
): HTMLCanvasElement {
  const ratio = view.pixelRatio;
  const width = mapCanvas.width / ratio;
  const mapHeight = mapCanvas.height / ratio;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('no 2D canvas');
  measure.font = `11px ${FONT}`;
  const columns = Math.max(1, Math.floor((width - PAD) / LEGEND_WIDTH));
  const legendRows: number[] = [];
  overlay.layers.forEach((entry, index) => {
    const row = Math.floor(index / columns);
    legendRows[row] = Math.max(legendRows[row] ?? 0, legendHeight(legendFor(entry.meta)));
  });
  const legendsHeight = legendRows.reduce((sum, height) => sum + height + PAD, 0);
  const attribution = wrap(measure, overlay.attribution, width - PAD * 2);
  const bandHeight = PAD + legendsHeight + 30 + attribution.length * 14 + PAD;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round((mapHeight + bandHeight) * ratio);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.scale(ratio, ratio);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, mapHeight + bandHeight);
  context.drawImage(mapCanvas, 0, 0, width, mapHeight);
  drawNorthArrow(context, width - 30, 30, view.bearing, overlay.northLabel);
  if (overlay.syntheticLabel) {
    context.font = `700 14px ${FONT}`;
    const labelWidth = context.measureText(overlay.syntheticLabel).width + 16;
    context.fillStyle = '#b00020';
    context.fillRect(PAD, PAD, labelWidth, 24);
    context.fillStyle = '#ffffff';
    context.fillText(overlay.syntheticLabel, PAD + 8, PAD + 17);
  }
  context.strokeStyle = '#999';
  context.beginPath();
  context.moveTo(0, mapHeight + 0.5);
  context.lineTo(width, mapHeight + 0.5);
  context.stroke();
  let top = mapHeight + PAD;
  overlay.layers.forEach((entry, index) => {
    const row = Math.floor(index / columns);
    const rowTop = top + legendRows.slice(0, row).reduce((sum, height) => sum + height + PAD, 0);
    drawLegend(context, entry, overlay, PAD + (index % columns) * LEGEND_WIDTH, rowTop);
  });
  top += legendsHeight;
  const bar = scaleBarLength(view.metresPerPixel, Math.min(160, width / 3));
  context.strokeStyle = '#111';
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(PAD, top + 4);
  context.lineTo(PAD, top + 12);
  context.lineTo(PAD + bar.px, top + 12);
  context.lineTo(PAD + bar.px, top + 4);
  context.stroke();
  context.lineWidth = 1;
  context.fillStyle = '#111';
  context.font = `11px ${FONT}`;
  const label = bar.metres >= 1000 ? `${bar.metres / 1000} km` : `${bar.metres} m`;
  context.fillText(label, PAD + bar.px + 6, top + 14);
  top += 30;
  context.fillStyle = '#333';
  for (const line of attribution) {
    context.fillText(line, PAD, top + 10);
    top += 14;
  }
  return canvas;
}

/** PNG bytes of a canvas. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
  );
}

/** The current map view as a PNG with legend, scale bar, north arrow, attribution and label. */
export async function exportMapPng(
  map: MapLibreMap,
  overlay: MapImageOverlay,
): Promise<{ blob: Blob; canvas: HTMLCanvasElement }> {
  const mapCanvas = await captureMapCanvas(map);
  const canvas = composeMapImage(mapCanvas, overlay, {
    metresPerPixel: metresPerPixel(map),
    bearing: map.getBearing(),
    pixelRatio: mapCanvas.width / Math.max(1, map.getCanvas().clientWidth),
  });
  return { blob: await canvasToPng(canvas), canvas };
}

/** The attribution text the map shows, else `fallback`. */
export function mapAttribution(map: MapLibreMap, fallback: string): string {
  const shown = map.getContainer().querySelector('.maplibregl-ctrl-attrib-inner')?.textContent;
  return shown?.trim() ? shown.trim() : fallback;
}
