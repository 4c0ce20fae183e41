import { FetchError } from '../net/fetch-error';
import type { BaseLayerId } from '../raster/classes';
import { RasterRefusal } from '../raster/raster-limits';
import { type ByteSource, openRaster, type Raster } from '../raster/raster-source';
import { DEFAULT_UNITS, takesUnit, unitFactor } from '../raster/user-units';
import { fail, ok, type Result } from '../result';
import type { EngineLayer } from './types';
import { checkUserRaster } from './user-layer';
import { catalogueLayerFor } from './user-layer-meta';

/** What the app (and the CLI) knows of one user raster before it is opened (DESIGN.md 8.2). */
export interface UserLayerSpec {
  role: BaseLayerId;
  /** A URL (range requests through the bounded fetch), or the file's bytes as a Blob or buffer. */
  source: ByteSource;
  /** The file name or URL, for messages and the layer's source text. */
  label: string;
  /** Unit token of the role (DESIGN.md 8.2); null or absent: the role's default. */
  unit?: string | null;
  /** 1-based band; null or absent: band 1, refused for a multi-band raster. */
  band?: number | null;
  /** The name in the layer's source text (the CLI gives the file's base name); default `label`. */
  sourceName?: string;
}

/**
 * Opens a raster for `openUserLayer`: a refused raster (too large, damaged, no georeference,
 * rotated, no such band) or a failed URL becomes its own kind and message (DESIGN.md 7.2), naming
 * `label`.
 */
export async function openUserRaster(
  source: ByteSource,
  label: string,
  band?: number | null,
  id = '',
): Promise<Result<Raster>> {
  const params = { id, file: label };
  try {
    return ok(await openRaster(source, undefined, band ? { band: band - 1 } : {}));
  } catch (error) {
    if (error instanceof FetchError) return { ok: false, error: error.appError };
    if (error instanceof RasterRefusal) {
      return fail(error.kind, error.code, { ...error.params, ...params });
    }
    return fail('unreadable', 'errors.layerUnreadable', params);
  }
}

/**
 * A user raster as an engine layer, with the checks of the CLI's `--layer` (DESIGN.md 8.2, 7.2):
 * several bands without a band, no CRS, an unsupported CRS, far from the Netherlands and a unit
 * that is not the role's are refused; values that do not fit the role and unit give `implausible`.
 */
export async function openUserLayer(
  spec: UserLayerSpec,
  unknownCrs = '?',
): Promise<Result<EngineLayer>> {
  const { role, label } = spec;
  const params = { id: role, file: label };
  const opened = await openUserRaster(spec.source, label, spec.band, role);
  if (!opened.ok) return opened;
  const raster = opened.value;
  if ((raster.bands ?? 1) > 1 && !spec.band) {
    return fail('usage', 'errors.layerBandsNeeded', { ...params, bands: raster.bands ?? 1 });
  }
  if (raster.unsupportedCrs === undefined && (raster.crs ?? null) === null) {
    return fail('unsupported', 'errors.layerCrs', { ...params, crs: unknownCrs });
  }
  if (spec.unit && !takesUnit(role)) {
    return fail('usage', 'errors.usageUnitOnClassLayer', params);
  }
  const unit = spec.unit ?? (takesUnit(role) ? DEFAULT_UNITS[role] : '');
  const factor = unitFactor(role, unit);
  if (takesUnit(role) && factor === null) {
    return fail('usage', 'errors.usageUnitSyntax', { ...params, value: `${role}=${unit}` });
  }
  const meta = catalogueLayerFor(role, raster, spec.sourceName ?? label, factor ?? 1);
  const checked = await checkUserRaster(role, raster, meta, label, unit);
  if (!checked.ok) return checked;
  return ok({ id: role, raster, meta, user: true, notices: checked.value });
}
