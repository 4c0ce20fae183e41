import proj4 from 'proj4';
import { isInRdAreaOfUse, mercatorToLonLat, rdToWgs84, wgs84ToRd } from '../projection/rd';
import type { Position2 } from './raw';

/** How coordinates of one feature look. */
export type Frame = 'rd' | 'wgs84' | 'swapped' | 'mercator' | 'utm' | 'degrees' | 'unknown';

/** RD New coordinates of the Netherlands (test/fixtures/imports/README.md). */
const RD_RANGE = { minX: -7_000, maxX: 300_000, minY: 289_000, maxY: 629_000 };
/** UTM zones 31N/32N northings and eastings around the Netherlands (ETRS89 or WGS84), metres. */
const UTM_RANGE = { minX: 150_000, maxX: 900_000, minY: 5_600_000, maxY: 5_970_000 };

type Box = [number, number, number, number];

function within(box: Box, r: { minX: number; maxX: number; minY: number; maxY: number }): boolean {
  return box[0] >= r.minX && box[2] <= r.maxX && box[1] >= r.minY && box[3] <= r.maxY;
}

/** Classifies a bounding box [minX, minY, maxX, maxY] of coordinates whose CRS is not declared. */
export function frameOf(box: Box): Frame {
  if (within(box, RD_RANGE)) return 'rd';
  if (isInRdAreaOfUse([box[0], box[1]]) && isInRdAreaOfUse([box[2], box[3]])) return 'wgs84';
  if (isInRdAreaOfUse([box[1], box[0]]) && isInRdAreaOfUse([box[3], box[2]])) return 'swapped';
  if (
    Math.abs(box[0]) < 2e7 &&
    Math.abs(box[2]) < 2e7 &&
    Math.abs(box[1]) < 2e7 &&
    Math.abs(box[3]) < 2e7
  ) {
    const low = mercatorToLonLat([box[0], box[1]]);
    const high = mercatorToLonLat([box[2], box[3]]);
    if (isInRdAreaOfUse(low) && isInRdAreaOfUse(high)) return 'mercator';
  }
  if (within(box, UTM_RANGE)) return 'utm';
  if (box[0] >= -180 && box[2] <= 180 && box[1] >= -90 && box[3] <= 90) return 'degrees';
  return 'unknown';
}

/** Source CRS of the coordinates as the importer will read them. */
export type SourceCrs =
  | { kind: 'rd' }
  | { kind: 'wgs84' }
  | { kind: 'swapped' }
  | { kind: 'mercator' }
  | { kind: 'utm'; zone: number };

/** A function from source coordinates to [RD, WGS84] positions. */
export type Transform = (p: Position2) => [rd: Position2, lonLat: Position2];

const utmTransforms = new Map<number, proj4.Converter>();

function utm(zone: number): proj4.Converter {
  let converter = utmTransforms.get(zone);
  if (!converter) {
    // ETRS89 and WGS84 differ by well under a metre in the Netherlands; GRS80 serves both.
    converter = proj4(`+proj=utm +zone=${zone} +ellps=GRS80 +units=m +no_defs`, 'WGS84');
    utmTransforms.set(zone, converter);
  }
  return converter;
}

export function transformFor(source: SourceCrs): Transform {
  switch (source.kind) {
    case 'rd':
      return (p) => [[p[0], p[1]], toPair(rdToWgs84(p))];
    case 'wgs84':
      return (p) => [toPair(wgs84ToRd(p)), [p[0], p[1]]];
    case 'swapped':
      return (p) => [toPair(wgs84ToRd([p[1], p[0]])), [p[1], p[0]]];
    case 'mercator':
      return (p) => {
        const lonLat = toPair(mercatorToLonLat(p));
        return [toPair(wgs84ToRd(lonLat)), lonLat];
      };
    case 'utm': {
      const converter = utm(source.zone);
      return (p) => {
        const lonLat = converter.forward([p[0], p[1]]) as Position2;
        return [toPair(wgs84ToRd(lonLat)), [lonLat[0], lonLat[1]]];
      };
    }
    default: {
      const never: never = source;
      return never;
    }
  }
}

function toPair(p: readonly [number, number]): Position2 {
  return [p[0], p[1]];
}
