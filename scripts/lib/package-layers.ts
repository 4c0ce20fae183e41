import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cachedRaster } from '../../src/core/engine/cached-raster';
import type { EngineLayer } from '../../src/core/engine/types';
import { openPackage } from '../../src/core/package/open-package';
import {
  folderSource,
  type PackageSource,
  urlSource,
  zipSource,
} from '../../src/core/package/package-source';
import type {
  Catalogue,
  CatalogueLayer,
  CatalogueSource,
} from '../../src/core/raster/catalogue-types';
import { openRaster } from '../../src/core/raster/raster-source';
import { fail, ok, type Result } from '../../src/core/result';
import type { LoadedLayers } from './layers';
import { type Language, messageOf } from './messages';

/** What the JSON says about the data (DESIGN 8.1): the package, and a source text per layer. */
export interface Provenance {
  package: { id: string; title: string; synthetic: boolean; sources: CatalogueSource[] } | null;
  /** Layer id -> "source (date; licence)" in the output language. */
  layerSources: Record<string, string>;
}

/** A layer's source, date and licence as one text (what the JSON's `source` holds). */
export function layerSourceText(layer: CatalogueLayer, language: Language): string {
  const details = [layer.date, layer.licence].filter((part) => part !== '').join('; ');
  return details ? `${layer.source[language]} (${details})` : layer.source[language];
}

/** The provenance of a package's catalogue and the layers actually analysed. */
export function provenanceOf(
  catalogue: Catalogue | null,
  layers: readonly EngineLayer[],
  language: Language,
): Provenance {
  return {
    package: catalogue
      ? {
          id: catalogue.id,
          title: catalogue.title[language],
          synthetic: catalogue.synthetic,
          sources: catalogue.sources ?? [],
        }
      : null,
    layerSources: Object.fromEntries(
      layers.map((layer) => [layer.id, layerSourceText(layer.meta, language)]),
    ),
  };
}

async function readOrNull(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

/** The package `--package` names: a folder, a zip or a URL. */
async function sourceOf(location: string): Promise<Result<PackageSource>> {
  if (/^https?:\/\//i.test(location)) return ok(urlSource(location));
  const path = resolve(location);
  if (!existsSync(path)) return fail('usage', 'packages.noCatalogue', { file: location });
  if (statSync(path).isDirectory()) return ok(folderSource(path, readOrNull));
  const zip = zipSource(location, new Uint8Array(await readFile(path)));
  return zip ? ok(zip) : fail('unreadable', 'packages.noCatalogue', { file: location });
}

/**
 * The layers of the package given with `--package` (every layer with a file), with `overrides`
 * (the `--layer` ones) in place of the package's layers of the same id. A refused package is one
 * error listing every problem.
 */
export async function packageLayers(
  location: string,
  overrides: readonly EngineLayer[],
  language: Language,
): Promise<Result<LoadedLayers>> {
  const source = await sourceOf(location);
  if (!source.ok) return source;
  const opened = await openPackage(source.value);
  if (!opened.ok) {
    const list = opened.problems.map((problem) => messageOf(language, problem)).join(' ');
    return fail(opened.error.kind, 'packages.refusedList', {
      count: opened.problems.length,
      list,
    });
  }
  const { catalogue } = opened.value;
  const replaced = new Set(overrides.map((layer) => layer.id));
  const layers: EngineLayer[] = [];
  for (const meta of catalogue.layers) {
    if (!meta.file || replaced.has(meta.id)) continue;
    // openPackage has read every layer's header, so a failure here is a fault of the run.
    const raster = await openRaster(source.value.byteSource(meta.file));
    layers.push({ id: meta.id, raster: cachedRaster(raster), meta });
  }
  layers.push(...overrides);
  return ok({
    layers,
    source: catalogue.title[language],
    synthetic: layers.some((layer) => layer.meta.synthetic),
    provenance: provenanceOf(catalogue, layers, language),
  });
}
