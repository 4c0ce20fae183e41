import { fromArrayBuffer } from 'geotiff';
import { describe, expect, test } from 'vitest';
import { type CogArray, type CogInput, type CogSampleType, writeCog } from './cog-writer';
import { buildOverview } from './overviews';
import { openRaster } from './raster-source';

/** Deterministic test values: a hash of the cell index, in the type's range, some nodata. */
function makeInput(
  width: number,
  height: number,
  sampleType: CogSampleType,
  nodata: number | null,
  resampling: CogInput['resampling'] = 'average',
): CogInput {
  const n = width * height;
  const data: CogArray =
    sampleType === 'uint8'
      ? new Uint8Array(n)
      : sampleType === 'uint16'
        ? new Uint16Array(n)
        : sampleType === 'int16'
          ? new Int16Array(n)
          : new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const hash = Math.imul(i + 1, 2654435761) >>> 0;
    let value: number;
    if (sampleType === 'uint8') value = hash % 7;
    else if (sampleType === 'uint16') value = hash % 60000;
    else if (sampleType === 'int16') value = (hash % 60000) - 30000;
    else value = ((hash % 100000) - 50000) / 64;
    if (nodata !== null && hash % 13 === 0) value = nodata;
    data[i] = value;
  }
  return {
    width,
    height,
    data,
    sampleType,
    originX: 145000,
    originY: 471000,
    cellSize: 25,
    nodata,
    resampling,
  };
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Expected levels computed with the same resampling rule, independently of the file layout. */
function expectedLevels(input: CogInput): { width: number; height: number; data: CogArray }[] {
  const levels = [{ width: input.width, height: input.height, data: input.data }];
  let last = levels[0] as (typeof levels)[number];
  while (last.width > 256 || last.height > 256) {
    last = buildOverview(last, input.nodata, input.resampling);
    levels.push(last);
  }
  return levels;
}

const LAYOUTS: [string, CogInput][] = [
  ['uint8 1x1', makeInput(1, 1, 'uint8', 255, 'mode')],
  ['uint8 categorical 300x257, mode', makeInput(300, 257, 'uint8', 255, 'mode')],
  ['uint8 nearest 513x100', makeInput(513, 100, 'uint8', null, 'nearest')],
  ['uint16 256x256 exactly one tile', makeInput(256, 256, 'uint16', 65535)],
  ['uint16 800x640 (the demo grid)', makeInput(800, 640, 'uint16', 65535)],
  ['int16 odd 333x777', makeInput(333, 777, 'int16', -32768)],
  ['float32 257x513', makeInput(257, 513, 'float32', -9999)],
  ['float32 without nodata 600x300', makeInput(600, 300, 'float32', null)],
];

describe('writeCog read back through geotiff.js', () => {
  for (const [name, input] of LAYOUTS) {
    test(name, async () => {
      const tiff = await fromArrayBuffer(arrayBufferOf(writeCog(input)));
      const levels = expectedLevels(input);
      expect(await tiff.getImageCount()).toBe(levels.length);
      for (let i = 0; i < levels.length; i++) {
        const image = await tiff.getImage(i);
        const level = levels[i] as (typeof levels)[number];
        expect([image.getWidth(), image.getHeight()]).toEqual([level.width, level.height]);
        expect([image.getTileWidth(), image.getTileHeight()]).toEqual([256, 256]);
        expect(image.fileDirectory.getValue('Compression')).toBe(8);
        const [raster] = (await image.readRasters()) as unknown as CogArray[];
        expect(raster?.constructor).toBe(input.data.constructor);
        expect(Array.from(raster as CogArray)).toEqual(Array.from(level.data));
      }
      const base = await tiff.getImage(0);
      expect(base.getOrigin()).toEqual([145000, 471000, 0]);
      expect(base.getResolution()).toEqual([25, -25, 0]);
      expect(base.getGDALNoData()).toBe(input.nodata);
      const keys = base.getGeoKeys() as Record<string, unknown>;
      expect(keys.ProjectedCSTypeGeoKey).toBe(28992);
      expect(keys.GTModelTypeGeoKey).toBe(1);
      expect(keys.GTRasterTypeGeoKey).toBe(1);
    });
  }

  test('overviews halve, rounding up, until one tile holds the level', async () => {
    const tiff = await fromArrayBuffer(arrayBufferOf(writeCog(makeInput(800, 640, 'uint8', 255))));
    const sizes: number[][] = [];
    for (let i = 0; i < (await tiff.getImageCount()); i++) {
      const image = await tiff.getImage(i);
      sizes.push([image.getWidth(), image.getHeight()]);
      expect(image.fileDirectory.getValue('NewSubfileType') ?? 0).toBe(i === 0 ? 0 : 1);
    }
    expect(sizes).toEqual([
      [800, 640],
      [400, 320],
      [200, 160],
    ]);
  });
});

describe('writeCog read back through openRaster', () => {
  for (const [name, input] of LAYOUTS) {
    test(name, async () => {
      const raster = await openRaster({ kind: 'buffer', buffer: arrayBufferOf(writeCog(input)) });
      const levels = expectedLevels(input);
      expect(raster.levels.map((l) => [l.width, l.height])).toEqual(
        levels.map((l) => [l.width, l.height]),
      );
      expect([raster.originX, raster.originY, raster.cellSize]).toEqual([145000, 471000, 25]);
      expect(raster.epsg).toBe(28992);
      expect(raster.nodata).toBe(input.nodata);
      for (let i = 0; i < levels.length; i++) {
        const level = levels[i] as (typeof levels)[number];
        expect(raster.levels[i]?.cellSize).toBeCloseTo((25 * input.width) / level.width, 9);
        const cells = await raster.readWindow(i, [0, 0, level.width, level.height]);
        expect(Array.from(cells)).toEqual(Array.from(level.data));
      }
      // A window hanging over the edge is padded with nodata (rasters with a nodata value).
      if (input.nodata === null) return;
      const edge = await raster.readWindow(0, [
        input.width - 1,
        input.height - 1,
        input.width + 1,
        input.height + 1,
      ]);
      expect(edge[0]).toBe(input.data[input.width * input.height - 1]);
      expect(edge[3]).toEqual(raster.fill);
    });
  }
});

describe('writeCog layout and determinism', () => {
  test('identical input gives identical bytes', () => {
    const a = writeCog(makeInput(700, 500, 'uint16', 65535));
    const b = writeCog(makeInput(700, 500, 'uint16', 65535));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  test('all IFDs come first, then overview tiles before full-resolution tiles', () => {
    const bytes = writeCog(makeInput(800, 640, 'uint16', 65535));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(String.fromCharCode(bytes[0] as number, bytes[1] as number)).toBe('II');
    expect(view.getUint16(2, true)).toBe(42);
    const ifds: number[] = [];
    const firstTile: number[] = [];
    for (let at = view.getUint32(4, true); at !== 0; ) {
      ifds.push(at);
      const count = view.getUint16(at, true);
      for (let i = 0; i < count; i++) {
        const entry = at + 2 + i * 12;
        if (view.getUint16(entry, true) !== 324) continue;
        const n = view.getUint32(entry + 4, true);
        const offsets = n === 1 ? entry + 8 : view.getUint32(entry + 8, true);
        firstTile.push(n === 1 ? view.getUint32(offsets, true) : view.getUint32(offsets, true));
      }
      at = view.getUint32(at + 2 + count * 12, true);
    }
    expect(ifds.length).toBe(3);
    expect(Math.max(...ifds)).toBeLessThan(Math.min(...firstTile));
    // Full resolution (first IFD) has its data last; the smallest overview first.
    expect(firstTile[0]).toBeGreaterThan(firstTile[1] as number);
    expect(firstTile[1]).toBeGreaterThan(firstTile[2] as number);
  });

  test('categorical overviews keep class codes (mode), continuous ones average', () => {
    const data = new Uint8Array([1, 1, 2, 2, 1, 3, 2, 255]);
    const mode = buildOverview({ width: 4, height: 2, data }, 255, 'mode');
    expect(Array.from(mode.data)).toEqual([1, 2]);
    const average = buildOverview({ width: 4, height: 2, data }, 255, 'average');
    expect(Array.from(average.data)).toEqual([2, 2]);
    const empty = buildOverview({ width: 1, height: 1, data: new Uint8Array([255]) }, 255, 'mode');
    expect(Array.from(empty.data)).toEqual([255]);
  });

  test('refuses data that does not match its size or type', () => {
    const input = makeInput(10, 10, 'uint16', 65535);
    expect(() => writeCog({ ...input, width: 11 })).toThrow();
    expect(() => writeCog({ ...input, sampleType: 'uint8' })).toThrow();
  });
});
