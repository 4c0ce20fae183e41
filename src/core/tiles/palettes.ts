import type { CatalogueLayer, Localized } from '../raster/catalogue-types';

/** Palette ids a catalogue layer may name (DESIGN.md section 2). */
export const SEQUENTIAL_PALETTE_IDS = [
  'organic-matter',
  'carbon-stock',
  'sealed',
  'deficit',
  'potential',
] as const;
export type SequentialPaletteId = (typeof SEQUENTIAL_PALETTE_IDS)[number];
export type PaletteId = SequentialPaletteId | 'classes';

/**
 * Colour stops, low value first. Every palette runs from light to dark, so more (organic matter,
 * carbon, sealing, deficit, potential) reads as darker, and every one is colour-blind safe:
 * ColorBrewer YlOrBr and YlGnBu (Brewer & Harrower), viridis and cividis (matplotlib; cividis by
 * Nuñez et al. 2018, optimised for colour-vision deficiency), a grey-to-red ramp for sealing that
 * keeps lightness falling so it reads without hue.
 */
const STOPS: Record<SequentialPaletteId, readonly string[]> = {
  // ColorBrewer YlOrBr, 9 classes: soil-brown for organic matter.
  'organic-matter': [
    '#ffffe5',
    '#fff7bc',
    '#fee391',
    '#fec44f',
    '#fe9929',
    '#ec7014',
    '#cc4c02',
    '#993404',
    '#662506',
  ],
  // viridis, reversed so that high stocks are dark.
  'carbon-stock': [
    '#fde725',
    '#b5de2b',
    '#6ece58',
    '#35b779',
    '#1f9e89',
    '#26828e',
    '#31688e',
    '#3e4989',
    '#482878',
    '#440154',
  ],
  // Light grey through greyish rose to dark red: unsealed is neutral, sealed alarms.
  sealed: ['#f2f2f2', '#d9d2d0', '#d4a59a', '#d6705c', '#c0392b', '#8e1b16', '#5c0a0a'],
  // cividis, reversed: small deficits pale yellow, large ones dark blue.
  deficit: ['#fee838', '#c8b866', '#948e77', '#666970', '#35456c', '#00224e'],
  // ColorBrewer YlGnBu, 9 classes.
  potential: [
    '#ffffd9',
    '#edf8b1',
    '#c7e9b4',
    '#7fcdbb',
    '#41b6c4',
    '#1d91c0',
    '#225ea8',
    '#253494',
    '#081d58',
  ],
};

/** Entries of a lookup table; a value's index is round((v - min) / (max - min) x 255). */
export const LUT_SIZE = 256;

export function isSequentialPalette(id: string): id is SequentialPaletteId {
  return (SEQUENTIAL_PALETTE_IDS as readonly string[]).includes(id);
}

/** `#rrggbb` to [r, g, b] (0-255). */
export function parseHexColor(hex: string): [number, number, number] {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(match[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

const lutCache = new Map<SequentialPaletteId, Uint8ClampedArray>();

/**
 * 256-entry RGBA lookup table of a sequential palette (opaque), interpolated linearly in sRGB
 * between evenly spaced stops. Computed once per palette.
 */
export function paletteLut(id: SequentialPaletteId): Uint8ClampedArray {
  const cached = lutCache.get(id);
  if (cached) return cached;
  const stops = STOPS[id].map(parseHexColor);
  const lut = new Uint8ClampedArray(LUT_SIZE * 4);
  for (let i = 0; i < LUT_SIZE; i++) {
    const position = (i / (LUT_SIZE - 1)) * (stops.length - 1);
    const k = Math.min(stops.length - 2, Math.floor(position));
    const t = position - k;
    const a = stops[k] as [number, number, number];
    const b = stops[k + 1] as [number, number, number];
    for (let c = 0; c < 3; c++) lut[i * 4 + c] = Math.round(a[c] * (1 - t) + b[c] * t);
    lut[i * 4 + 3] = 255;
  }
  lutCache.set(id, lut);
  return lut;
}

/** One legend stop: a physical value and its colour. */
export interface LegendStop {
  value: number;
  color: string;
}

/** What a legend draws: a gradient over the layer's range, or a swatch per class. */
export type Legend =
  | { kind: 'gradient'; unit: string | Localized; stops: LegendStop[] }
  | {
      kind: 'classes';
      unit: string | Localized;
      classes: { code: number; name: string; title: { nl: string; en: string }; color: string }[];
    };

/**
 * Legend of a catalogue layer: for sequential palettes `count` evenly spaced stops over
 * `meta.range` (use them as a CSS linear-gradient), for categorical layers the class colours.
 */
export function legendFor(meta: CatalogueLayer, count = 9): Legend {
  if (!isSequentialPalette(meta.palette)) {
    return {
      kind: 'classes',
      unit: meta.unit,
      classes: (meta.classes ?? []).map(({ code, name, title, color }) => ({
        code,
        name,
        title,
        color,
      })),
    };
  }
  const lut = paletteLut(meta.palette);
  const [min, max] = meta.range;
  const stops: LegendStop[] = [];
  for (let i = 0; i < count; i++) {
    const share = count === 1 ? 0 : i / (count - 1);
    const index = Math.round(share * (LUT_SIZE - 1)) * 4;
    stops.push({
      value: min + share * (max - min),
      color: toHex([lut[index] as number, lut[index + 1] as number, lut[index + 2] as number]),
    });
  }
  return { kind: 'gradient', unit: meta.unit, stops };
}

/**
 * Colours physical values of one layer as packed RGBA (a Uint32 in platform byte order, as read
 * through a Uint32Array view of the RGBA bytes); 0 is transparent.
 */
export interface Colorizer {
  /** Packed colour of a physical value; NaN (no data) gives 0. */
  color(value: number): number;
}

/** Packs the RGBA bytes [r, g, b, a] into the Uint32 that a Uint32Array view over them reads. */
function packer(): (r: number, g: number, b: number, a: number) => number {
  const bytes = new Uint8ClampedArray(4);
  const word = new Uint32Array(bytes.buffer);
  return (r, g, b, a) => {
    bytes[0] = r;
    bytes[1] = g;
    bytes[2] = b;
    bytes[3] = a;
    return word[0] as number;
  };
}

/**
 * The colouring of a layer: sequential palettes through a 256-entry table over `meta.range`
 * (values outside the range take the end colours), 'classes' through the catalogue's fixed class
 * colours (codes without a class are transparent). No data (NaN) is transparent.
 */
export function colorizerFor(meta: CatalogueLayer): Colorizer {
  const pack = packer();
  if (isSequentialPalette(meta.palette)) {
    const lut = paletteLut(meta.palette);
    const packed = new Uint32Array(LUT_SIZE);
    for (let i = 0; i < LUT_SIZE; i++) {
      packed[i] = pack(
        lut[i * 4] as number,
        lut[i * 4 + 1] as number,
        lut[i * 4 + 2] as number,
        lut[i * 4 + 3] as number,
      );
    }
    const [min, max] = meta.range;
    const factor = max > min ? (LUT_SIZE - 1) / (max - min) : 0;
    return {
      color(value) {
        if (Number.isNaN(value)) return 0;
        const index = Math.round((value - min) * factor);
        return packed[Math.max(0, Math.min(index, LUT_SIZE - 1))] as number;
      },
    };
  }
  // Class codes are small integers (DESIGN.md 7.1): a dense table indexed by code.
  const codes = (meta.classes ?? []).map((entry) => entry.code);
  const table = new Uint32Array(Math.max(0, ...codes.filter(Number.isInteger)) + 1);
  for (const entry of meta.classes ?? []) {
    if (!Number.isInteger(entry.code) || entry.code < 0) continue;
    const [r, g, b] = parseHexColor(entry.color);
    table[entry.code] = pack(r, g, b, 255);
  }
  return {
    color(value) {
      return (table[value] as number | undefined) ?? 0;
    },
  };
}
