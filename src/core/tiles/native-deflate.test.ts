import { resolve } from 'node:path';
import { getDecoder } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { openRaster } from '../raster/raster-source';
import { installNativeDeflate } from './native-deflate';

const FIXTURE = resolve(import.meta.dirname, '../../../test/fixtures/zonal/small.tif');

describe('native DEFLATE decoding', () => {
  it('reads the same cells as geotiff.js with its own inflate', async () => {
    const before = await openRaster({ kind: 'path', path: FIXTURE });
    const expected = await before.readWindow(0, [0, 0, 400, 400]);
    const overview = await before.readWindow(1, [0, 0, 200, 200]);
    installNativeDeflate();
    const parameters = {
      tileWidth: 256,
      tileHeight: 256,
      predictor: 1,
      bitsPerSample: 32,
      planarConfiguration: 1,
    };
    for (const code of [8, 32946]) {
      expect((await getDecoder(code, parameters)).constructor.name).toBe('NativeDeflateDecoder');
    }
    const after = await openRaster({ kind: 'path', path: FIXTURE });
    expect(Buffer.from((await after.readWindow(0, [0, 0, 400, 400])).buffer)).toEqual(
      Buffer.from(expected.buffer),
    );
    expect(Buffer.from((await after.readWindow(1, [0, 0, 200, 200])).buffer)).toEqual(
      Buffer.from(overview.buffer),
    );
  });
});
