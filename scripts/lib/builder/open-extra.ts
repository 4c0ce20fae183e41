/**
 * Sources that are not GeoJSON files: GeoPackages (`.gpkg`) and OGC API Features URLs. Returns
 * null for a location the GeoJSON adapter reads.
 */
import type { OpenOutcome } from './build';
import { openGpkgSource } from './gpkg-source';

export interface ExtraOptions {
  offline: boolean;
  cacheDir?: string;
  progress: (line: string) => void;
}

export async function openExtraSource(
  location: string,
  id: string,
  layer: string,
  _options: ExtraOptions,
): Promise<OpenOutcome | null> {
  if (/\.gpkg$/i.test(location)) return openGpkgSource(location, id, layer);
  return null;
}
