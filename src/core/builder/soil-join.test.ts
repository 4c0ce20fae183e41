import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readBroTables, topsoilOf } from '../soil/bro-tables';
import { mapAreaNumber, readMapAreaTable, SoilJoin } from './soil-join';

const tables = resolve(import.meta.dirname, '../../../data/reference/bro-bodemkaart-tables');
const read = (name: string) => readFileSync(join(tables, name), 'utf8');

describe('map-area ids', () => {
  test('prefixed ids and leading zeros compare as integers', () => {
    expect(mapAreaNumber('V2025-1..soilarea.05485')).toBe(5485);
    expect(mapAreaNumber('05485')).toBe(5485);
    expect(mapAreaNumber(5485)).toBe(5485);
    expect(mapAreaNumber('V2025-1..soilarea.')).toBeNull();
    expect(mapAreaNumber(null)).toBeNull();
  });
});

describe('the soil join on the shipped BRO tables', () => {
  const profiles = readBroTables(read('SoilProfiles.csv'), read('SoilHorizons.csv'));
  const areas = readMapAreaTable(read('SoilProfiles_MapAreaID.csv'));
  if (!profiles.ok || !areas.ok) throw new Error('BRO tables unreadable');
  const soil = new SoilJoin(areas.value, profiles.value);

  test('the CSV keeps leading zeros; the join reaches profile 2110 from a prefixed id', () => {
    expect(read('SoilProfiles_MapAreaID.csv')).toContain('\n05485,2110');
    const values = soil.lookup('V2025-1..soilarea.05485');
    expect(values?.profileId).toBe('2110');
    expect(soil.lookup('5485')).toEqual(values);
    expect(soil.lookup(5485)).toEqual(values);
  });

  test('profile 2110 (kWz): values by topsoilOf, hand-checked', () => {
    const values = soil.lookup('05485');
    // 0-18 cm OM 12 % at 0.965 g/cm3, 18-30 cm OM 3 % at 1.343 g/cm3.
    const mass = 0.965 * 18 + 1.343 * 12;
    expect(values?.organicMatterPct).toBeCloseTo((12 * 0.965 * 18 + 3 * 1.343 * 12) / mass, 9);
    expect(values?.stockTonnesCPerHa).toBeCloseTo(12 * 0.5 * 0.965 * 18 + 3 * 0.5 * 1.343 * 12, 9);
    // kWz: a `k` prefix, then W: moerig (code 2).
    expect(values?.soilGroupCode).toBe(2);
    const profile = profiles.value.find((p) => p.id === '2110');
    expect(values?.organicMatterPct).toBe(topsoilOf(profile?.horizons ?? []).organicMatterPct);
  });

  test('a map area without a profile (water, built-up) carries no value', () => {
    expect(soil.lookup('V2025-1..soilarea.99999999')).toBeNull();
    expect(soil.lookup('no digits')).toBeNull();
  });
});

describe('a small map-area table', () => {
  test('an area whose profile has no usable horizons carries no value', () => {
    const areas = readMapAreaTable('maparea_id,normalsoilprofile_id\n00007,42\n00008,43\n');
    if (!areas.ok) throw new Error('unreadable');
    const soil = new SoilJoin(areas.value, [
      {
        id: '42',
        soilUnit: 'Zn21',
        name: 'sand',
        group: 'zand',
        horizons: [],
        topsoil: {
          organicMatterPct: 3,
          stockTonnesCPerHa: 60,
          stockPedotransferTonnesCPerHa: 60,
          lutumPct: null,
          coveredCm: 30,
        },
      },
    ]);
    expect(soil.lookup('7')?.soilGroupCode).toBe(5);
    expect(soil.lookup('8')).toBeNull();
  });

  test('a table without its columns is refused by name', () => {
    const result = readMapAreaTable('id,profile\n1,2\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.params).toEqual({ table: 'SoilProfiles_MapAreaID' });
  });
});
