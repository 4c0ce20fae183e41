import type { FeatureCollection } from 'geojson';
import { fetchBounded } from '../core/net/fetch';
import { FetchError } from '../core/net/fetch-error';
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

/**
 * Reads a JSON file of the dataset through the bounded fetch: a server that fails is `unreachable`
 * with the URL and the cause (a cancelled read too, as `net.cancelled`, so callers get a value).
 */
export async function fetchDatasetJson(
  url: string,
  signal?: AbortSignal,
): Promise<Result<unknown>> {
  let text: string;
  try {
    const response = await fetchBounded(url, { signal });
    // A single-page-app server answers a missing file with its index page: that is "not there".
    if ((response.headers.get('content-type') ?? '').includes('text/html')) {
      response.cancel();
      return fail('unreadable', 'map.datasetUnavailable', { url });
    }
    text = await response.text();
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    const { kind, code, params } = error.appError;
    return fail(kind, code, params);
  }
  try {
    return ok(JSON.parse(text));
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
  const raw = await fetchDatasetJson(catalogueUrl, signal);
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
  const raw = await fetchDatasetJson(contextUrl, signal);
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
