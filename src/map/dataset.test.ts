import { expect, test } from 'vitest';
import { rdToWgs84 } from '../core/projection/rd';
import { wgs84BoundsOfRdBox } from './dataset';

test('the WGS84 bounds of an RD box contain its corners and hug them', async () => {
  const box = [140000, 440000, 160000, 456000] as const;
  const [west, south, east, north] = await wgs84BoundsOfRdBox(box);
  for (const corner of [
    [box[0], box[1]],
    [box[0], box[3]],
    [box[2], box[1]],
    [box[2], box[3]],
  ] as const) {
    const [lon, lat] = rdToWgs84(corner);
    expect(lon).toBeGreaterThanOrEqual(west);
    expect(lon).toBeLessThanOrEqual(east);
    expect(lat).toBeGreaterThanOrEqual(south);
    expect(lat).toBeLessThanOrEqual(north);
  }
  // 20 km by 16 km: about 0.29 degrees of longitude and 0.144 of latitude at 52 N.
  expect(east - west).toBeCloseTo(0.292, 2);
  expect(north - south).toBeCloseTo(0.144, 2);
});
