/**
 * OGC API Features sources (DESIGN.md 8.4): pages fetched through the product's one fetch module
 * (timeouts, retries with backoff on 429/5xx, minimum rate) into a resumable on-disk cache keyed
 * by request: a rerun reads the pages it has and fetches only the rest. `--offline` reads the
 * cache only. The sha256 is of the concatenated pages in order.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  collectionOffersRd,
  collectionUrl,
  itemsUrl,
  readItemsPage,
  splitCollectionUrl,
} from '../../../src/core/builder/ogc-api';
import { fetchBounded } from '../../../src/core/net/fetch';
import { FetchError } from '../../../src/core/net/fetch-error';
import type { FetchLimits } from '../../../src/core/net/limits';
import { rdToWgs84 } from '../../../src/core/projection/rd';
import type { BuildFailure, OpenOutcome } from './build';
import { missingColumns } from './sources';

export const DEFAULT_CACHE = join(homedir(), '.cache', 'koolstofkaart', 'ogc-api');

export interface OgcOptions {
  offline: boolean;
  cacheDir?: string;
  limits?: Partial<FetchLimits>;
  progress: (line: string) => void;
  /** The instant for BGT's `datetime` (default: today, 00:00 UTC, so a rerun that day resumes). */
  datetime?: string;
}

/** Pages on disk, one file per request URL (its sha256); written whole, then renamed. */
export class PageCache {
  constructor(readonly dir: string) {}
  private path(url: string): string {
    return join(this.dir, `${createHash('sha256').update(url).digest('hex')}.json`);
  }
  get(url: string): string | null {
    const path = this.path(url);
    return existsSync(path) ? readFileSync(path, 'utf8') : null;
  }
  put(url: string, text: string): void {
    mkdirSync(this.dir, { recursive: true });
    const path = this.path(url);
    writeFileSync(`${path}.part`, text);
    renameSync(`${path}.part`, path);
  }
}

/** A failure thrown out of a source's read, carried to the build as is. */
function thrown(failure: BuildFailure): Error {
  return Object.assign(new Error(failure.problems[0]?.code ?? 'failed'), {
    builderFailure: failure,
  });
}

/** Text of a URL: from the cache, else (online) fetched, checked by `check`, then cached. */
async function pageText(
  url: string,
  cache: PageCache,
  options: OgcOptions,
  check: (text: string) => string | null,
): Promise<{ text: string; cached: boolean }> {
  const cachedText = cache.get(url);
  if (cachedText !== null) return { text: cachedText, cached: true };
  if (options.offline) {
    throw thrown({
      kind: 'unreachable',
      problems: [{ code: 'builder.offlineMissing', params: { url } }],
    });
  }
  let text: string;
  try {
    const response = await fetchBounded(url, {
      limits: options.limits,
      headers: { Accept: 'application/geo+json, application/json' },
    });
    text = await response.text();
  } catch (error) {
    if (error instanceof FetchError) {
      const { code, params } = error.appError;
      throw thrown({ kind: 'unreachable', problems: [{ code, params: params ?? { url } }] });
    }
    throw error;
  }
  const problem = check(text);
  if (problem !== null) {
    throw thrown({
      kind: 'unreadable',
      problems: [{ code: 'builder.pageInvalid', params: { url, detail: problem } }],
    });
  }
  cache.put(url, text);
  return { text, cached: false };
}

function parsePage(text: string, url: string) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'malformed JSON' };
  }
  return readItemsPage(value, url);
}

const DEFAULT_COLLECTION: Record<string, string> = { soil: 'soilarea', brp: 'brpgewas' };

/** Opens a collection of an OGC API Features service as the source of `layer`. */
export async function openOgcSource(
  url: string,
  id: string,
  layer: string,
  options: OgcOptions,
): Promise<OpenOutcome> {
  const { base, collection } = splitCollectionUrl(url, DEFAULT_COLLECTION[layer] ?? layer);
  const cache = new PageCache(options.cacheDir ?? DEFAULT_CACHE);
  const datetime =
    layer === 'soil' || layer === 'brp'
      ? null
      : (options.datetime ?? `${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  // Validation: the collection exists; its CRS list says whether RD can be asked for.
  let offersRd: boolean;
  try {
    const meta = await pageText(collectionUrl(base, collection), cache, options, (text) => {
      try {
        JSON.parse(text);
        return null;
      } catch {
        return 'malformed JSON';
      }
    });
    offersRd = collectionOffersRd(JSON.parse(meta.text));
  } catch (error) {
    const failure = (error as { builderFailure?: BuildFailure }).builderFailure;
    if (failure) return { source: null, problems: failure.problems };
    throw error;
  }
  const crs = offersRd ? 'rd' : 'crs84';
  return {
    source: {
      id,
      layer,
      url: `${base}/collections/${collection}`,
      crs,
      async read(bbox, onFeature) {
        const box = crs === 'rd' ? bbox : lonLatBox(bbox);
        let next: string | null = itemsUrl({ base, collection, bbox: box, crs, datetime });
        const seen = new Set<string>();
        const hash = createHash('sha256');
        let features = 0;
        let bytes = 0;
        let pages = 0;
        let fromCache = 0;
        let checkedColumns = false;
        while (next) {
          if (seen.has(next)) {
            throw thrown({
              kind: 'unreadable',
              problems: [{ code: 'builder.pagingLoop', params: { url: next } }],
            });
          }
          seen.add(next);
          const pageUrl: string = next;
          const { text, cached } = await pageText(pageUrl, cache, options, (t) => {
            const page = parsePage(t, pageUrl);
            return 'error' in page ? page.error : null;
          });
          const page = parsePage(text, pageUrl);
          if ('error' in page) {
            throw thrown({
              kind: 'unreadable',
              problems: [
                { code: 'builder.pageInvalid', params: { url: pageUrl, detail: page.error } },
              ],
            });
          }
          if (!checkedColumns && page.features[0]) {
            checkedColumns = true;
            const missing = missingColumns(layer, page.features[0].properties);
            if (missing.length > 0) {
              throw thrown({
                kind: 'usage',
                problems: [
                  {
                    code: 'builder.columnsMissing',
                    params: { file: pageUrl, layer, columns: missing.join(', ') },
                  },
                ],
              });
            }
          }
          const encoded = new TextEncoder().encode(text);
          hash.update(encoded);
          bytes += encoded.length;
          pages++;
          if (cached) fromCache++;
          for (const feature of page.features) {
            features++;
            onFeature(feature);
          }
          options.progress(
            `${id}: page ${pages}${cached ? ' (cache)' : ''}, ${features} features read`,
          );
          next = page.next;
        }
        options.progress(`${id}: ${pages} pages, ${fromCache} from the cache`);
        return { sha256: hash.digest('hex'), features, bytes };
      },
    },
    problems: [],
  };
}

function lonLatBox(
  bbox: readonly [number, number, number, number],
): [number, number, number, number] {
  const corners = [
    rdToWgs84([bbox[0], bbox[1]]),
    rdToWgs84([bbox[2], bbox[1]]),
    rdToWgs84([bbox[0], bbox[3]]),
    rdToWgs84([bbox[2], bbox[3]]),
  ];
  const lons = corners.map((c) => c[0]);
  const lats = corners.map((c) => c[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
