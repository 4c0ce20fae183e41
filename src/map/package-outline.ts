import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { fetchBounded } from '../core/net/fetch';
import { outlinePolygons } from '../core/package/outline';
import type { Catalogue } from '../core/raster/catalogue-types';

export const PACKAGE_OUTLINE_SOURCE = 'package-outline';
export const PACKAGE_OUTLINE_LAYER = 'package-outline-line';

/**
 * Draws the active package's outline (DESIGN 8.1: outline.geojson, WGS84) as a dashed line over
 * the rasters. A package without a readable outline simply shows none: it was checked on opening.
 */
export async function showPackageOutline(
  map: MapLibreMap,
  catalogue: Catalogue,
  catalogueUrl: string,
  signal: AbortSignal,
): Promise<void> {
  if (!catalogue.outline) return;
  let outline: ReturnType<typeof outlinePolygons> = null;
  try {
    // Bounded (src/core/net): a hung server shows no outline instead of waiting for ever.
    const response = await fetchBounded(new URL(catalogue.outline, catalogueUrl).href, { signal });
    outline = outlinePolygons(JSON.parse(await response.text()));
  } catch {
    return;
  }
  if (!outline || signal.aborted) return;
  const existing = map.getSource(PACKAGE_OUTLINE_SOURCE) as GeoJSONSource | undefined;
  if (existing) {
    existing.setData(outline);
    return;
  }
  map.addSource(PACKAGE_OUTLINE_SOURCE, { type: 'geojson', data: outline });
  map.addLayer({
    id: PACKAGE_OUTLINE_LAYER,
    type: 'line',
    source: PACKAGE_OUTLINE_SOURCE,
    paint: { 'line-color': '#3b3b3b', 'line-width': 2, 'line-dasharray': [3, 2] },
  });
}
