/**
 * Expected failures are plain values, so they cross worker boundaries unchanged.
 * `code` is a message key of src/i18n/<lang>/errors.json; `kind` is the DESIGN.md 7.2 error kind.
 */
export type ErrorKind =
  | 'empty'
  | 'no-polygons'
  | 'self-intersection'
  | 'unclosed-ring'
  | 'out-of-area'
  | 'unreadable'
  | 'unsupported'
  | 'too-large'
  | 'unreachable'
  | 'partial'
  | 'usage'
  | 'internal';

/** Notice kinds (exit 0, reported in `warnings`), DESIGN.md 7.2. */
export type NoticeKind =
  | 'no-data'
  | 'reprojected'
  | 'ring-closed'
  | 'axes-swapped'
  | 'repaired'
  | 'partial'
  | 'cross-omitted'
  | 'resampled'
  | 'implausible';

export type MessageParams = Record<string, string | number>;

export interface AppError {
  kind: ErrorKind;
  /** Message key, e.g. `errors.selfIntersection`. */
  code: string;
  params?: MessageParams;
}

export interface Note {
  kind: NoticeKind | ErrorKind;
  code: string;
  params?: MessageParams;
  /** 1-based index of the feature in the input, null for the whole file. */
  feature: number | null;
}

export type Result<T> = { ok: true; value: T; notes: Note[] } | { ok: false; error: AppError };

export function ok<T>(value: T, notes: Note[] = []): Result<T> {
  return { ok: true, value, notes };
}

export function fail<T = never>(kind: ErrorKind, code: string, params?: MessageParams): Result<T> {
  return { ok: false, error: params ? { kind, code, params } : { kind, code } };
}
