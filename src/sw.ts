/// <reference lib="webworker" />
/**
 * The service worker (DESIGN 9 "Offline", docs/offline.md), built by vite-plugin-pwa in
 * injectManifest mode. It precaches the build (app shell, every chunk, MapLibre's worker), the demo
 * package and the municipality outlines, and keeps the packages the user opens whole in a runtime
 * cache. COGs are read by HTTP range, so both caches answer Range requests with 206 and the bytes
 * asked for (`byteRanges` below); without it geotiff.js would get whole files.
 */
import { clientsClaim } from 'workbox-core';
import type { WorkboxPlugin } from 'workbox-core/types';
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  getCacheKeyForURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { byteRange } from './core/net/byte-range';
import {
  type CachePackageReply,
  isPackageFileUrl,
  parseCachePackageMessage,
} from './core/package/offline-files';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

/** The runtime cache of packages opened from a URL (and the build's own packages once opened). */
const PACKAGE_CACHE = 'koolstofkaart-packages-v1';

/**
 * Answers a Range request from a file kept whole: 206 with the bytes asked for, a range past the
 * end cut at the end (src/core/net/byte-range.ts). Workbox's RangeRequestsPlugin does the same but
 * answers 416 to a range that runs past the end, which geotiff.js sends for files under 64 KiB.
 */
const byteRanges: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ request, cachedResponse }) => {
    const header = request.headers.get('range');
    if (!cachedResponse || !header || cachedResponse.status !== 200) return cachedResponse;
    const blob = await cachedResponse.blob();
    const range = byteRange(header, blob.size);
    const headers = new Headers(cachedResponse.headers);
    headers.set('Accept-Ranges', 'bytes');
    if (range === 'whole') return new Response(blob, { status: 200, statusText: 'OK', headers });
    if (range === 'unsatisfiable') {
      return new Response(null, {
        status: 416,
        statusText: 'Range Not Satisfiable',
        headers: { 'Content-Range': `bytes */${blob.size}` },
      });
    }
    headers.set('Content-Range', `bytes ${range.start}-${range.end}/${blob.size}`);
    headers.set('Content-Length', String(range.end - range.start + 1));
    return new Response(blob.slice(range.start, range.end + 1), {
      status: 206,
      statusText: 'Partial Content',
      headers,
    });
  },
};

// Before precacheAndRoute: the precache's strategy takes its plugins when the route is made.
addPlugins([byteRanges]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// A first visit's page is controlled at once, so code it loads later comes from the precache.
// A new version waits until the user agrees (SKIP_WAITING below).
clientsClaim();

// Every page address is the single-page app; the data folder and the worker itself are files.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/data\//, /^\/sw\.js$/],
  }),
);

/** A file worth keeping: a whole 200 answer that is not a single-page app's index page. */
function keepable(response: Response | undefined | null): response is Response {
  return (
    !!response &&
    response.status === 200 &&
    !(response.headers.get('content-type') ?? '').includes('text/html')
  );
}

/** Lets the package cache keep whole files only (a 206 cannot be stored; an HTML page is no file). */
const wholeFilesOnly: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => (keepable(response) ? response : null),
};

// Package files not in the precache: from the package cache when there, else from the network
// (a whole file read then is kept as well).
registerRoute(
  ({ request, url }) =>
    request.method === 'GET' &&
    request.mode !== 'navigate' &&
    isPackageFileUrl(url) &&
    !getCacheKeyForURL(url.href),
  new CacheFirst({
    cacheName: PACKAGE_CACHE,
    plugins: [byteRanges, wholeFilesOnly],
  }),
);

/**
 * Keeps a package's files whole in the package cache. A catalogue that changed since it was kept
 * means a new version of the package: then every file is fetched again, else only missing ones.
 */
async function cachePackage(urls: readonly string[]): Promise<CachePackageReply> {
  const cache = await caches.open(PACKAGE_CACHE);
  const wanted = urls.filter((url) => !getCacheKeyForURL(url));
  const failed: string[] = [];
  let changed = false;
  const [catalogueUrl] = wanted;
  if (catalogueUrl === urls[0] && catalogueUrl) {
    try {
      const fresh = await fetch(catalogueUrl, { cache: 'no-cache' });
      if (keepable(fresh)) {
        const kept = await cache.match(catalogueUrl);
        const text = await fresh.clone().text();
        changed = !kept || (await kept.text()) !== text;
        if (changed) await cache.put(catalogueUrl, fresh);
      } else failed.push(catalogueUrl);
    } catch {
      failed.push(catalogueUrl);
    }
  }
  for (const url of wanted.slice(catalogueUrl === urls[0] ? 1 : 0)) {
    if (!changed && (await cache.match(url))) continue;
    try {
      const response = await fetch(url, { cache: 'no-cache' });
      if (keepable(response)) await cache.put(url, response);
      else failed.push(url);
    } catch {
      failed.push(url);
    }
  }
  const cached = (await Promise.all(urls.map((url) => cache.match(url)))).filter(Boolean).length;
  return { cached: cached + (urls.length - wanted.length), failed };
}

self.addEventListener('message', (event) => {
  // workbox-window's messageSkipWaiting(): the user chose to reload into the new version.
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') {
    void self.skipWaiting();
    return;
  }
  const message = parseCachePackageMessage(event.data);
  if (!message) return;
  const work = cachePackage(message.urls).then((reply) => event.ports[0]?.postMessage(reply));
  event.waitUntil(work);
});
