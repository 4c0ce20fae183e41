/**
 * Sources that are not GeoJSON files: GeoPackages (`.gpkg`) and OGC API Features URLs. Returns
 * null for a location the GeoJSON adapter reads.
 */
import type { FetchLimits } from '../../../src/core/net/limits';
import type { OpenOutcome } from './build';
import { openGpkgSource } from './gpkg-source';
import { openOgcSource } from './ogc-source';

export interface ExtraOptions {
  offline: boolean;
  cacheDir?: string;
  limits?: Partial<FetchLimits>;
  datetime?: string;
  progress: (line: string) => void;
}

export async function openExtraSource(
  location: string,
  id: string,
  layer: string,
  options: ExtraOptions,
): Promise<OpenOutcome | null> {
  if (/^https?:\/\//i.test(location)) return openOgcSource(location, id, layer, options);
  if (/\.gpkg$/i.test(location)) return openGpkgSource(location, id, layer);
  return null;
}
