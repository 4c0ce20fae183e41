import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { catalogueProblems } from '../raster/catalogue';
import type { Catalogue } from '../raster/catalogue-types';
import { openRaster } from '../raster/raster-source';
import type { AppError, Note } from '../result';
import { outlinePolygons } from './outline';
import { PackageReadError, type PackageSource } from './package-source';

/** An opened, checked data package. */
export interface OpenedPackage {
  catalogue: Catalogue;
  /** The package's area (WGS84 polygons), drawn on the map. */
  outline: FeatureCollection<Polygon | MultiPolygon>;
  source: PackageSource;
}

/**
 * Result of opening a package: like `Result`, but a refusal lists every problem found (one
 * message each, naming the file); `error` is the first of them.
 */
export type PackageResult =
  | { ok: true; value: OpenedPackage; notes: Note[] }
  | { ok: false; error: AppError; problems: AppError[] };

const CATALOGUE = 'catalogue.json';

function refuse(problems: AppError[]): PackageResult {
  return { ok: false, error: problems[0] as AppError, problems };
}

function unreadable(error: unknown, file: string): AppError {
  if (error instanceof PackageReadError)
    return { kind: 'unreachable', code: 'packages.fileUnreachable', params: { file: error.file } };
  return { kind: 'unreadable', code: 'packages.fileUnreadable', params: { file } };
}

async function readJson(
  source: PackageSource,
  name: string,
  signal: AbortSignal | undefined,
): Promise<{ value: unknown } | { missing: true } | { problem: AppError }> {
  const file = source.where(name);
  let bytes: Uint8Array | null;
  try {
    bytes = await source.read(name, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    return { problem: unreadable(error, file) };
  }
  if (bytes === null) return { missing: true };
  try {
    return { value: JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')) };
  } catch {
    return { problem: { kind: 'unreadable', code: 'packages.notJson', params: { file } } };
  }
}

async function layerProblems(
  catalogue: Catalogue,
  source: PackageSource,
  signal: AbortSignal | undefined,
): Promise<AppError[]> {
  const checks = catalogue.layers.map(async (layer): Promise<AppError | null> => {
    if (!layer.file) return null;
    const file = source.where(layer.file);
    const params = { id: layer.id, file };
    try {
      if (!(await source.has(layer.file, signal)))
        return { kind: 'unreadable', code: 'packages.layerMissing', params };
    } catch (error) {
      if (signal?.aborted) throw error;
      return unreadable(error, file);
    }
    try {
      const raster = await openRaster(source.byteSource(layer.file), signal);
      if (raster.epsg !== 28992)
        return {
          kind: 'unsupported',
          code: 'packages.layerCrs',
          params: { ...params, crs: raster.epsg === null ? '?' : `EPSG:${raster.epsg}` },
        };
    } catch (error) {
      if (signal?.aborted) throw error;
      return { kind: 'unreadable', code: 'packages.layerUnreadable', params };
    }
    return null;
  });
  return (await Promise.all(checks)).filter((problem): problem is AppError => problem !== null);
}

/**
 * Opens and checks a data package (DESIGN 8.1): its catalogue (schema of catalogue.ts, with the
 * package keys), every layer file (there, a readable GeoTIFF, in EPSG:28992) and its outline (WGS84
 * polygons). Every problem found is reported, one message each, naming the file.
 */
export async function openPackage(
  source: PackageSource,
  signal?: AbortSignal,
): Promise<PackageResult> {
  const catalogueFile = source.where(CATALOGUE);
  const read = await readJson(source, CATALOGUE, signal);
  if ('missing' in read)
    return refuse([
      { kind: 'unreadable', code: 'packages.noCatalogue', params: { file: source.label } },
    ]);
  if ('problem' in read) return refuse([read.problem]);
  const problems = catalogueProblems(read.value, { package: true });
  if (problems.length > 0)
    return refuse(
      problems.map(({ path, expected }) => ({
        kind: 'unreadable',
        code: 'packages.catalogueInvalid',
        params: { file: catalogueFile, path, expected },
      })),
    );
  const catalogue = read.value as Catalogue;
  const found = await layerProblems(catalogue, source, signal);
  const outlineName = catalogue.outline as string;
  const outlineFile = source.where(outlineName);
  const outlineRead = await readJson(source, outlineName, signal);
  let outline: FeatureCollection<Polygon | MultiPolygon> | null = null;
  if ('missing' in outlineRead)
    found.push({
      kind: 'unreadable',
      code: 'packages.outlineMissing',
      params: { file: outlineFile },
    });
  else if ('problem' in outlineRead) found.push(outlineRead.problem);
  else {
    outline = outlinePolygons(outlineRead.value);
    if (!outline)
      found.push({
        kind: 'unreadable',
        code: 'packages.outlineNotPolygon',
        params: { file: outlineFile },
      });
  }
  if (found.length > 0 || !outline) return refuse(found);
  return { ok: true, value: { catalogue, outline, source }, notes: [] };
}
