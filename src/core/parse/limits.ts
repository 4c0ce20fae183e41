import type { ImportOptions } from './types';

/** Default import limits (docs/import.md): generous enough for every municipality's parcels. */
export const DEFAULT_LIMITS = {
  /** 100 MiB: twice the 50 MB the product promises. */
  maxBytes: 100 * 1024 * 1024,
  /** 50,000 features: every parcel of a large municipality. */
  maxFeatures: 50_000,
  /** 250,000 vertices in one area. */
  maxVertices: 250_000,
} as const;

export interface Limits {
  maxBytes: number;
  maxFeatures: number;
  maxVertices: number;
}

export function limitsOf(options: ImportOptions | undefined): Limits {
  return {
    maxBytes: options?.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    maxFeatures: options?.maxFeatures ?? DEFAULT_LIMITS.maxFeatures,
    maxVertices: options?.maxVertices ?? DEFAULT_LIMITS.maxVertices,
  };
}
