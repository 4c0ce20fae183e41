import { fail, type Note, ok, type Result } from '../result';
import type { Frame, SourceCrs } from './crs';
import { boundsOf } from './geometry';
import type { Position2, RawFile } from './raw';
import type { ParsedFile } from './types';

export interface CrsChoice {
  source: SourceCrs;
  /** True when the coordinate range decided (no declaration). */
  detected: boolean;
  notes: Note[];
  label: string;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Decides the source CRS: a declaration wins, else the coordinate range of the polygons. */
export function chooseCrs(
  raw: RawFile,
  frames: Frame[],
  allPolygons: Position2[][][],
): Result<CrsChoice> {
  const declared = raw.crs;
  if (declared) {
    switch (declared.kind) {
      case 'rd':
        return ok({ source: { kind: 'rd' }, detected: false, notes: [], label: 'EPSG:28992' });
      case 'wgs84':
        return ok({ source: { kind: 'wgs84' }, detected: false, notes: [], label: 'EPSG:4326' });
      case 'mercator':
        return ok({
          source: { kind: 'mercator' },
          detected: false,
          notes: [{ kind: 'reprojected', code: 'import.reprojectedMercator', feature: null }],
          label: 'EPSG:3857',
        });
      case 'utm':
        return ok({
          source: { kind: 'utm', zone: declared.zone },
          detected: false,
          notes: [
            {
              kind: 'reprojected',
              code: 'import.reprojectedUtm',
              params: { zone: declared.zone },
              feature: null,
            },
          ],
          label: `UTM ${declared.zone}N`,
        });
      case 'unknown':
        return fail('unsupported', 'import.crsUnknown', { crs: declared.name.slice(0, 80) });
      default: {
        const never: never = declared;
        return never;
      }
    }
  }
  const counts = { rd: 0, wgs84: 0, swapped: 0, mercator: 0 };
  for (const frame of frames) if (frame in counts) counts[frame as keyof typeof counts]++;
  const best = (Object.keys(counts) as Array<keyof typeof counts>).reduce((a, b) =>
    counts[b] > counts[a] ? b : a,
  );
  if (counts[best] === 0) {
    if (frames.includes('utm')) return fail('unsupported', 'import.crsUtm');
    if (frames.every((f) => f === 'degrees')) {
      return ok({ source: { kind: 'wgs84' }, detected: true, notes: [], label: 'EPSG:4326' });
    }
    const [minX, minY, maxX, maxY] = boundsOf(allPolygons);
    return fail('unsupported', 'import.crsUnrecognised', {
      minX: round(minX, 3),
      minY: round(minY, 3),
      maxX: round(maxX, 3),
      maxY: round(maxY, 3),
    });
  }
  switch (best) {
    case 'rd':
      return ok({ source: { kind: 'rd' }, detected: true, notes: [], label: 'EPSG:28992' });
    case 'wgs84':
      return ok({ source: { kind: 'wgs84' }, detected: true, notes: [], label: 'EPSG:4326' });
    case 'swapped':
      return ok({
        source: { kind: 'swapped' },
        detected: true,
        notes: [{ kind: 'axes-swapped', code: 'import.axesSwapped', feature: null }],
        label: 'EPSG:4326',
      });
    case 'mercator':
      return ok({
        source: { kind: 'mercator' },
        detected: true,
        notes: [{ kind: 'reprojected', code: 'import.reprojectedMercator', feature: null }],
        label: 'EPSG:3857',
      });
    default: {
      const never: never = best;
      return never;
    }
  }
}

const FRAME_LABELS: Partial<Record<Frame, string>> = {
  rd: 'RD New (EPSG:28992)',
  wgs84: 'WGS84 (EPSG:4326)',
  swapped: 'WGS84 (EPSG:4326)',
  mercator: 'Web Mercator (EPSG:3857)',
};

/**
 * A declared CRS wins, but when every polygon plainly reads as another CRS inside the Netherlands
 * (RD numbers under a WGS84 declaration, say), the declaration is wrong: refuse and say so rather
 * than report every area as lying outside the country.
 */
export function declaredMismatch(choice: CrsChoice, frames: Frame[]): Result<ParsedFile> | null {
  if (choice.detected) return null;
  const expected: Frame[] =
    choice.source.kind === 'rd'
      ? ['rd']
      : choice.source.kind === 'wgs84'
        ? ['wgs84', 'swapped']
        : choice.source.kind === 'mercator'
          ? ['mercator']
          : [];
  if (expected.length === 0 || frames.some((f) => expected.includes(f))) return null;
  const found = frames[0] ? FRAME_LABELS[frames[0]] : undefined;
  if (!found || !frames.every((f) => FRAME_LABELS[f] === found)) return null;
  return fail('unsupported', 'import.crsMismatch', { declared: choice.label, found });
}

/** Coordinate systems a feature's coordinates plainly read as, inside the Netherlands. */
const SYSTEM_OF: Partial<Record<Frame, string>> = {
  rd: 'RD New (EPSG:28992)',
  wgs84: 'WGS84 (EPSG:4326)',
  swapped: 'WGS84 (EPSG:4326)',
  mercator: 'Web Mercator (EPSG:3857)',
};

/** At most this many feature numbers are listed per system; the rest is counted. */
const LISTED = 10;

/**
 * A file whose polygons plainly read as different coordinate systems inside the Netherlands (some
 * in RD metres, some in degrees) would have its minority reported as lying outside the country,
 * whatever the declaration says: refuse it and say which features are in which system.
 * `frames` holds the frame of each ring of each feature; `indexes` the features' 1-based numbers.
 */
export function mixedCrs(frames: Frame[][], indexes: number[]): Result<ParsedFile> | null {
  const bySystem = new Map<string, number[]>();
  frames.forEach((ringFrames, i) => {
    // A feature whose rings read as two systems is listed under both.
    const systems = new Set(ringFrames.map((frame) => SYSTEM_OF[frame]));
    for (const system of systems) {
      if (!system) continue;
      const list = bySystem.get(system) ?? [];
      list.push(indexes[i] ?? i + 1);
      bySystem.set(system, list);
    }
  });
  if (bySystem.size < 2) return null;
  const systems = [...bySystem]
    .map(([system, features]) => {
      const shown = features.slice(0, LISTED).join(', ');
      const more = features.length > LISTED ? ` (+${features.length - LISTED})` : '';
      return `${system}: ${shown}${more}`;
    })
    .join('; ');
  return fail('unsupported', 'import.crsMixed', { systems });
}
