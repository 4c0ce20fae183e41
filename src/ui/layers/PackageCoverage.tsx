import type { MultiPolygon, Polygon } from 'geojson';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { packagesCovering } from '../../core/package/package-index';
import { packageState } from '../../map/active-package';
import { useAppState } from '../../state/use-app-state';

/** The RD New box of a WGS84 polygon (proj4 is loaded on demand, as elsewhere in the UI). */
async function rdBoxOf(
  geometry: Polygon | MultiPolygon,
): Promise<[number, number, number, number]> {
  const { wgs84ToRd } = await import('../../core/projection/rd');
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons)
    for (const position of polygon[0] ?? []) {
      const [x, y] = wgs84ToRd([position[0] as number, position[1] as number]);
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  return box;
}

/**
 * For an area outside the active package's data (DESIGN 8.3): names the packages that cover it,
 * or says that none does and how to get one.
 */
export function PackageCoverage({ geometry }: { geometry: Polygon | MultiPolygon }) {
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const activeUrl = useAppState((state) => state.catalogueUrl);
  const choices = useStore(packageState, (state) => state.choices);
  const [names, setNames] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    void rdBoxOf(geometry).then((box) => {
      if (!live) return;
      const others = packagesCovering(choices, box).filter(
        (choice) => choice.catalogueUrl !== activeUrl,
      );
      setNames(others.map((choice) => choice.title[language]));
    });
    return () => {
      live = false;
    };
  }, [geometry, activeUrl, language, choices]);
  if (names === null) return null;
  return (
    <p className="result-warning" role="note" data-testid="package-coverage">
      {names.length > 0
        ? t('packages.coveredBy', { names: names.join(', ') })
        : t('packages.coveredByNone')}
    </p>
  );
}
