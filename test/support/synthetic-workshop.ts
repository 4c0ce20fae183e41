/** A generated workshop object (DESIGN.md 9) for the share-link tests and the permalink benchmark. */
import { DEFAULT_SCENARIO } from '../../src/core/estimate/scenario';
import { rdToWgs84 } from '../../src/core/projection/rd';
import type { Scene, SessionArea } from '../../src/core/session/types';
import { WORKSHOP_FORMAT, type WorkshopFile } from '../../src/core/session/workshop-file';
import { blobRing } from './synthetic-polygons';

/**
 * `areaCount` irregular areas of `vertices` vertices each (about 50 ha, side by side near
 * Amersfoort, WGS84 at full precision) and `sceneCount` scenes over them.
 */
export function syntheticWorkshop(
  areaCount: number,
  vertices: number,
  sceneCount: number,
): WorkshopFile {
  const areas: SessionArea[] = [];
  for (let i = 0; i < areaCount; i++) {
    const centre: [number, number] = [
      140_000 + (i % 10) * 1500,
      450_000 + Math.floor(i / 10) * 1500,
    ];
    const ring = blobRing(centre, 50, vertices, 7 + i).map((p) => rdToWgs84(p));
    areas.push({
      id: `area-${i + 1}`,
      name: `Gebied ${i + 1}`,
      color: '#0072b2',
      visible: true,
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  }
  const scenes: Scene[] = Array.from({ length: sceneCount }, (_, s) => ({
    id: `scene-${s + 1}`,
    name: `Scène ${s + 1}`,
    view: { center: [5.3 + s * 0.01, 52.1], zoom: 11 + s * 0.5, bearing: 0, pitch: 0 },
    layers: { 'carbon-stock': { visible: true, opacity: 0.8, order: 0 } },
    areaIds: areas.filter((_, i) => i % sceneCount === s).map((area) => area.id),
    selectedId: areas[s]?.id ?? null,
    scenario: { ...DEFAULT_SCENARIO, horizon_years: 20 + s * 5 },
  }));
  return {
    format: WORKSHOP_FORMAT,
    version: 1,
    package: { id: 'demo', url: null },
    view: { center: [5.3875, 52.1561], zoom: 12, bearing: 0, pitch: 0 },
    layers: { 'carbon-stock': { visible: true, opacity: 0.7, order: 0 } },
    areas,
    selectedId: areas[0]?.id ?? null,
    scenario: DEFAULT_SCENARIO,
    scenes,
    language: 'nl',
  };
}
