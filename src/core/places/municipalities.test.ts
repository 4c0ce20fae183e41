import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  findMunicipality,
  type MunicipalityEntry,
  municipalityAreaName,
  municipalityCodeOf,
  normalizeForSearch,
  prepareMunicipalitySearch,
  searchMunicipalities,
} from './municipalities';
import { parseMunicipalityIndex } from './municipality-index';

const indexJson = JSON.parse(
  readFileSync(
    resolve(import.meta.dirname, '../../../data/reference/cbs-gemeenten/gemeenten-2022.index.json'),
    'utf8',
  ),
);
const parsed = parseMunicipalityIndex(indexJson);
if (!parsed.ok) throw new Error(parsed.error.code);
const entries = parsed.value;
const search = prepareMunicipalitySearch(entries);
const names = (query: string, limit?: number) =>
  searchMunicipalities(search, query, limit).map((hit) => hit.entry.name);

describe('normalizeForSearch', () => {
  test('drops accents, case and punctuation', () => {
    expect(normalizeForSearch('Súdwest-Fryslân')).toBe('sudwest fryslan');
    expect(normalizeForSearch("'s-Gravenhage")).toBe('s gravenhage');
    expect(normalizeForSearch('Nuenen, Gerwen en Nederwetten')).toBe(
      'nuenen gerwen en nederwetten',
    );
    expect(normalizeForSearch('  ĲSSELSTEIN ')).toBe('ijsselstein');
  });
});

describe('searchMunicipalities on the shipped 2022 list', () => {
  test('"sudwest" finds Súdwest-Fryslân', () => {
    expect(names('sudwest')).toEqual(['Súdwest-Fryslân']);
  });

  test('case and accents in the query are ignored too', () => {
    expect(names('SÚDWEST-fryslan')).toEqual(['Súdwest-Fryslân']);
    expect(names('noardeast')).toEqual(['Noardeast-Fryslân']);
  });

  test('"gm0344" and "0344" find Utrecht by its code', () => {
    expect(names('gm0344')).toEqual(['Utrecht']);
    expect(names('GM 344')[0]).toBe('Utrecht');
    const [hit] = searchMunicipalities(search, '0344');
    expect(hit?.matched).toBe('code');
    expect(hit?.entry.code).toBe('GM0344');
  });

  test('a code prefix lists those codes in order', () => {
    const codes = searchMunicipalities(search, 'GM003', 50).map((hit) => hit.entry.code);
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.every((code) => code.startsWith('GM003'))).toBe(true);
    expect([...codes].sort()).toEqual(codes);
  });

  test('"den haag" finds \'s-Gravenhage through its everyday name', () => {
    const [hit] = searchMunicipalities(search, 'den haag');
    expect(hit?.entry).toMatchObject({ code: 'GM0518', name: "'s-Gravenhage" });
    expect(hit?.matched).toBe('alias');
    expect(hit?.alias).toBe('Den Haag');
    expect(names('den bosch')).toEqual(["'s-Hertogenbosch"]);
    expect(names('gravenhage')).toEqual(["'s-Gravenhage"]);
  });

  test('names starting with the query come before names containing it', () => {
    // "Utrecht" (exact), then "Utrechtse Heuvelrug" (prefix); "ede" has all three ranks.
    expect(names('utrecht')).toEqual(['Utrecht', 'Utrechtse Heuvelrug']);
    const ede = names('ede', 50);
    expect(ede[0]).toBe('Ede');
    const firstSubstring = ede.findIndex((name) => !normalizeForSearch(name).startsWith('ede'));
    expect(firstSubstring).toBeGreaterThan(0);
    expect(
      ede.slice(firstSubstring).every((name) => !normalizeForSearch(name).startsWith('ede')),
    ).toBe(true);
  });

  test('a word inside a name ranks before a match within a word', () => {
    // "Bergen op Zoom" has the word "op"; names with "op" inside a word come after it.
    const hits = names('op', 100);
    const wordIndex = hits.indexOf('Bergen op Zoom');
    const insideIndex = hits.findIndex((name) => /\wop/i.test(name) && !/(^| )op/i.test(name));
    expect(wordIndex).toBeGreaterThanOrEqual(0);
    expect(insideIndex).toBeGreaterThan(wordIndex);
  });

  test('both Bergens, and a limit', () => {
    expect(names('bergen')).toEqual([
      'Bergen (L.)',
      'Bergen (NH.)',
      'Bergen op Zoom',
      'Haaksbergen',
      'Steenbergen',
      'Tubbergen',
    ]);
    expect(names('a', 5)).toHaveLength(5);
  });

  test('empty, blank and unknown queries give nothing', () => {
    expect(names('')).toEqual([]);
    expect(names(' - ')).toEqual([]);
    expect(names('atlantis')).toEqual([]);
    expect(names('GM9999')).toEqual([]);
  });
});

describe('codes and names', () => {
  test('municipalityCodeOf reads any common spelling', () => {
    expect(municipalityCodeOf('gm0344')).toBe('GM0344');
    expect(municipalityCodeOf('344')).toBe('GM0344');
    expect(municipalityCodeOf('GM 0344')).toBe('GM0344');
    expect(municipalityCodeOf('Utrecht')).toBeNull();
    expect(municipalityCodeOf('GM12345')).toBeNull();
  });

  test('findMunicipality and the area name', () => {
    const utrecht = findMunicipality(entries, 'gm0344') as MunicipalityEntry;
    expect(municipalityAreaName(utrecht)).toBe('Utrecht (GM0344)');
    expect(findMunicipality(entries, 'GM0001')).toBeNull();
  });
});
