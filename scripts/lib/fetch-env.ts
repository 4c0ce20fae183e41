import type { FetchLimits } from '../../src/core/net/limits';
import { fail, ok, type Result } from '../../src/core/result';

/**
 * Environment variables that change the command line's limits for URLs (`--layer <id>=<URL>`);
 * the defaults are DEFAULT_FETCH_LIMITS (src/core/net/limits.ts), documented in
 * docs/reliability.md. Tests shorten them to milliseconds.
 */
export const FETCH_ENV: Readonly<Record<string, keyof FetchLimits>> = {
  /** Connect and first byte, ms (default 15000). */
  KOOLSTOFKAART_FETCH_TIMEOUT_MS: 'firstByteMs',
  /** Whole read including retries, ms (default 120000). */
  KOOLSTOFKAART_FETCH_DEADLINE_MS: 'deadlineMs',
  /** Window of the minimum rate, and the longest time without a byte, ms (default 10000). */
  KOOLSTOFKAART_FETCH_RATE_WINDOW_MS: 'rateWindowMs',
  /** Minimum rate, bytes per second (default 1024). */
  KOOLSTOFKAART_FETCH_MIN_RATE: 'minBytesPerSecond',
  /** Retries after the first attempt (default 2). */
  KOOLSTOFKAART_FETCH_RETRIES: 'retries',
};

/** The limits set in `env`; a value that is not a number ≥ 0 (> 0 for times) is a usage error. */
export function fetchLimitsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Result<Partial<FetchLimits>> {
  const limits: Partial<Record<keyof FetchLimits, number>> = {};
  for (const [name, field] of Object.entries(FETCH_ENV)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    const positive = field.endsWith('Ms') ? value > 0 : value >= 0;
    if (!Number.isFinite(value) || !positive) {
      return fail('usage', 'net.envInvalid', { name, value: raw });
    }
    limits[field] = field === 'retries' ? Math.floor(value) : value;
  }
  return ok(limits);
}
