import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { geometryToRd } from '../../src/core/engine/session';
import type { AnalysisArea } from '../../src/core/engine/types';
import { municipalityAreaName, municipalityCodeOf } from '../../src/core/places/municipalities';
import {
  type MunicipalityOutline,
  parseMunicipalityOutlines,
} from '../../src/core/places/municipality-index';
import { fail, ok, type Result } from '../../src/core/result';

/** The shipped 2022 CBS outlines (DESIGN.md 8.3). */
export const MUNICIPALITY_OUTLINES = resolve(
  import.meta.dirname,
  '../../data/reference/cbs-gemeenten/gemeenten-2022.geojson',
);

/**
 * `--municipality <code>` areas: the shipped outline of each code, id the code and name
 * `<name> (GM0000)`. An unknown code (also one created after 2022) is a `usage` error.
 */
export async function municipalityAreas(
  codes: readonly string[],
  firstFeature: number,
  file = MUNICIPALITY_OUTLINES,
): Promise<Result<AnalysisArea[]>> {
  if (codes.length === 0) return ok([]);
  let outlines: MunicipalityOutline[];
  try {
    const parsed = parseMunicipalityOutlines(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.ok) return parsed;
    outlines = parsed.value;
  } catch {
    return fail('internal', 'places.outlinesUnavailable');
  }
  const byCode = new Map(outlines.map((outline) => [outline.code, outline]));
  const areas: AnalysisArea[] = [];
  for (const given of codes) {
    const code = municipalityCodeOf(given);
    const outline = code === null ? undefined : byCode.get(code);
    if (!outline) return fail('usage', 'places.unknownCode', { code: given });
    // The same municipality twice is one area: its id is the code.
    if (areas.some((area) => area.id === outline.code)) continue;
    areas.push({
      id: outline.code,
      name: municipalityAreaName(outline),
      rd: geometryToRd(outline.geometry),
      feature: firstFeature + areas.length,
    });
  }
  return ok(areas);
}
