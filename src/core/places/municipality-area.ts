import type { MultiPolygon } from 'geojson';
import { municipalityAreaName } from './municipalities';

/** `properties.source` of an area made from a shipped CBS outline (for the map's attribution). */
export const MUNICIPALITY_SOURCE = 'CBS/Kadaster gemeenten 2022 (CC BY 4.0)';

/** What the store's area needs from a shipped outline: id the code, name `<name> (GM0000)`. */
export interface MunicipalityAreaFields {
  id: string;
  name: string;
  geometry: MultiPolygon;
  properties: { statcode: string; statnaam: string; source: string };
}

/** The area fields of a municipality's shipped outline (WGS84, unchanged). */
export function municipalityAreaFields(outline: {
  code: string;
  name: string;
  geometry: MultiPolygon;
}): MunicipalityAreaFields {
  return {
    id: outline.code,
    name: municipalityAreaName(outline),
    geometry: outline.geometry,
    properties: { statcode: outline.code, statnaam: outline.name, source: MUNICIPALITY_SOURCE },
  };
}

/** True for an area made from a shipped outline (by its source, or its code-shaped id and name). */
export function isMunicipalityArea(area: {
  id: string;
  name: string;
  properties?: Record<string, unknown>;
}): boolean {
  if (area.properties?.source === MUNICIPALITY_SOURCE) return true;
  return /^GM\d{4}$/.test(area.id) && area.name.endsWith(`(${area.id})`);
}
