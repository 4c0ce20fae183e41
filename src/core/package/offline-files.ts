import type { Catalogue } from '../raster/catalogue-types';

/**
 * What the service worker (src/sw.ts) keeps of a data package for offline use: every file the
 * catalogue names, fetched whole (the Cache API does not store partial 206 responses; ranges are
 * cut from the whole file when read).
 */

/** Files of packages and own rasters that the service worker serves from its package cache. */
const PACKAGE_FILE = /\.(tif|tiff|json|geojson)$/i;

/** True for a URL the service worker may answer from its package cache (http(s), file types above). */
export function isPackageFileUrl(url: URL): boolean {
  return (url.protocol === 'https:' || url.protocol === 'http:') && PACKAGE_FILE.test(url.pathname);
}

/**
 * Absolute URLs of a package's files: the catalogue, each layer's file, the context and the
 * outline, each once. Empty for a package that only lives in this page (blob: or data: URLs).
 */
export function packageFileUrls(catalogue: Catalogue, catalogueUrl: string): string[] {
  let base: URL;
  try {
    base = new URL(catalogueUrl);
  } catch {
    return [];
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') return [];
  const names = [
    ...catalogue.layers.map((layer) => layer.file),
    catalogue.context,
    catalogue.outline,
  ];
  const urls = [base.href];
  for (const name of names) {
    if (!name) continue;
    let url: URL;
    try {
      url = new URL(name, base);
    } catch {
      continue;
    }
    if (isPackageFileUrl(url) && !urls.includes(url.href)) urls.push(url.href);
  }
  return urls;
}

/** The message the page sends to the service worker to keep a package for offline use. */
export interface CachePackageMessage {
  type: 'CACHE_PACKAGE';
  /** Absolute URLs, the catalogue first (see packageFileUrls). */
  urls: string[];
}

/** The service worker's answer: how many files it keeps now, and which could not be fetched. */
export interface CachePackageReply {
  cached: number;
  failed: string[];
}

/** Checks a message from a page before the service worker acts on it. */
export function parseCachePackageMessage(data: unknown): CachePackageMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, urls } = data as { type?: unknown; urls?: unknown };
  if (type !== 'CACHE_PACKAGE' || !Array.isArray(urls) || urls.length === 0) return null;
  const valid: string[] = [];
  for (const value of urls) {
    if (typeof value !== 'string') return null;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return null;
    }
    if (!isPackageFileUrl(url)) return null;
    valid.push(url.href);
  }
  return { type: 'CACHE_PACKAGE', urls: valid };
}
