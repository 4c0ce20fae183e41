import type { FeatureCollection } from 'geojson';
import { rdToWgs84 } from '../core/projection/rd';
import type { Catalogue } from '../core/raster/catalogue-types';
import { BASE_LAYER_IDS, DERIVED_LAYER_IDS } from '../core/raster/classes';
import { fail, ok, type Result } from '../core/result';

/** Where the app finds its dataset: the committed synthetic demo. */
export const DEMO_CATALOGUE_PATH = '/data/demo/catalogue.json';

export interface Dataset {
  catalogue: Catalogue;
  /** Absolute URL of the catalogue; layer files and context resolve against it. */
  catalogueUrl: string;
  /** Vector context of the offline basemap (empty when the dataset has none). */
  context: FeatureCollection;
}

const KNOWN_LAYER_IDS: readonly string[] = [...BASE_LAYER_IDS, ...DERIVED_LAYER_IDS];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the parts of a catalogue the map relies on; returns it typed or an `unreadable` error. */
export function parseCatalogue(value: unknown): Result<Catalogue> {
  const invalid = (detail: string) =>
    fail<Catalogue>('unreadable', 'map.datasetInvalid', { detail });
  if (!isRecord(value)) return invalid('not an object');
  const bbox = value.bbox_rd;
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every(Number.isFinite)) {
    return invalid('bbox_rd');
  }
  if (bbox[0] >= bbox[2] || bbox[1] >= bbox[3]) return invalid('bbox_rd');
  if (!Array.isArray(value.layers) || value.layers.length === 0) return invalid('layers');
  for (const layer of value.layers) {
    if (!isRecord(layer) || typeof layer.id !== 'string' || !KNOWN_LAYER_IDS.includes(layer.id)) {
      return invalid(`layer ${isRecord(layer) ? String(layer.id) : '?'}`);
    }
    if (!isRecord(layer.title) || typeof layer.unit !== 'string')
      return invalid(`layer ${layer.id}`);
  }
  return ok(value as unknown as Catalogue);
}

async function fetchJson(url: string, signal?: AbortSignal): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch {
    return fail('unreadable', 'map.datasetUnavailable', { url });
  }
  // A single-page-app server answers a missing file with its index page: that is "not there".
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || type.includes('text/html')) {
    return fail('unreadable', 'map.datasetUnavailable', { url });
  }
  try {
    return ok(await response.json());
  } catch {
    return fail('unreadable', 'map.datasetInvalid', { detail: url });
  }
}

/** Loads a catalogue and its vector context; expected failures come back as values. */
export async function loadDataset(url: string, signal?: AbortSignal): Promise<Result<Dataset>> {
  const catalogueUrl = new URL(url, window.location.href).href;
  const raw = await fetchJson(catalogueUrl, signal);
  if (!raw.ok) return raw;
  const catalogue = parseCatalogue(raw.value);
  if (!catalogue.ok) return catalogue;
  let context: FeatureCollection = { type: 'FeatureCollection', features: [] };
  if (catalogue.value.context) {
    const contextUrl = new URL(catalogue.value.context, catalogueUrl).href;
    const rawContext = await fetchJson(contextUrl, signal);
    if (!rawContext.ok) return rawContext;
    const value = rawContext.value;
    if (!isRecord(value) || !Array.isArray(value.features)) {
      return fail('unreadable', 'map.datasetInvalid', { detail: 'context' });
    }
    context = value as unknown as FeatureCollection;
  }
  return ok({ catalogue: catalogue.value, catalogueUrl, context });
}

/** WGS84 bounds [west, south, east, north] of an RD New box, from its edges sampled densely. */
export function wgs84BoundsOfRdBox(
  bbox: readonly [number, number, number, number],
): [number, number, number, number] {
  const [minX, minY, maxX, maxY] = bbox;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const steps = 16;
  for (let i = 0; i <= steps; i++) {
    const x = minX + ((maxX - minX) * i) / steps;
    const y = minY + ((maxY - minY) * i) / steps;
    for (const point of [
      [x, minY],
      [x, maxY],
      [minX, y],
      [maxX, y],
    ] as const) {
      const [lon, lat] = rdToWgs84(point);
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return [west, south, east, north];
}
