/**
 * OGC API Features (Part 1 and Part 2, CRS by reference) for the builder (DESIGN.md 8.4): the
 * items request of a collection (`limit`, `bbox` + `bbox-crs`, `crs` as an OGC URI, `datetime`),
 * the `next` link of a page, and a page's checks. Pure; the Node side fetches and caches.
 */

export const RD_URI = 'http://www.opengis.net/def/crs/EPSG/0/28992';
export const CRS84_URI = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const PAGE_LIMIT = 1000;

/** The collection a URL names (`…/collections/<name>`), else the role's default. */
export function splitCollectionUrl(
  url: string,
  fallback: string,
): { base: string; collection: string } {
  const match = /^(.*?)\/collections\/([^/?#]+)/.exec(url);
  if (match)
    return { base: match[1] as string, collection: decodeURIComponent(match[2] as string) };
  return { base: url.replace(/\/+$/, ''), collection: fallback };
}

export interface ItemsRequest {
  base: string;
  collection: string;
  /** [minX, minY, maxX, maxY] in `crs`. */
  bbox: readonly [number, number, number, number];
  crs: 'rd' | 'crs84';
  /** An instant (ISO) for `datetime`, or null. */
  datetime: string | null;
  limit?: number;
}

/** The first items page of a collection. */
export function itemsUrl(request: ItemsRequest): string {
  const { base, collection, bbox, crs } = request;
  const params = new URLSearchParams({ f: 'json', limit: String(request.limit ?? PAGE_LIMIT) });
  params.set('bbox', bbox.map((v) => String(Math.round(v * 1e6) / 1e6)).join(','));
  if (crs === 'rd') {
    params.set('bbox-crs', RD_URI);
    params.set('crs', RD_URI);
  }
  if (request.datetime) params.set('datetime', request.datetime);
  return `${base}/collections/${encodeURIComponent(collection)}/items?${params}`;
}

/** The collection's metadata URL. */
export function collectionUrl(base: string, collection: string): string {
  return `${base}/collections/${encodeURIComponent(collection)}?f=json`;
}

/** True when the collection metadata lists RD New among its CRSs. */
export function collectionOffersRd(metadata: unknown): boolean {
  const crs = (metadata as { crs?: unknown } | null)?.crs;
  return Array.isArray(crs) && crs.some((uri) => typeof uri === 'string' && /\/28992$/.test(uri));
}

export interface ItemsPage {
  features: Array<{ properties: Record<string, unknown>; geometry: unknown }>;
  next: string | null;
  numberReturned: number | null;
}

/** Checks a parsed page and finds its `next` link (relative links resolved against `url`). */
export function readItemsPage(value: unknown, url: string): ItemsPage | { error: string } {
  const page = value as {
    type?: unknown;
    features?: unknown;
    links?: unknown;
    numberReturned?: unknown;
  } | null;
  if (page?.type !== 'FeatureCollection' || !Array.isArray(page.features)) {
    return { error: 'not a FeatureCollection' };
  }
  const features = page.features.map((feature) => {
    const f = feature as { properties?: unknown; geometry?: unknown } | null;
    return {
      properties:
        f?.properties && typeof f.properties === 'object'
          ? (f.properties as Record<string, unknown>)
          : {},
      geometry: f?.geometry ?? null,
    };
  });
  const numberReturned = typeof page.numberReturned === 'number' ? page.numberReturned : null;
  if (numberReturned !== null && numberReturned !== features.length) {
    return { error: `numberReturned ${numberReturned} but ${features.length} features` };
  }
  let next: string | null = null;
  if (Array.isArray(page.links)) {
    for (const link of page.links as Array<{ rel?: unknown; href?: unknown; type?: unknown }>) {
      if (link?.rel !== 'next' || typeof link.href !== 'string') continue;
      if (typeof link.type === 'string' && !/json/.test(link.type)) continue;
      next = new URL(link.href, url).toString();
      break;
    }
  }
  // An empty page ends the paging even if it carries a next link.
  if (features.length === 0) next = null;
  return { features, next, numberReturned };
}
