/**
 * Every limit of `fetchBounded`, with the defaults in this one place (docs/reliability.md,
 * "Fetching URLs"). Callers pass a `Partial<FetchLimits>`; tests shorten them to milliseconds.
 */
export interface FetchLimits {
  /** From sending a request to its response headers (connect plus first byte), per attempt. */
  firstByteMs: number;
  /** From the first attempt to the last byte of the body, retries and their waits included. */
  deadlineMs: number;
  /** Below this rate over one `rateWindowMs` window the body is given up (0: no minimum). */
  minBytesPerSecond: number;
  /** Length of the window the rate is measured over; no byte in a window counts as stalled. */
  rateWindowMs: number;
  /** Largest body accepted, in bytes (null: no limit); beyond it the error kind is `too-large`. */
  maxBytes: number | null;
  /** Attempts after the first, for 429, 5xx and network errors of GET and HEAD only. */
  retries: number;
  /** Wait before the first retry; it doubles for each further retry. */
  backoffMs: number;
  /** Longest wait before a retry; a longer Retry-After is not waited for. */
  maxRetryWaitMs: number;
}

/** Defaults of the app and the command line. */
export const DEFAULT_FETCH_LIMITS: Readonly<FetchLimits> = Object.freeze({
  firstByteMs: 15_000,
  deadlineMs: 120_000,
  minBytesPerSecond: 1024,
  rateWindowMs: 10_000,
  maxBytes: null,
  retries: 2,
  backoffMs: 500,
  maxRetryWaitMs: 10_000,
});

/** The defaults with `overrides` applied (undefined fields keep their default). */
export function resolveLimits(overrides: Partial<FetchLimits> = {}): FetchLimits {
  const limits: FetchLimits = { ...DEFAULT_FETCH_LIMITS };
  for (const [key, value] of Object.entries(overrides) as [keyof FetchLimits, unknown][]) {
    if (value !== undefined) (limits as unknown as Record<string, unknown>)[key] = value;
  }
  return limits;
}
