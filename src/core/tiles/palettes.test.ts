import { describe, expect, it } from 'vitest';
import type { CatalogueLayer } from '../raster/catalogue-types';
import {
  colorizerFor,
  LUT_SIZE,
  legendFor,
  paletteLut,
  parseHexColor,
  SEQUENTIAL_PALETTE_IDS,
} from './palettes';

/** CIELAB lightness L* (0-100) of an sRGB colour (D65). */
function lightness(r: number, g: number, b: number): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const y = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

function unpack(packed: number): [number, number, number, number] {
  const bytes = new Uint8Array(new Uint32Array([packed]).buffer);
  return [bytes[0] as number, bytes[1] as number, bytes[2] as number, bytes[3] as number];
}

function layer(patch: Partial<CatalogueLayer>): CatalogueLayer {
  return {
    id: 'carbon-stock',
    title: { nl: 'Voorraad', en: 'Stock' },
    unit: 't C/ha',
    kind: 'continuous',
    palette: 'carbon-stock',
    scale: 1,
    offset: 0,
    nodata: -9999,
    range: [0, 200],
    source: { nl: 'test', en: 'test' },
    licence: 'CC0',
    resolution_m: 25,
    date: '2025',
    synthetic: true,
    ...patch,
  };
}

const SOIL_CLASSES = [
  { code: 1, name: 'veen', title: { nl: 'Veen', en: 'Peat' }, color: '#5b3a29' },
  { code: 2, name: 'moerig', title: { nl: 'Moerig', en: 'Peaty' }, color: '#8c6d4f' },
  { code: 3, name: 'zeeklei', title: { nl: 'Zeeklei', en: 'Marine clay' }, color: '#4f7fa8' },
];

describe('sequential palettes', () => {
  it.each(SEQUENTIAL_PALETTE_IDS)('%s gets darker from low to high', (id) => {
    const lut = paletteLut(id);
    expect(lut.length).toBe(LUT_SIZE * 4);
    let previous = Number.POSITIVE_INFINITY;
    for (let i = 0; i < LUT_SIZE; i++) {
      const l = lightness(lut[i * 4] as number, lut[i * 4 + 1] as number, lut[i * 4 + 2] as number);
      // Neighbouring entries may tie after rounding to 8 bits; 0.05 L* is far below what shows.
      expect(l).toBeLessThan(previous + 0.05);
      expect(lut[i * 4 + 3]).toBe(255);
      previous = l;
    }
    // Over the table as a whole the fall is steady: every 16th entry is darker than the one before.
    for (let i = 16; i < LUT_SIZE; i += 16) {
      const at = (k: number) =>
        lightness(lut[k * 4] as number, lut[k * 4 + 1] as number, lut[k * 4 + 2] as number);
      expect(at(i)).toBeLessThan(at(i - 16));
    }
    // Enough lightness contrast between the ends to read without hue.
    const first = lightness(lut[0] as number, lut[1] as number, lut[2] as number);
    const last = (LUT_SIZE - 1) * 4;
    expect(
      first - lightness(lut[last] as number, lut[last + 1] as number, lut[last + 2] as number),
    ).toBeGreaterThan(50);
  });

  it('maps the ends of the range to the ends of the table and clamps beyond', () => {
    const colorizer = colorizerFor(layer({ range: [10, 110] }));
    const lut = paletteLut('carbon-stock');
    const last = (LUT_SIZE - 1) * 4;
    expect(unpack(colorizer.color(10))).toEqual([...lut.slice(0, 4)]);
    expect(unpack(colorizer.color(-5))).toEqual([...lut.slice(0, 4)]);
    expect(unpack(colorizer.color(110))).toEqual([...lut.slice(last, last + 4)]);
    expect(unpack(colorizer.color(1e6))).toEqual([...lut.slice(last, last + 4)]);
    const middle = 128 * 4;
    expect(unpack(colorizer.color(10 + (100 * 128) / 255))).toEqual([
      ...lut.slice(middle, middle + 4),
    ]);
  });

  it('leaves no data transparent', () => {
    expect(unpack(colorizerFor(layer({})).color(Number.NaN))[3]).toBe(0);
  });

  it('gives a legend gradient from the first to the last colour over the range', () => {
    const legend = legendFor(layer({ range: [0, 300], palette: 'organic-matter' }), 5);
    expect(legend.kind).toBe('gradient');
    if (legend.kind !== 'gradient') return;
    expect(legend.stops.map((stop) => stop.value)).toEqual([0, 75, 150, 225, 300]);
    expect(legend.stops[0]?.color).toBe('#ffffe5');
    expect(legend.stops[4]?.color).toBe('#662506');
  });
});

describe('class colours', () => {
  const meta = layer({
    id: 'soil-group',
    kind: 'categorical',
    palette: 'classes',
    unit: 'class',
    classes: SOIL_CLASSES,
  });

  it('colours each class with its fixed catalogue colour, all distinct', () => {
    const colorizer = colorizerFor(meta);
    const seen = new Set<number>();
    for (const entry of SOIL_CLASSES) {
      const [r, g, b, a] = unpack(colorizer.color(entry.code));
      expect([r, g, b]).toEqual(parseHexColor(entry.color));
      expect(a).toBe(255);
      seen.add(colorizer.color(entry.code));
    }
    expect(seen.size).toBe(SOIL_CLASSES.length);
  });

  it('leaves unknown codes and no data transparent', () => {
    const colorizer = colorizerFor(meta);
    for (const value of [0, 7, 255, Number.NaN, 1.5, -1]) expect(colorizer.color(value)).toBe(0);
  });

  it('lists the classes for the legend', () => {
    const legend = legendFor(meta);
    expect(legend.kind).toBe('classes');
    if (legend.kind === 'classes')
      expect(legend.classes.map((c) => c.name)).toEqual(['veen', 'moerig', 'zeeklei']);
  });
});
