import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import type { Area } from '../state/areas-slice';

/** An area on the map: its id (promoted to the feature id for feature state) and colour. */
export type AreaFeature = Feature<Polygon | MultiPolygon, { id: string; color: string }>;

/** The inputs of an area's map feature, as the areas source last received them. */
export interface DrawnArea {
  geometry: Area['geometry'];
  color: string;
}

/** What the areas source holds, by area id, in the source's order. */
export type DrawnAreas = ReadonlyMap<string, DrawnArea>;

/** How to bring the areas source up to date. */
export type AreasSourceChange =
  | { kind: 'none' }
  | { kind: 'replace'; data: FeatureCollection<Polygon | MultiPolygon> }
  | { kind: 'update'; diff: GeoJSONSourceDiff };

/**
 * Above this many changed features, or when half of them change, the source gets all its data
 * again (`setData`) rather than a diff: an import or a new session changes everything anyway.
 */
export const MAX_DIFF_FEATURES = 1000;

const isDrawn = (area: Area, hiddenIds: ReadonlySet<string>) =>
  area.visible && !hiddenIds.has(area.id);

/** An area as a map feature. The selection is not in it: it is feature state. */
export function areaFeature(area: Area): AreaFeature {
  return {
    type: 'Feature',
    id: area.id,
    geometry: area.geometry,
    properties: { id: area.id, color: area.color },
  };
}

/** The areas as GeoJSON for the map: visible ones only, without those in `hiddenIds`. */
export function areasFeatureCollection(
  areas: readonly Area[],
  hiddenIds: ReadonlySet<string> = new Set(),
): FeatureCollection<Polygon | MultiPolygon> {
  return {
    type: 'FeatureCollection',
    features: areas.filter((area) => isDrawn(area, hiddenIds)).map(areaFeature),
  };
}

/** What the source holds after it received `areasFeatureCollection(areas, hiddenIds)`. */
export function drawnAreasOf(areas: readonly Area[], hiddenIds: ReadonlySet<string>): DrawnAreas {
  const drawn = new Map<string, DrawnArea>();
  for (const area of areas) {
    if (isDrawn(area, hiddenIds))
      drawn.set(area.id, { geometry: area.geometry, color: area.color });
  }
  return drawn;
}

/**
 * The change that brings a source holding `drawn` to the areas now: none when nothing it draws
 * changed (a rename, a selection, the undo history), a diff for a few areas, all data for many or
 * most.
 * Geometries are compared by identity (the store never mutates them). A diff appends added areas,
 * so an area restored by undo may be drawn above a neighbour it was below before.
 */
export function areasSourceChange(
  drawn: DrawnAreas,
  areas: readonly Area[],
  hiddenIds: ReadonlySet<string>,
  maxDiffFeatures = MAX_DIFF_FEATURES,
): AreasSourceChange {
  const add: AreaFeature[] = [];
  const update: NonNullable<GeoJSONSourceDiff['update']> = [];
  const kept = new Set<string>();
  let changed = 0;
  for (const area of areas) {
    if (!isDrawn(area, hiddenIds)) continue;
    kept.add(area.id);
    const before = drawn.get(area.id);
    if (before?.geometry === area.geometry && before.color === area.color) continue;
    if (++changed > maxDiffFeatures) break;
    if (!before) add.push(areaFeature(area));
    else {
      update.push({
        id: area.id,
        ...(before.geometry === area.geometry ? {} : { newGeometry: area.geometry }),
        ...(before.color === area.color
          ? {}
          : { addOrUpdateProperties: [{ key: 'color', value: area.color }] }),
      });
    }
  }
  if (changed > maxDiffFeatures) {
    return { kind: 'replace', data: areasFeatureCollection(areas, hiddenIds) };
  }
  const remove = [...drawn.keys()].filter((id) => !kept.has(id));
  const changes = changed + remove.length;
  if (changes > maxDiffFeatures || changes * 2 > Math.max(drawn.size, kept.size)) {
    return { kind: 'replace', data: areasFeatureCollection(areas, hiddenIds) };
  }
  if (changes === 0) return { kind: 'none' };
  return {
    kind: 'update',
    diff: {
      ...(remove.length ? { remove } : {}),
      ...(add.length ? { add } : {}),
      ...(update.length ? { update } : {}),
    },
  };
}
