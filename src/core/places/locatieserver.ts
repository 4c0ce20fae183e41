/**
 * PDOK Locatieserver v3_1 (DESIGN.md 8.3): `suggest` while the user types, `lookup` of a chosen
 * suggestion. Read through the product's one fetch module; the base URL comes from the service
 * settings, so tests point it at a local server. v3_1 refuses parameters its OpenAPI document does
 * not list, so only `q`, `rows`, `fq` (suggest) and `id`, `fl` (lookup) are sent.
 */
import { type FetchOptions, fetchResult } from '../net/fetch';
import { serviceUrls } from '../net/services';
import { fail, ok, type Result } from '../result';

/** Types offered in the search box (BAG/BRK objects of the Locatieserver). */
export const SUGGEST_TYPES = ['gemeente', 'woonplaats', 'weg', 'postcode', 'adres'] as const;

/** One suggestion: id for lookup, type, and the service's display name. */
export interface PlaceSuggestion {
  id: string;
  type: string;
  label: string;
}

/** A looked-up place: where it is and, for a municipality, its CBS code. */
export interface PlaceLocation {
  id: string;
  type: string;
  label: string;
  /** WGS84 lon, lat of `centroide_ll`. */
  center: [lon: number, lat: number];
  /** WGS84 bounds of `geometrie_ll` when the service gave a geometry, else null. */
  bbox: [west: number, south: number, east: number, north: number] | null;
  /** `GM` and four digits for a doc of type `gemeente`, else null. */
  municipalityCode: string | null;
}

/** Options of a request: cancellation, and fetch limits or a fetch for tests. */
export type PlaceRequestOptions = Pick<FetchOptions, 'signal' | 'limits' | 'fetch'>;

/** Short limits: suggestions are only worth having while the user still types. */
const PLACE_LIMITS = { firstByteMs: 5_000, deadlineMs: 10_000, retries: 1, maxBytes: 2_000_000 };

const invalid = <T>(url: string) => fail<T>('unreadable', 'places.serviceInvalid', { url });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `response.docs` of a Locatieserver answer, or null when the shape is not one. */
function docsOf(json: unknown): Record<string, unknown>[] | null {
  if (!isRecord(json) || !isRecord(json.response) || !Array.isArray(json.response.docs)) {
    return null;
  }
  return json.response.docs.filter(isRecord);
}

/** Suggestions of a `suggest` answer; docs without an id or name are skipped. */
export function parseSuggestions(json: unknown): PlaceSuggestion[] | null {
  const docs = docsOf(json);
  if (!docs) return null;
  return docs.flatMap((doc) =>
    typeof doc.id === 'string' && typeof doc.weergavenaam === 'string'
      ? [
          {
            id: doc.id,
            type: typeof doc.type === 'string' ? doc.type : '',
            label: doc.weergavenaam,
          },
        ]
      : [],
  );
}

/** lon, lat of a WKT `POINT(lon lat)`, or null. */
export function parseWktPoint(text: unknown): [number, number] | null {
  if (typeof text !== 'string') return null;
  const match = /^\s*POINT\s*\(\s*(-?[\d.]+(?:e-?\d+)?)\s+(-?[\d.]+(?:e-?\d+)?)\s*\)\s*$/i.exec(
    text,
  );
  if (!match) return null;
  const lon = Number(match[1]);
  const lat = Number(match[2]);
  return Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
}

/** Bounds of every `x y` pair in a WKT geometry (any type), or null when it has none. */
export function wktBounds(text: unknown): [number, number, number, number] | null {
  if (typeof text !== 'string') return null;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const match of text.matchAll(/(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)/g)) {
    const x = Number(match[1]);
    const y = Number(match[2]);
    west = Math.min(west, x);
    east = Math.max(east, x);
    south = Math.min(south, y);
    north = Math.max(north, y);
  }
  return west <= east ? [west, south, east, north] : null;
}

/** The place of a `lookup` answer (its first doc), or null when it has no usable centroid. */
export function parseLookup(json: unknown): PlaceLocation | null {
  const doc = docsOf(json)?.[0];
  const center = parseWktPoint(doc?.centroide_ll);
  if (!doc || !center || typeof doc.id !== 'string') return null;
  const type = typeof doc.type === 'string' ? doc.type : '';
  const code = typeof doc.gemeentecode === 'string' ? doc.gemeentecode : null;
  return {
    id: doc.id,
    type,
    label: typeof doc.weergavenaam === 'string' ? doc.weergavenaam : doc.id,
    center,
    bbox: wktBounds(doc.geometrie_ll),
    municipalityCode:
      type === 'gemeente' && code !== null && /^\d{1,4}$/.test(code)
        ? `GM${code.padStart(4, '0')}`
        : null,
  };
}

async function getJson(url: string, options: PlaceRequestOptions): Promise<Result<unknown>> {
  const text = await fetchResult(
    url,
    { ...options, limits: { ...PLACE_LIMITS, ...options.limits } },
    (response) => response.text(),
  );
  if (!text.ok) return text;
  try {
    return ok(JSON.parse(text.value));
  } catch {
    return invalid(url);
  }
}

/** Suggestions for what the user typed. A cancelled request throws its AbortError. */
export async function suggestPlaces(
  query: string,
  options: PlaceRequestOptions = {},
  rows = 7,
): Promise<Result<PlaceSuggestion[]>> {
  const params = new URLSearchParams({
    q: query,
    rows: String(rows),
    fq: `type:(${SUGGEST_TYPES.join(' OR ')})`,
  });
  const url = `${serviceUrls().locatieserver}/suggest?${params}`;
  const json = await getJson(url, options);
  if (!json.ok) return json;
  const suggestions = parseSuggestions(json.value);
  return suggestions ? ok(suggestions) : invalid(url);
}

/** Where a suggestion is (centroid, geometry bounds, municipality code). */
export async function lookupPlace(
  id: string,
  options: PlaceRequestOptions = {},
): Promise<Result<PlaceLocation>> {
  const params = new URLSearchParams({
    id,
    fl: 'id,type,weergavenaam,centroide_ll,geometrie_ll,gemeentecode',
  });
  const url = `${serviceUrls().locatieserver}/lookup?${params}`;
  const json = await getJson(url, options);
  if (!json.ok) return json;
  const place = parseLookup(json.value);
  return place ? ok(place) : invalid(url);
}
