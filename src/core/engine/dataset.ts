import { fetchText } from '../net/fetch';
import { FetchError } from '../net/fetch-error';
import type { FetchLimits } from '../net/limits';
import { validateCatalogue } from '../raster/catalogue';
import type { Catalogue } from '../raster/catalogue-types';
import type { LayerId } from '../raster/classes';
import { RasterRefusal } from '../raster/raster-limits';
import { type ByteSource, openRaster } from '../raster/raster-source';
import { fail, ok, type Result } from '../result';
import { cachedRaster } from './cached-raster';
import type { EngineLayer } from './types';

/** Where a catalogue lives: an absolute URL (browser, HTTP range requests) or a file path (Node). */
export type CatalogueLocation =
  | { kind: 'url'; url: string; limits?: Partial<FetchLimits> }
  | { kind: 'path'; path: string; readText: (path: string) => Promise<string> };

/** An opened dataset: the catalogue and its raster layers, ready for the engine. */
export interface Dataset {
  catalogue: Catalogue;
  layers: EngineLayer[];
}

/** The byte source of a file named relative to the catalogue. */
export function layerSource(location: CatalogueLocation, file: string): ByteSource {
  if (location.kind === 'url') {
    return { kind: 'url', url: new URL(file, location.url).href, limits: location.limits };
  }
  const slash = location.path.lastIndexOf('/');
  const folder = slash >= 0 ? location.path.slice(0, slash + 1) : '';
  return { kind: 'path', path: file.startsWith('/') ? file : `${folder}${file}` };
}

/** Reads and checks a catalogue file. */
export async function readCatalogue(
  location: CatalogueLocation,
  signal?: AbortSignal,
): Promise<Result<Catalogue>> {
  const where = location.kind === 'url' ? location.url : location.path;
  let text: string;
  try {
    if (location.kind === 'url') {
      // Through the bounded fetch: a catalogue server that fails is `unreachable`, with the cause.
      const fetched = await fetchText(location.url, { signal, limits: location.limits });
      if (!fetched.ok) return fetched;
      text = fetched.value;
    } else {
      text = await location.readText(location.path);
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    return fail('unreadable', 'analysis.datasetUnreadable', { file: where });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('unreadable', 'analysis.datasetUnreadable', { file: where });
  }
  // One validator for the map and the engine (src/core/raster/catalogue.ts).
  return validateCatalogue(parsed);
}

export interface OpenOptions {
  /** Only these layers (default: every layer with a file). */
  ids?: readonly LayerId[];
  signal?: AbortSignal;
  /** Keep decoded blocks for later analyses (default true; see cached-raster.ts). */
  cache?: boolean;
}

/**
 * Opens the raster layers of a catalogue (those with a file; all, or only `ids`). Rasters must be
 * in RD New (EPSG:28992, or without a CRS in the file).
 */
export async function openCatalogueLayers(
  catalogue: Catalogue,
  location: CatalogueLocation,
  options: OpenOptions = {},
): Promise<Result<EngineLayer[]>> {
  const wanted = catalogue.layers.filter(
    (meta) => meta.file && (!options.ids || options.ids.includes(meta.id)),
  );
  const opened = await Promise.all(
    wanted.map(async (meta): Promise<Result<EngineLayer>> => {
      const file = meta.file as string;
      try {
        const raster = await openRaster(layerSource(location, file), options.signal);
        if (raster.epsg !== null && raster.epsg !== 28992) {
          return fail('unsupported', 'errors.layerCrs', {
            id: meta.id,
            file,
            crs: `EPSG:${raster.epsg}`,
          });
        }
        return ok({
          id: meta.id,
          raster: options.cache === false ? raster : cachedRaster(raster),
          meta,
        });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (error instanceof FetchError) {
          const { kind, code, params } = error.appError;
          return fail(kind, code, { ...params, id: meta.id, file });
        }
        // Too large to decode safely, or without georeference: its own kind and message.
        if (error instanceof RasterRefusal) {
          return fail(error.kind, error.code, { ...error.params, id: meta.id, file });
        }
        return fail('unreadable', 'errors.layerUnreadable', { id: meta.id, file });
      }
    }),
  );
  const layers: EngineLayer[] = [];
  for (const result of opened) {
    if (!result.ok) return result;
    layers.push(result.value);
  }
  return ok(layers);
}

/** Reads a catalogue and opens its layers. */
export async function openDataset(
  location: CatalogueLocation,
  options: OpenOptions = {},
): Promise<Result<Dataset>> {
  const catalogue = await readCatalogue(location, options.signal);
  if (!catalogue.ok) return catalogue;
  const layers = await openCatalogueLayers(catalogue.value, location, options);
  if (!layers.ok) return layers;
  return ok({ catalogue: catalogue.value, layers: layers.value });
}
