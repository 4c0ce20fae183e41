import type { ParsedArea } from '../../core/parse/types';
import { AREA_COLORS } from '../../state/area-colors';
import type { Area } from '../../state/areas-slice';

/** How imported areas are named when the file names nothing, e.g. `Vlak 3` / `Area 3` (as drawn areas). */
export type DefaultName = (index: number) => string;

/**
 * Turns parsed areas into store areas next to `existing`: ids made unique (the file's id, then
 * `-2`, `-3`, … when taken), names from the file or a numbered default, the source properties kept,
 * and colours continuing the palette. Linear in the number of areas, so 10,000 stay quick.
 */
export function areasFromImport(
  parsed: readonly ParsedArea[],
  existing: readonly Area[],
  defaultName: DefaultName,
): Area[] {
  const takenIds = new Set(existing.map((area) => area.id));
  const usedColors = new Set(existing.map((area) => area.color.toLowerCase()));
  const freeColors = AREA_COLORS.filter((color) => !usedColors.has(color));
  const nextSuffix = new Map<string, number>();
  let colorCount = existing.length;
  return parsed.map((source, index) => {
    const id = uniqueId(source.id || String(source.feature), takenIds, nextSuffix);
    takenIds.add(id);
    // The palette's unused colours first, then it repeats (as the store's nextAreaColor does).
    const color = freeColors.shift() ?? (AREA_COLORS[colorCount % AREA_COLORS.length] as string);
    colorCount += 1;
    const name = source.name.trim() || defaultName(existing.length + index + 1);
    return {
      id,
      name,
      color,
      visible: true,
      geometry: source.wgs84,
      properties: { ...source.properties },
    };
  });
}

/** `wanted`, or `wanted-2`, `wanted-3`, …; `nextSuffix` remembers where to go on per id. */
function uniqueId(
  wanted: string,
  taken: ReadonlySet<string>,
  nextSuffix: Map<string, number>,
): string {
  if (!taken.has(wanted)) return wanted;
  let suffix = nextSuffix.get(wanted) ?? 2;
  while (taken.has(`${wanted}-${suffix}`)) suffix += 1;
  nextSuffix.set(wanted, suffix + 1);
  return `${wanted}-${suffix}`;
}

/** The refusal that "repair" can help: an outline crossing itself (import/validate.ts). */
export const SPLITTABLE = 'import.selfIntersection';

/**
 * Features refused for crossing themselves, by 1-based feature index (for "repair"). Only a
 * crossing can be split; rings that nest wrongly (same kind, `import.hole…`) cannot.
 */
export function selfIntersectingFeatures(
  notes: readonly { kind: string; code: string; feature: number | null }[],
): Set<number> {
  const features = new Set<number>();
  for (const note of notes) {
    if (note.code === SPLITTABLE && note.feature !== null) features.add(note.feature);
  }
  return features;
}

/** Bounds [west, south, east, north] of WGS84 areas, or null when there are none. */
export function boundsOfAreas(
  areas: readonly Pick<Area, 'geometry'>[],
): [number, number, number, number] | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const { geometry } of areas) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons) {
      for (const position of rings[0] ?? []) {
        const [lon, lat] = position as [number, number];
        if (lon < west) west = lon;
        if (lon > east) east = lon;
        if (lat < south) south = lat;
        if (lat > north) north = lat;
      }
    }
  }
  return west <= east ? [west, south, east, north] : null;
}
