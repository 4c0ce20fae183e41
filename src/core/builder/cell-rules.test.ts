import { describe, expect, test } from 'vitest';
import type { RdMultiPolygonCoordinates } from '../parse/types';
import { preparePolygon } from '../zonal/coverage-fractions';
import {
  BRP_CLASS,
  builderGrid,
  CLASS_NODATA,
  ClassCells,
  ContinuousCells,
  CoverageWalker,
  FLOAT_NODATA,
  LAND_USE_CODE,
  landUseCells,
  outlineMask,
  SealedCells,
} from './cell-rules';
import { brpClassOf, landUseOf, passesBgtFilters, sealedWeightOf } from './mappings';

/** A rectangle as RD polygon coordinates, optionally with holes. */
function rect(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  holes: Array<[number, number, number, number]> = [],
): RdMultiPolygonCoordinates {
  const ring = (a: number, b: number, c: number, d: number): Array<[number, number]> => [
    [a, b],
    [c, b],
    [c, d],
    [a, d],
    [a, b],
  ];
  return [[ring(x0, y0, x1, y1), ...holes.map(([a, b, c, d]) => ring(a, b, c, d))]];
}
const poly = (coordinates: RdMultiPolygonCoordinates) => preparePolygon(coordinates);

/** A 4 x 2 grid of 25 m cells: x 1000-1100, y 2000-2050. Cell (col, row) = row * 4 + col. */
const grid = builderGrid([1000, 2000, 1100, 2050]);
const walker = new CoverageWalker(grid);
const allData = new Uint8Array(8).fill(1);

describe('the builder grid', () => {
  test('floors the minimum and ceils the maximum to 25 m', () => {
    expect(builderGrid([1003.2, 2010, 1051, 2049.9])).toEqual({
      originX: 1000,
      originY: 2050,
      cellSize: 25,
      width: 3,
      height: 2,
    });
  });
});

describe('per-cell rules against hand-computed cells', () => {
  test('a cell 50 % covered by a building is 50 % sealed', () => {
    const sealed = new SealedCells(walker);
    // Building over the left half of cell (0, 0): x 1000-1012.5, y 2025-2050.
    sealed.add(poly(rect(1000, 2025, 1012.5, 2050)), sealedWeightOf('pand', {}).weight);
    const cells = sealed.finish(allData);
    expect(cells[0]).toBe(50);
    expect(cells[1]).toBe(0);
    expect(cells).toBeInstanceOf(Float32Array);
  });

  test('half-paved terrain weighs 0.5 and sealed % is capped at 100', () => {
    const sealed = new SealedCells(walker);
    const half = sealedWeightOf('onbegroeidterreindeel', { fysiek_voorkomen: 'half verhard' });
    expect(half.weight).toBe(0.5);
    sealed.add(poly(rect(1000, 2025, 1025, 2050)), half.weight);
    sealed.add(poly(rect(1025, 2025, 1050, 2050)), 1);
    sealed.add(poly(rect(1025, 2025, 1050, 2050)), 1);
    const cells = sealed.finish(allData);
    expect(cells[0]).toBe(50);
    expect(cells[1]).toBe(100);
  });

  test('two soil polygons meeting in a cell: weighted mean, class of the larger part', () => {
    const om = new ContinuousCells(walker);
    const soil = new ClassCells(walker, 6);
    // Cell (0, 0): peat (1) with OM 20 on x 1000-1010 (40 %), sand (5) with OM 2 on 1010-1025.
    om.add(poly(rect(1000, 2025, 1010, 2050)), 20);
    soil.add(poly(rect(1000, 2025, 1010, 2050)), 1);
    om.add(poly(rect(1010, 2025, 1025, 2050)), 2);
    soil.add(poly(rect(1010, 2025, 1025, 2050)), 5);
    const values = om.finish(allData);
    expect(values[0]).toBeCloseTo(0.4 * 20 + 0.6 * 2, 5);
    expect(soil.finish(allData)[0]).toBe(5);
    // Cells no polygon reaches: nodata for values, 0 (unknown) for the class.
    expect(values[1]).toBe(FLOAT_NODATA);
    expect(soil.finish(allData)[1]).toBe(0);
  });

  test('a polygon without a value adds nothing to the mean', () => {
    const om = new ContinuousCells(walker);
    om.add(poly(rect(1000, 2025, 1005, 2050)), 10);
    om.add(poly(rect(1005, 2025, 1025, 2050)), null);
    // Only the valued fifth counts: Σ f·v / Σ f = 10.
    expect(om.finish(allData)[0]).toBeCloseTo(10, 6);
  });

  test('a class tie goes to the lower code', () => {
    const soil = new ClassCells(walker, 6);
    soil.add(poly(rect(1000, 2025, 1012.5, 2050)), 5);
    soil.add(poly(rect(1012.5, 2025, 1025, 2050)), 3);
    expect(soil.finish(allData)[0]).toBe(3);
  });

  test('a hole: the polygon filling it counts, the holed polygon covers only the rest', () => {
    const om = new ContinuousCells(walker);
    const sealed = new SealedCells(walker);
    // Cell (0, 0) with a 10 x 10 m hole (16 %) at x 1005-1015, y 2030-2040.
    const holed = rect(1000, 2025, 1025, 2050, [[1005, 2030, 1015, 2040]]);
    om.add(poly(holed), 2);
    om.add(poly(rect(1005, 2030, 1015, 2040)), 30);
    sealed.add(poly(holed), 1);
    expect(om.finish(allData)[0]).toBeCloseTo(0.84 * 2 + 0.16 * 30, 5);
    expect(sealed.finish(allData)[0]).toBeCloseTo(84, 4);
  });

  test('an edge cell of the outline has data and describes the whole cell', () => {
    // The outline reaches 1 m into column 1 and not at all into columns 2 and 3.
    const mask = outlineMask(walker, poly(rect(1000, 2000, 1026, 2050)));
    expect(Array.from(mask)).toEqual([1, 1, 0, 0, 1, 1, 0, 0]);
    const om = new ContinuousCells(walker);
    // Soil beyond the outline still counts in an edge cell: OM 4 on the whole grid.
    om.add(poly(rect(1000, 2000, 1100, 2050)), 4);
    const values = om.finish(mask);
    expect(values[1]).toBeCloseTo(4, 6);
    expect(values[2]).toBe(FLOAT_NODATA);
    const soil = new ClassCells(walker, 6);
    soil.add(poly(rect(1000, 2000, 1100, 2050)), 5);
    expect(Array.from(soil.finish(mask))).toEqual([
      5,
      5,
      CLASS_NODATA,
      CLASS_NODATA,
      5,
      5,
      255,
      255,
    ]);
  });
});

describe('land use by fractions', () => {
  function landOf(parts: Array<[string, Record<string, unknown>, RdMultiPolygonCoordinates]>) {
    const land = new ClassCells(walker, 7);
    for (const [collection, properties, coordinates] of parts) {
      const weight = sealedWeightOf(collection, properties).weight;
      const { land: name } = landUseOf(collection, properties, weight);
      if (name) land.add(poly(coordinates), LAND_USE_CODE[name]);
    }
    return land;
  }

  test('a tie between water and built-up goes to water (DESIGN 8.4 order)', () => {
    const land = landOf([
      ['pand', {}, rect(1000, 2025, 1012.5, 2050)],
      ['waterdeel', {}, rect(1012.5, 2025, 1025, 2050)],
    ]);
    expect(landUseCells(allData, land, null)[0]).toBe(LAND_USE_CODE.water);
  });

  test('a tie between built-up and arable goes to built-up, not to the lower code', () => {
    const land = landOf([
      ['begroeidterreindeel', { fysiek_voorkomen: 'bouwland' }, rect(1000, 2025, 1012.5, 2050)],
      ['wegdeel', { fysiek_voorkomen: 'gesloten verharding' }, rect(1012.5, 2025, 1025, 2050)],
    ]);
    expect(landUseCells(allData, land, null)[0]).toBe(LAND_USE_CODE.bebouwd);
  });

  test('semi-paved terrain is built-up, unpaved is not', () => {
    const land = landOf([
      ['onbegroeidterreindeel', { fysiek_voorkomen: 'half verhard' }, rect(1000, 2025, 1010, 2050)],
      ['onbegroeidterreindeel', { fysiek_voorkomen: 'onverhard' }, rect(1010, 2025, 1025, 2050)],
    ]);
    expect(landUseCells(allData, land, null)[0]).toBe(LAND_USE_CODE.bebouwd);
  });

  test('BRP splits the agricultural fraction between arable and grassland', () => {
    // BGT: the whole cell is arable. BRP: 30 % Bouwland, 60 % Grasland in the cell.
    const land = landOf([
      ['begroeidterreindeel', { fysiek_voorkomen: 'bouwland' }, rect(1000, 2025, 1025, 2050)],
    ]);
    const brp = new ClassCells(walker, 2);
    brp.add(poly(rect(1000, 2025, 1007.5, 2050)), BRP_CLASS.akker);
    brp.add(poly(rect(1007.5, 2025, 1022.5, 2050)), BRP_CLASS.grasland);
    expect(landUseCells(allData, land, brp)[0]).toBe(LAND_USE_CODE.grasland);
    expect(landUseCells(allData, land, null)[0]).toBe(LAND_USE_CODE.akker);
  });

  test('unmapped values are reported', () => {
    expect(
      landUseOf('begroeidterreindeel', { fysiek_voorkomen: 'maanlandschap' }, 0).unmapped,
    ).toEqual({
      collection: 'begroeidterreindeel',
      attribute: 'fysiek_voorkomen',
      value: 'maanlandschap',
    });
    expect(sealedWeightOf('wegdeel', { fysiek_voorkomen: 'glas' }).unmapped?.value).toBe('glas');
    expect(brpClassOf({ category: 'Bouwland' }).code).toBe(1);
    expect(brpClassOf({ category: 'Iets' }).unmapped?.value).toBe('Iets');
  });
});

describe('BGT filters', () => {
  test('historic, planned and bridge-level objects are ignored', () => {
    const base = { bgt_status: 'bestaand', relatieve_hoogteligging: 0, eind_registratie: null };
    expect(passesBgtFilters(base)).toBe(true);
    expect(passesBgtFilters({ ...base, eind_registratie: '2020-01-01T00:00:00Z' })).toBe(false);
    expect(passesBgtFilters({ ...base, bgt_status: 'plan' })).toBe(false);
    expect(passesBgtFilters({ ...base, relatieve_hoogteligging: 1 })).toBe(false);
    expect(passesBgtFilters({ status: 'bestaand', eind_registratie: '' })).toBe(true);
    expect(passesBgtFilters({ status: 'gesloopt' })).toBe(false);
  });
});
