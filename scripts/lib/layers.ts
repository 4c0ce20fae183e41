import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDataset } from '../../src/core/engine/dataset';
import type { EngineLayer } from '../../src/core/engine/types';
import { checkUserRaster } from '../../src/core/engine/user-layer';
import { FetchError } from '../../src/core/net/fetch-error';
import { RasterRefusal } from '../../src/core/raster/raster-limits';
import { type ByteSource, openRaster } from '../../src/core/raster/raster-source';
import { DEFAULT_UNITS, takesUnit, unitFactor } from '../../src/core/raster/user-units';
import { fail, ok, type Result } from '../../src/core/result';
import { fetchLimitsFromEnv } from './fetch-env';
import { catalogueLayerFor } from './layer-meta';
import { type Language, t } from './messages';
import type { LayerArgument } from './options';
import { type Provenance, provenanceOf } from './package-layers';

/** The layers to analyse and what the output says about them. */
export interface LoadedLayers {
  layers: EngineLayer[];
  /** Localized description of the data source. */
  source: string;
  synthetic: boolean;
  /** The package and each layer's source, for the JSON (DESIGN 8.1). */
  provenance: Provenance;
}

/** data/demo/catalogue.json of this repository. */
export const DEMO_CATALOGUE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../data/demo/catalogue.json',
);

function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/**
 * Opens one `--layer` GeoTIFF in any CRS of DESIGN.md 8.2: unreadable when it cannot be read,
 * unsupported for another CRS (named), a usage error for several bands without `--band`.
 */
async function openLayer(
  argument: LayerArgument,
  language: Language,
): Promise<Result<EngineLayer>> {
  const { id, location } = argument;
  const url = isUrl(location);
  const file = url ? location : resolve(location);
  const params = { id, file: location };
  if (!url && !existsSync(file)) return fail('unreadable', 'errors.layerUnreadable', params);
  // URLs go through the bounded fetch; KOOLSTOFKAART_FETCH_* change its limits (fetch-env.ts).
  const limits = url ? fetchLimitsFromEnv(process.env) : ok({});
  if (!limits.ok) return limits;
  const source: ByteSource = url
    ? { kind: 'url', url: location, limits: limits.value }
    : { kind: 'path', path: file };
  let raster: Awaited<ReturnType<typeof openRaster>>;
  try {
    raster = await openRaster(
      source,
      undefined,
      argument.band === undefined ? {} : { band: argument.band - 1 },
    );
  } catch (error) {
    // Timed out, too slow, refused, an error status: `unreachable`, naming the URL and the cause.
    if (error instanceof FetchError) return { ok: false, error: error.appError };
    // Too large to decode safely, damaged, or without georeference: its own kind and message.
    if (error instanceof RasterRefusal) {
      return fail(error.kind, error.code, { ...error.params, ...params });
    }
    return fail('unreadable', 'errors.layerUnreadable', params);
  }
  if ((raster.bands ?? 1) > 1 && argument.band === undefined) {
    return fail('usage', 'errors.layerBandsNeeded', { ...params, bands: raster.bands ?? 1 });
  }
  if (raster.unsupportedCrs === undefined && (raster.crs ?? null) === null) {
    // No GeoKeys: where the cells lie is unknown (catalogue rasters are RD New by contract).
    return fail('unsupported', 'errors.layerCrs', {
      ...params,
      crs: t(language, 'cli.unknownCrs'),
    });
  }
  const unit = argument.unit ?? (takesUnit(id) ? DEFAULT_UNITS[id] : '');
  const meta = catalogueLayerFor(id, raster, basename(location), unitFactor(id, unit) ?? 1);
  const checked = await checkUserRaster(id, raster, meta, location, unit);
  if (!checked.ok) return checked;
  return ok({ id, raster, meta, user: true, notices: checked.value });
}

/** The layers given with --layer, exactly those, in the order given. */
export async function argumentLayers(
  args: readonly LayerArgument[],
  language: Language,
): Promise<Result<LoadedLayers>> {
  const layers: EngineLayer[] = [];
  for (const argument of args) {
    const layer = await openLayer(argument, language);
    if (!layer.ok) return layer;
    layers.push(layer.value);
  }
  const names = args.map((a) => `${a.id}=${isUrl(a.location) ? a.location : basename(a.location)}`);
  return ok({
    layers,
    source: t(language, 'cli.dataOwn', { layers: names.join(' ') }),
    synthetic: false,
    provenance: provenanceOf(null, layers, language),
  });
}

/**
 * The demo dataset (data/demo/catalogue.json) through the engine's `openDataset`: every layer with a
 * file, in catalogue order. The user gave none of it, so any problem here is an internal fault.
 */
export async function catalogueLayers(
  cataloguePath: string,
  language: Language,
): Promise<Result<LoadedLayers>> {
  if (!existsSync(cataloguePath)) {
    return fail('internal', 'errors.demoMissing', { file: cataloguePath });
  }
  const dataset = await openDataset({
    kind: 'path',
    path: cataloguePath,
    readText: (path) => readFile(path, 'utf8'),
  });
  if (!dataset.ok) return { ok: false, error: { ...dataset.error, kind: 'internal' } };
  const { catalogue, layers } = dataset.value;
  return ok({
    layers,
    source: catalogue.title[language],
    synthetic: catalogue.synthetic || layers.some((layer) => layer.meta.synthetic),
    provenance: provenanceOf(catalogue, layers, language),
  });
}
