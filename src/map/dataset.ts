import type { FeatureCollection } from 'geojson';
import { validateCatalogue } from '../core/raster/catalogue';
import type { Catalogue } from '../core/raster/catalogue-types';
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

/** A catalogue and where it was found. */
export interface LoadedCatalogue {
  catalogue: Catalogue;
  /** Absolute URL of the catalogue; layer files and context resolve against it. */
  catalogueUrl: string;
}

/** Loads and checks a catalogue; expected failures come back as values. */
export async function loadCatalogue(
  url: string,
  signal?: AbortSignal,
): Promise<Result<LoadedCatalogue>> {
  const catalogueUrl = new URL(url, window.location.href).href;
  const raw = await fetchJson(catalogueUrl, signal);
  if (!raw.ok) return raw;
  // One validator for the map and the engine (src/core/raster/catalogue.ts).
  const catalogue = validateCatalogue(raw.value);
  if (!catalogue.ok) return catalogue;
  return ok({ catalogue: catalogue.value, catalogueUrl });
}

/** Loads the vector context of a catalogue (empty when it names none). */
export async function loadContext(
  loaded: LoadedCatalogue,
  signal?: AbortSignal,
): Promise<Result<FeatureCollection>> {
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  if (!loaded.catalogue.context) return ok(empty);
  const contextUrl = new URL(loaded.catalogue.context, loaded.catalogueUrl).href;
  const raw = await fetchJson(contextUrl, signal);
  if (!raw.ok) return raw;
  const value = raw.value;
  if (!isRecord(value) || !Array.isArray(value.features)) {
    return fail('unreadable', 'map.datasetInvalid', { detail: 'context' });
  }
  return ok(value as unknown as FeatureCollection);
}

/** Loads a catalogue and its vector context together. */
export async function loadDataset(url: string, signal?: AbortSignal): Promise<Result<Dataset>> {
  const loaded = await loadCatalogue(url, signal);
  if (!loaded.ok) return loaded;
  const context = await loadContext(loaded.value, signal);
  if (!context.ok) return context;
  return ok({ ...loaded.value, context: context.value });
}

/**
 * WGS84 bounds of an RD New box. proj4 is loaded only here, on demand: on a cold start the tiles
 * worker answers instead (`TileHooks.boundsOf`), so proj4 stays off the main thread's first load.
 */
export async function wgs84BoundsOfRdBox(
  bbox: readonly [number, number, number, number],
): Promise<[number, number, number, number]> {
  const { wgs84BoundsOfRdBox: bounds } = await import('../core/projection/bounds');
  return bounds(bbox);
}
