import { fetchBounded } from '../core/net/fetch';
import { type MunicipalitySearch, prepareMunicipalitySearch } from '../core/places/municipalities';
import {
  MUNICIPALITY_INDEX_PATH,
  MUNICIPALITY_OUTLINES_PATH,
  type MunicipalityOutline,
  parseMunicipalityIndex,
  parseMunicipalityOutlines,
} from '../core/places/municipality-index';
import { fail, ok, type Result } from '../core/result';

/**
 * The shipped municipality data, loaded on demand as static files (never in the first bundle):
 * the 22 KB index when the search box is first used, the 1.9 MB outlines when one is chosen.
 * Loaded once per page; a failed load is tried again on the next call.
 */
async function fetchJson(path: string): Promise<Result<unknown>> {
  let text: string;
  try {
    // Through the bounded fetch (src/core/net): a server that hangs or trickles ends in a message.
    const response = await fetchBounded(new URL(path, window.location.href).href);
    if ((response.headers.get('content-type') ?? '').includes('text/html')) {
      response.cancel();
      return fail('unreadable', 'places.outlinesUnavailable');
    }
    text = await response.text();
  } catch {
    return fail('unreachable', 'places.outlinesUnavailable');
  }
  try {
    return ok(JSON.parse(text));
  } catch {
    return fail('unreadable', 'places.outlinesInvalid', { detail: path });
  }
}

let index: Promise<Result<MunicipalitySearch>> | null = null;
let outlines: Promise<Result<Map<string, MunicipalityOutline>>> | null = null;

function retryOnFailure<T>(promise: Promise<Result<T>>, forget: () => void): Promise<Result<T>> {
  void promise.then((result) => {
    if (!result.ok) forget();
  });
  return promise;
}

/** The search over the 2022 municipalities (names, codes, bounds). */
export function loadMunicipalitySearch(): Promise<Result<MunicipalitySearch>> {
  index ??= retryOnFailure(
    fetchJson(MUNICIPALITY_INDEX_PATH).then((json) => {
      if (!json.ok) return json;
      const entries = parseMunicipalityIndex(json.value);
      return entries.ok ? ok(prepareMunicipalitySearch(entries.value)) : entries;
    }),
    () => {
      index = null;
    },
  );
  return index;
}

/** The shipped outline of a municipality code. */
export async function loadMunicipalityOutline(code: string): Promise<Result<MunicipalityOutline>> {
  outlines ??= retryOnFailure(
    fetchJson(MUNICIPALITY_OUTLINES_PATH).then((json) => {
      if (!json.ok) return json;
      const parsed = parseMunicipalityOutlines(json.value);
      return parsed.ok ? ok(new Map(parsed.value.map((each) => [each.code, each]))) : parsed;
    }),
    () => {
      outlines = null;
    },
  );
  const all = await outlines;
  if (!all.ok) return all;
  const outline = all.value.get(code);
  return outline ? ok(outline) : fail('usage', 'places.unknownCode', { code });
}
