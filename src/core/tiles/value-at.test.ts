import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueLayer } from '../raster/catalogue-types';
import { openRaster, type Raster } from '../raster/raster-source';
import { valueAt } from './value-at';

const FIXTURE = resolve(import.meta.dirname, '../../../test/fixtures/zonal/small.tif');

const META: CatalogueLayer = {
  id: 'carbon-stock',
  title: { nl: 'Koolstofvoorraad', en: 'Carbon stock' },
  unit: 't C/ha',
  kind: 'continuous',
  palette: 'carbon-stock',
  scale: 1,
  offset: 0,
  nodata: -9999,
  range: [40, 290],
  source: { nl: 'testdata', en: 'test data' },
  licence: 'CC0-1.0',
  resolution_m: 25,
  date: '2025-01-01',
  synthetic: true,
};

let raster: Raster;
beforeAll(async () => {
  raster = await openRaster({ kind: 'path', path: FIXTURE });
});

describe('valueAt', () => {
  it('returns the full-resolution cell under an RD coordinate, as readWindow reads it', async () => {
    // RD (153337.5, 461212.5): column 133, row 351 of the 25 m grid from (150000, 470000).
    const [cell] = await raster.readWindow(0, [133, 351, 134, 352]);
    expect(await valueAt({ raster, meta: META }, [153337.5, 461212.5])).toBe(cell);
    expect(cell).toBeGreaterThan(40);
  });

  it('agrees with readWindow across a row of cells, on both sides of cell edges', async () => {
    const row = await raster.readWindow(0, [0, 200, 400, 201]);
    for (let col = 0; col < 400; col += 7) {
      const rdY = 470000 - 200 * 25 - 0.001;
      const left = await valueAt({ raster, meta: META }, [150000 + col * 25 + 0.001, rdY]);
      const right = await valueAt({ raster, meta: META }, [150000 + (col + 1) * 25 - 0.001, rdY]);
      const stored = row[col] as number;
      const expected = stored === -9999 ? null : stored;
      expect(left).toBe(expected);
      expect(right).toBe(expected);
    }
  });

  it('applies scale and offset', async () => {
    const [cell] = await raster.readWindow(0, [10, 10, 11, 11]);
    const scaled = await valueAt(
      { raster, meta: { ...META, scale: 0.5, offset: 3 } },
      [150262.5, 469737.5],
    );
    expect(scaled).toBeCloseTo((cell as number) * 0.5 + 3, 9);
  });

  it('gives null on no data and outside the raster', async () => {
    expect(await valueAt({ raster, meta: META }, [159900, 465000])).toBeNull();
    expect(await valueAt({ raster, meta: META }, [149999, 465000])).toBeNull();
    expect(await valueAt({ raster, meta: META }, [155000, 470000.5])).toBeNull();
  });
});
