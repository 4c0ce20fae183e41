import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDataset } from '../../src/core/engine/dataset';
import { openUserLayer } from '../../src/core/engine/open-user-layer';
import type { EngineLayer } from '../../src/core/engine/types';
import type { ByteSource } from '../../src/core/raster/raster-source';
import { fail, ok, type Result } from '../../src/core/result';
import { fetchLimitsFromEnv } from './fetch-env';
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
 * Opens one `--layer` GeoTIFF in any CRS of DESIGN.md 8.2 through the core's `openUserLayer`, the
 * same checks and catalogue entry as the app's own rasters: unreadable when it cannot be read,
 * unsupported for another CRS (named), a usage error for several bands without `--band`.
 */
async function openLayer(
  argument: LayerArgument,
  language: Language,
): Promise<Result<EngineLayer>> {
  const { id, location } = argument;
  const url = isUrl(location);
  const file = url ? location : resolve(location);
  if (!url && !existsSync(file)) {
    return fail('unreadable', 'errors.layerUnreadable', { id, file: location });
  }
  // URLs go through the bounded fetch; KOOLSTOFKAART_FETCH_* change its limits (fetch-env.ts).
  const limits = url ? fetchLimitsFromEnv(process.env) : ok({});
  if (!limits.ok) return limits;
  const source: ByteSource = url
    ? { kind: 'url', url: location, limits: limits.value }
    : { kind: 'path', path: file };
  return openUserLayer(
    {
      role: id,
      source,
      label: location,
      unit: argument.unit ?? null,
      band: argument.band ?? null,
      sourceName: basename(location),
    },
    t(language, 'cli.unknownCrs'),
  );
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
