/**
 * A GeoJSON FeatureCollection file read as a stream (DESIGN.md 8.4): features are handed out one
 * chunk at a time, never the whole file; the sha256 of the bytes read is kept for the catalogue.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import {
  FeatureCollectionStream,
  GeoJsonStreamError,
} from '../../../src/core/builder/geojson-stream';
import { crsOfMember, type SourceCrs } from '../../../src/core/builder/source-geometry';

export interface GeoJsonFeature {
  properties: Record<string, unknown>;
  geometry: unknown;
}

export interface GeoJsonHead {
  /** The CRS: from the `crs` member before the features, else CRS84. */
  crs: SourceCrs | { unsupported: string };
  /** Whether the file names its CRS before its features. */
  crsNamed: boolean;
  first: GeoJsonFeature | null;
  /** Top-level `type`. */
  type: unknown;
}

function featureOf(value: unknown): GeoJsonFeature {
  const feature = value as { properties?: unknown; geometry?: unknown } | null;
  const properties = feature?.properties;
  return {
    properties:
      properties && typeof properties === 'object' ? (properties as Record<string, unknown>) : {},
    geometry: feature?.geometry ?? null,
  };
}

/** Reads a file up to its first feature: the CRS, the first feature and `type`. */
export async function readGeoJsonHead(path: string): Promise<GeoJsonHead> {
  let crs: unknown;
  let crsNamed = false;
  let type: unknown;
  let first: GeoJsonFeature | null = null;
  const parser = new FeatureCollectionStream({
    feature: (value) => {
      first ??= featureOf(value);
    },
    member: (key, value) => {
      if (key === 'crs' && first === null) {
        crs = value;
        crsNamed = true;
      }
      if (key === 'type') type = value;
    },
  });
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    parser.push(decoder.write(chunk as Buffer));
    if (first !== null) break;
  }
  stream.destroy();
  if (first === null && !parser.done) parser.end();
  return { crs: crsOfMember(crs), crsNamed, first, type };
}

/**
 * Streams the features of a file to `onFeature`; returns the sha256 of its bytes and the number of
 * features. Throws GeoJsonStreamError for malformed text.
 */
export async function streamGeoJson(
  path: string,
  onFeature: (feature: GeoJsonFeature) => void,
): Promise<{ sha256: string; features: number; bytes: number }> {
  const hash = createHash('sha256');
  let features = 0;
  let bytes = 0;
  const parser = new FeatureCollectionStream({
    feature: (value) => {
      features++;
      onFeature(featureOf(value));
    },
    member: () => {},
  });
  const decoder = new StringDecoder('utf8');
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    bytes += buffer.length;
    parser.push(decoder.write(buffer));
  }
  parser.push(decoder.end());
  parser.end();
  return { sha256: hash.digest('hex'), features, bytes };
}

export { GeoJsonStreamError };
