import { MAX_PROPERTY_DEPTH } from './limits';
import type { RawFeature } from './raw';
import { plainText } from './text';

/** A value as id text; a string that is empty once cleaned (only markup, say) counts as absent. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return plainText(value) || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** DESIGN.md 7.1: properties.id, else the GeoJSON id, else name/naam, else the 1-based index. */
export function idOf(feature: RawFeature): string {
  const p = feature.properties;
  return (
    asText(p.id) ?? asText(feature.id) ?? asText(p.name) ?? asText(p.naam) ?? String(feature.index)
  );
}

const NAME_KEYS = ['name', 'naam', 'Name', 'NAME', 'Naam', 'NAAM', 'title', 'Title', 'titel'];

export function nameOf(properties: Record<string, unknown>): string {
  for (const key of NAME_KEYS) {
    const value = properties[key];
    const text = typeof value === 'string' ? plainText(value) : '';
    if (text !== '') return text;
  }
  return '';
}

export function cleanProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    out[key] =
      typeof value === 'string' &&
      /^(name|naam|title|titel|description|desc|omschrijving)$/i.test(key)
        ? plainText(value)
        : value;
  }
  return out;
}

/**
 * True when objects and arrays in `value` nest deeper than `max`. A loop with its own stack, so a
 * hostile value cannot exhaust the call stack here.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * The properties without values nested deeper than MAX_PROPERTY_DEPTH (every later step, from
 * the worker's structured clone to the session store and exports, may recurse over them), and
 * the keys dropped.
 */
export function boundedProperties(properties: Record<string, unknown>): {
  properties: Record<string, unknown>;
  dropped: string[];
} {
  const dropped = Object.keys(properties).filter((key) =>
    nestsDeeperThan(properties[key], MAX_PROPERTY_DEPTH),
  );
  if (dropped.length === 0) return { properties, dropped };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties))
    if (!dropped.includes(key)) out[key] = value;
  return { properties: out, dropped };
}
