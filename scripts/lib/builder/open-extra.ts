/**
 * Sources that are not GeoJSON files: GeoPackages (`.gpkg`) and OGC API Features URLs. Returns
 * null for a location the GeoJSON adapter reads.
 */
import type { OpenOutcome } from './build';

export interface ExtraOptions {
  offline: boolean;
  cacheDir?: string;
  progress: (line: string) => void;
}

export async function openExtraSource(
  _location: string,
  _id: string,
  _layer: string,
  _options: ExtraOptions,
): Promise<OpenOutcome | null> {
  return null;
}
