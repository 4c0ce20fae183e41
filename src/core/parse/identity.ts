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
