import { type ImportOptions, type ParsedFile, parseAreasFile } from '../core/parse';
import type { Result } from '../core/result';

/** Options that cross to the worker (functions and signals cannot). */
export type ImportLimits = Pick<
  ImportOptions,
  'maxBytes' | 'maxFeatures' | 'maxVertices' | 'repairSelfIntersections'
>;

/** What the import worker exposes: the core parser, with progress reported through a callback. */
export const importApi = {
  parseAreasFile(
    input: { name: string; bytes: Uint8Array },
    limits?: ImportLimits,
    onProgress?: (fraction: number) => void,
  ): Promise<Result<ParsedFile>> {
    return parseAreasFile(input, onProgress ? { ...limits, onProgress } : limits);
  },
};

export type ImportApi = typeof importApi;
