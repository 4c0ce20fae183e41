import { describe, expect, it } from 'vitest';
import { createMemoryRaster } from '../raster/memory-raster';
import { describeUserRaster, suggestRoleAndUnit } from './user-raster-info';

describe('describeUserRaster and suggestRoleAndUnit (the app dialog, DESIGN.md 8.2)', () => {
  it('shows CRS, non-square cells in degrees, extent, values and bands', async () => {
    const raster = createMemoryRaster({
      width: 10,
      height: 5,
      originX: 5,
      originY: 52,
      cellSize: 0.01,
      cellHeight: 0.005,
      data: new Float32Array(50).map((_, i) => (i === 0 ? -1 : 0.5 + i)),
      nodata: -1,
      crs: 'EPSG:4326',
      epsg: 4326,
      scale: 2,
    });
    const info = await describeUserRaster(raster);
    expect(info.crs).toBe('EPSG:4326');
    expect(info.cellUnit).toBe('degrees');
    expect([info.cellWidth, info.cellHeight]).toEqual([0.01, 0.005]);
    expect(info.extent[0]).toBe(5);
    expect(info.extent[1]).toBeCloseTo(51.975, 12);
    expect(info.valueRange).toEqual([3, 99]);
    expect(info.integers).toBe(true);
    expect(info.wgs84?.[0]).toBeCloseTo(5, 6);
  });

  it('suggests a role from the file name and a unit from the values', () => {
    const stockKg = { median: 6, valueRange: [3, 12] as [number, number], integers: false };
    expect(suggestRoleAndUnit('ocs_0-30cm_mean.tif', stockKg)).toEqual({
      role: 'carbon-stock',
      unit: 'kg/m2',
    });
    const stock = { median: 70, valueRange: [30, 200] as [number, number], integers: true };
    expect(suggestRoleAndUnit('koolstofvoorraad.tif', stock)).toEqual({
      role: 'carbon-stock',
      unit: 't/ha',
    });
    const om = { median: 35, valueRange: [10, 300] as [number, number], integers: true };
    expect(suggestRoleAndUnit('organische_stof.tif', om)).toEqual({
      role: 'organic-matter',
      unit: 'g/kg',
    });
    const classes = { median: 2, valueRange: [1, 7] as [number, number], integers: true };
    expect(suggestRoleAndUnit('export.tif', classes)).toEqual({ role: 'land-use', unit: null });
    expect(
      suggestRoleAndUnit('imperviousness_2018.tif', {
        median: 0.4,
        valueRange: [0, 1],
        integers: false,
      }),
    ).toEqual({
      role: 'sealed',
      unit: 'fraction',
    });
    expect(suggestRoleAndUnit('export.tif', stock)).toEqual({ role: null, unit: null });
  });
});
