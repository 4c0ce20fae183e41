/**
 * Area outline colours: the Okabe-Ito palette, readable by colour-blind users. A new area takes the
 * first colour no area uses yet, then the palette repeats.
 */
export const AREA_COLORS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#000000',
  '#f0e442',
] as const;

/** The colour for the next area, given the colours in use. */
export function nextAreaColor(used: readonly string[]): string {
  const taken = new Set(used.map((color) => color.toLowerCase()));
  const free = AREA_COLORS.find((color) => !taken.has(color));
  return free ?? (AREA_COLORS[used.length % AREA_COLORS.length] as string);
}
