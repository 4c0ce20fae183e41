/**
 * Finding Dutch municipalities by name or CBS code as the user types (DESIGN.md 8.3). Pure: the
 * list comes from the shipped index of the 2022 CBS outlines (municipality-index.ts).
 */

/** The year of the shipped municipal division (CBS/Kadaster generalised outlines). */
export const MUNICIPALITY_YEAR = 2022;

/** One municipality of the shipped index: CBS code, official name, WGS84 bounds. */
export interface MunicipalityEntry {
  /** CBS code, `GM` and four digits, e.g. `GM0344`. */
  code: string;
  /** Official CBS name (`statnaam`), e.g. `'s-Gravenhage`. */
  name: string;
  /** [west, south, east, north] in WGS84 degrees, rounded outwards. */
  bbox: [west: number, south: number, east: number, north: number];
}

/**
 * Names in everyday use that differ from the official CBS name. Facts only: the municipality of
 * 's-Gravenhage calls itself Den Haag (English: The Hague); 's-Hertogenbosch is Den Bosch.
 */
export const MUNICIPALITY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  GM0518: ['Den Haag', 'The Hague'],
  GM0796: ['Den Bosch'],
};

/** How a hit matched: its official name, an alias (named), or its code. */
export interface MunicipalityHit {
  entry: MunicipalityEntry;
  matched: 'name' | 'alias' | 'code';
  /** The alias that matched, when `matched` is `alias`. */
  alias?: string;
}

/** The area name of a municipality: `<name> (GM0000)`. */
export function municipalityAreaName(entry: Pick<MunicipalityEntry, 'code' | 'name'>): string {
  return `${entry.name} (${entry.code})`;
}

/**
 * Text as search compares it: accents and case dropped (compatibility decomposition, so the Dutch
 * ij ligature becomes "ij"), punctuation and hyphens as single spaces. "'s-Gravenhage" → "s gravenhage".
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A CBS municipality code from `GM0344`, `gm 344` or `0344`; null when the text is none. */
export function municipalityCodeOf(text: string): string | null {
  const match = /^\s*(?:gm)?\s*(\d{1,4})\s*$/i.exec(text);
  return match ? `GM${(match[1] as string).padStart(4, '0')}` : null;
}

/** Ranks, best first: exact, name prefix, alias prefix, word prefix, anywhere. */
const Rank = { Exact: 0, Prefix: 1, AliasPrefix: 2, WordPrefix: 3, Substring: 4 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

function rankOf(text: string, query: string, prefixRank: Rank): Rank | null {
  if (text === query) return Rank.Exact;
  if (text.startsWith(query)) return prefixRank;
  const at = text.indexOf(query);
  if (at < 0) return null;
  return text.includes(` ${query}`) ? Rank.WordPrefix : Rank.Substring;
}

/** Compiled index: normalized names and aliases, computed once per list. */
export interface MunicipalitySearch {
  entries: readonly MunicipalityEntry[];
  normalized: ReadonlyArray<{ name: string; aliases: ReadonlyArray<[alias: string, key: string]> }>;
}

/** Prepares a list for searching (normalizes every name and alias once). */
export function prepareMunicipalitySearch(
  entries: readonly MunicipalityEntry[],
): MunicipalitySearch {
  return {
    entries,
    normalized: entries.map((entry) => ({
      name: normalizeForSearch(entry.name),
      aliases: (MUNICIPALITY_ALIASES[entry.code] ?? []).map(
        (alias) => [alias, normalizeForSearch(alias)] as [string, string],
      ),
    })),
  };
}

/**
 * Municipalities matching `query` by name, alias or code, case and accents ignored, best first:
 * an exact match, then names starting with the query, aliases starting with it, a word starting
 * with it, and names containing it; within a rank by name. Codes match by prefix ("gm03", "0344").
 */
export function searchMunicipalities(
  search: MunicipalitySearch,
  query: string,
  limit = 10,
): MunicipalityHit[] {
  const wanted = normalizeForSearch(query);
  if (wanted === '') return [];
  const digits = /^(?:gm ?)?(\d{1,4})$/.exec(wanted)?.[1] ?? null;
  const ranked: Array<{ hit: MunicipalityHit; rank: Rank; key: string }> = [];
  search.entries.forEach((entry, index) => {
    const names = search.normalized[index];
    if (!names) return;
    if (digits !== null) {
      const code = entry.code.slice(2);
      if (code.startsWith(digits) || code === digits.padStart(4, '0')) {
        const exact = code === digits.padStart(4, '0');
        ranked.push({
          hit: { entry, matched: 'code' },
          rank: exact ? Rank.Exact : Rank.Prefix,
          key: entry.code,
        });
      }
      return;
    }
    let best: { hit: MunicipalityHit; rank: Rank } | null = null;
    const byName = rankOf(names.name, wanted, Rank.Prefix);
    if (byName !== null) best = { hit: { entry, matched: 'name' }, rank: byName };
    for (const [alias, key] of names.aliases) {
      const byAlias = rankOf(key, wanted, Rank.AliasPrefix);
      if (byAlias !== null && (best === null || byAlias < best.rank)) {
        best = { hit: { entry, matched: 'alias', alias }, rank: byAlias };
      }
    }
    if (best) ranked.push({ ...best, key: names.name });
  });
  ranked.sort(
    (a, b) =>
      a.rank - b.rank || compare(a.key, b.key) || compare(a.hit.entry.code, b.hit.entry.code),
  );
  return ranked.slice(0, limit).map((each) => each.hit);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The municipality with this code (any spelling `municipalityCodeOf` takes), or null. */
export function findMunicipality(
  entries: readonly MunicipalityEntry[],
  code: string,
): MunicipalityEntry | null {
  const wanted = municipalityCodeOf(code);
  return wanted === null ? null : (entries.find((entry) => entry.code === wanted) ?? null);
}
