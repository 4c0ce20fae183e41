import type { ImportOptions } from './types';

/** Default import limits (docs/import.md): generous enough for every municipality's parcels. */
export const DEFAULT_LIMITS = {
  /** 100 MiB: twice the 50 MB the product promises. */
  maxBytes: 100 * 1024 * 1024,
  /** 50,000 features: every parcel of a large municipality. */
  maxFeatures: 50_000,
  /** 250,000 vertices in one area. */
  maxVertices: 250_000,
  /** 200 MiB: everything read from one zip (KMZ, zipped Shapefile), counted while inflating. */
  maxUnzippedBytes: 200 * 1024 * 1024,
} as const;

/** A zip entry that unpacks to more than this many times its packed size is refused... */
export const MAX_ZIP_RATIO = 200;
/** ...once it has grown beyond 10 MiB (small, very regular files may pack better). */
export const ZIP_RATIO_FROM = 10 * 1024 * 1024;
/** Deepest nesting of one geometry (WKT or GeoJSON GeometryCollections inside each other). */
export const MAX_GEOMETRY_DEPTH = 8;
/** Deepest nesting of XML elements (KML, GPX); real files stay below 30. */
export const MAX_XML_DEPTH = 256;
/** Deepest nesting of a property value (objects and arrays inside each other). */
export const MAX_PROPERTY_DEPTH = 32;

export interface Limits {
  maxBytes: number;
  maxFeatures: number;
  maxVertices: number;
  maxUnzippedBytes: number;
}

export function limitsOf(options: ImportOptions | undefined): Limits {
  return {
    maxBytes: options?.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    maxFeatures: options?.maxFeatures ?? DEFAULT_LIMITS.maxFeatures,
    maxVertices: options?.maxVertices ?? DEFAULT_LIMITS.maxVertices,
    maxUnzippedBytes: options?.maxUnzippedBytes ?? DEFAULT_LIMITS.maxUnzippedBytes,
  };
}
