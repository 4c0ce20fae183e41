import { describe, expect, test } from 'vitest';
import { type CogInput, writeCog } from '../raster/cog-writer';
import { openUserLayer, openUserRaster } from './open-user-layer';

function buffer(input: Partial<CogInput> = {}): ArrayBuffer {
  const bytes = writeCog({
    width: 40,
    height: 40,
    data: new Float32Array(1600).map((_, i) => 50 + (i % 40)),
    sampleType: 'float32',
    originX: 5.37,
    originY: 52.17,
    cellSize: 0.001,
    crs: { kind: 'geographic', epsg: 4326 },
    nodata: -9999,
    resampling: 'average',
    ...input,
  });
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

const label = 'soc.tif';

describe("openUserLayer: the checks of the CLI's --layer for the app (DESIGN.md 8.2, 7.2)", () => {
  test('a 4326 stock raster becomes a user layer of its role with the unit factor', async () => {
    const opened = await openUserLayer({
      role: 'carbon-stock',
      source: { kind: 'buffer', buffer: buffer() },
      label,
      unit: 'kg/m2',
    });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.id).toBe('carbon-stock');
    expect(opened.value.user).toBe(true);
    expect(opened.value.meta.scale).toBe(10);
    expect(opened.value.meta.source.en).toContain(label);
  });

  test('values that do not fit the role give the notice implausible', async () => {
    const opened = await openUserLayer({
      role: 'organic-matter',
      source: { kind: 'buffer', buffer: buffer({ data: new Float32Array(1600).fill(250) }) },
      label,
    });
    expect(opened.ok && opened.value.notices?.map((note) => note.kind)).toEqual(['implausible']);
  });

  test.each([
    ['not a TIFF', new TextEncoder().encode('no tiff here').buffer as ArrayBuffer, 'unreadable'],
    ['no georeference', buffer({ plain: true }), 'unsupported'],
    ['far from the Netherlands', buffer({ originX: 100, originY: 10 }), 'out-of-area'],
    ['no CRS', buffer({ crs: { kind: 'none' } }), 'unsupported'],
  ])('%s is refused with its kind', async (_, bytes, kind) => {
    const opened = await openUserLayer({
      role: 'carbon-stock',
      source: { kind: 'buffer', buffer: bytes },
      label,
    });
    expect(opened.ok ? null : opened.error.kind).toBe(kind);
    if (!opened.ok) expect(opened.error.params?.file ?? label).toBe(label);
  });

  test('a unit on a class layer and an unknown unit are usage errors', async () => {
    const classes = await openUserLayer({
      role: 'land-use',
      source: { kind: 'buffer', buffer: buffer() },
      label,
      unit: '%',
    });
    expect(classes.ok ? null : classes.error.code).toBe('errors.usageUnitOnClassLayer');
    const unknown = await openUserLayer({
      role: 'sealed',
      source: { kind: 'buffer', buffer: buffer() },
      label,
      unit: 'g/kg',
    });
    expect(unknown.ok ? null : unknown.error.kind).toBe('usage');
  });

  test('several bands need a band; band 2 is read when asked', async () => {
    const two = buffer({ extraBands: [new Float32Array(1600).fill(80)] });
    const none = await openUserLayer({
      role: 'carbon-stock',
      source: { kind: 'buffer', buffer: two },
      label,
    });
    expect(none.ok ? null : none.error.code).toBe('errors.layerBandsNeeded');
    const second = await openUserRaster({ kind: 'buffer', buffer: two }, label, 2);
    expect(second.ok && second.value.band).toBe(1);
  });
});
