import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SoilGroup } from '../raster/classes';
import {
  type BroProfile,
  median,
  profilesOf,
  readBroTables,
  soilGroupOfUnit,
  topsoilOf,
} from './bro-tables';

const repo = resolve(import.meta.dirname, '../../..');
const tables = join(repo, 'data/reference/bro-bodemkaart-tables');
// ../shared beside the repo (CI), or beside the folder of the repo's git worktrees.
const shared =
  ['../shared', '../../shared']
    .map((dir) => resolve(repo, dir, 'data/bro-bodemkaart-tables'))
    .find((dir) => existsSync(dir)) ?? resolve(repo, '../shared/data/bro-bodemkaart-tables');
const FILES = ['SoilHorizons.csv', 'SoilProfiles.csv'];

function loadProfiles(): BroProfile[] {
  const result = readBroTables(
    readFileSync(join(tables, 'SoilProfiles.csv'), 'utf8'),
    readFileSync(join(tables, 'SoilHorizons.csv'), 'utf8'),
  );
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

describe.runIf(existsSync(shared))('copied BRO tables match ../shared/data', () => {
  for (const file of FILES) {
    test(file, () => {
      expect(readFileSync(join(tables, file)).equals(readFileSync(join(shared, file)))).toBe(true);
    });
  }
});

test('the copies and their attribution are present', () => {
  for (const file of FILES) expect(existsSync(join(tables, file))).toBe(true);
  expect(readFileSync(join(tables, 'README.md'), 'utf8')).toContain('Basisregistratie Ondergrond');
});

test('soil unit codes map to main soil groups by their capitals after a lower-case prefix', () => {
  const cases: [string, SoilGroup | null][] = [
    ['hVb', 'veen'],
    ['AVk', 'veen'],
    ['kWp', 'moerig'],
    ['cHn21', 'zand'],
    ['Y21', 'zand'],
    ['zEZ23', 'zand'],
    ['Sn13A', 'zand'],
    ['Mn25A', 'zeeklei'],
    ['EK19', 'zeeklei'],
    ['KK', 'zeeklei'],
    ['KRd7', 'rivierklei'],
    ['Rn66A', 'rivierklei'],
    ['BLd5', 'löss'],
    ['EL5', 'löss'],
    ['pLn5', 'löss'],
    ['lower', null],
    ['Q12', null],
  ];
  for (const [code, group] of cases) expect([code, soilGroupOfUnit(code)]).toEqual([code, group]);
});

test('0-30 cm figures weight by mass and clip horizons at 30 cm', () => {
  const topsoil = topsoilOf([
    { topCm: 0, bottomCm: 10, organicMatterPct: 10, bulkDensityGPerCm3: 1, lutumPct: 20 },
    { topCm: 10, bottomCm: 50, organicMatterPct: 2, bulkDensityGPerCm3: 1.5, lutumPct: null },
  ]);
  // mass: 10 + 30 = 40; OM mass: 100 + 60 = 160 -> 4 %.
  expect(topsoil.organicMatterPct).toBeCloseTo(4, 12);
  // stock: 10 x 0.5 x 1 x 10 + 2 x 0.5 x 1.5 x 20 = 50 + 30 = 80 t C/ha.
  expect(topsoil.stockTonnesCPerHa).toBeCloseTo(80, 12);
  expect(topsoil.lutumPct).toBeCloseTo(20, 12);
  expect(topsoil.coveredCm).toBe(30);
});

describe('BRO profiles, 0-30 cm, f_C 0.5 (DESIGN.md section 3)', () => {
  const profiles = loadProfiles();
  const groups: [string, SoilGroup[], number][] = [
    ['sand', ['zand'], 77],
    ['clay', ['zeeklei', 'rivierklei'], 73],
    ['peat', ['veen'], 200],
  ];

  test('every profile with horizons is read, in a known group, covering 0-30 cm', () => {
    expect(profiles.length).toBe(368);
    for (const profile of profiles) expect(profile.topsoil.coveredCm).toBeCloseTo(30, 6);
  });

  for (const [name, members, expected] of groups) {
    test(`${name}: median stock with the profiles' own densities near ${expected} t C/ha`, () => {
      const stocks = profilesOf(profiles, members).map((p) => p.topsoil.stockTonnesCPerHa);
      expect(stocks.length).toBeGreaterThan(30);
      expect(Math.abs(median(stocks) / expected - 1)).toBeLessThan(0.25);
    });

    test(`${name}: the default pedotransfer per horizon stays within 15 % of it`, () => {
      const members_ = profilesOf(profiles, members);
      const own = median(members_.map((p) => p.topsoil.stockTonnesCPerHa));
      const fitted = median(members_.map((p) => p.topsoil.stockPedotransferTonnesCPerHa));
      expect(Math.abs(fitted / own - 1)).toBeLessThan(0.15);
    });
  }

  test('the peaty (moerig) group lies between clay and peat', () => {
    const moerig = median(profilesOf(profiles, ['moerig']).map((p) => p.topsoil.stockTonnesCPerHa));
    expect(moerig).toBeGreaterThan(100);
    expect(moerig).toBeLessThan(300);
  });
});

test('tables without the needed columns are refused with a message key', () => {
  const result = readBroTables('a,b\n1,2\n', 'x\n1\n');
  expect(result.ok).toBe(false);
  if (!result.ok)
    expect(result.error).toMatchObject({ kind: 'unreadable', code: 'soil.tablesUnreadable' });
});
