import type { AppError } from '../result';

/** Why reading a URL failed. */
export type FetchFailure =
  /** No response headers within `firstByteMs` (a server that never answers). */
  | { cause: 'first-byte-timeout'; ms: number }
  /** The overall deadline passed (retries and a slow body included). */
  | { cause: 'deadline'; ms: number }
  /** Fewer than the minimum bytes per second arrived over one window. */
  | { cause: 'too-slow'; bytesPerSecond: number; minimum: number }
  /** Not one byte arrived over one window after the headers. */
  | { cause: 'stalled'; ms: number }
  /** An error status; `retryAfterMs` from a Retry-After header. */
  | { cause: 'status'; status: number; retryAfterMs?: number }
  /**
   * The request itself failed. `code` is Node's system error code (ECONNREFUSED, ENOTFOUND, …);
   * a browser gives none: its TypeError means a network error or a response blocked by CORS.
   */
  | { cause: 'network'; code: string | null }
  /** The body is larger than `maxBytes`. */
  | { cause: 'too-large'; maxBytes: number }
  /** The caller aborted: not a fault, never retried. */
  | { cause: 'cancelled' };

/**
 * A failed read of a URL. Thrown by `fetchBounded` (and through geotiff.js); its `appError` is the
 * plain value that crosses workers. A cancelled read is named `AbortError`, like the platform's.
 */
export class FetchError extends Error {
  readonly url: string;
  readonly failure: FetchFailure;

  constructor(url: string, failure: FetchFailure) {
    super(`${url}: ${describeFailure(failure)}`);
    this.url = url;
    this.failure = failure;
    this.name = failure.cause === 'cancelled' ? 'AbortError' : 'FetchError';
  }

  /** The DESIGN.md 7.2 error of this failure: `unreachable`, or `too-large` for a size limit. */
  get appError(): AppError {
    return fetchAppError(this.url, this.failure);
  }
}

export function isFetchError(value: unknown): value is FetchError {
  return value instanceof FetchError;
}

/** True for a read the caller cancelled (a FetchError or the platform's AbortError). */
export function isCancelled(value: unknown): boolean {
  return value instanceof Error && value.name === 'AbortError';
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** English one-liner for logs and Error.message; users see the `net.*` texts instead. */
export function describeFailure(failure: FetchFailure): string {
  switch (failure.cause) {
    case 'first-byte-timeout':
      return `no answer within ${seconds(failure.ms)} s`;
    case 'deadline':
      return `not finished within ${seconds(failure.ms)} s`;
    case 'too-slow':
      return `too slow (${failure.bytesPerSecond} bytes/s, minimum ${failure.minimum})`;
    case 'stalled':
      return `no data for ${seconds(failure.ms)} s`;
    case 'status':
      return `HTTP status ${failure.status}`;
    case 'network':
      return failure.code ? `network error ${failure.code}` : 'network error or blocked by CORS';
    case 'too-large':
      return `larger than ${failure.maxBytes} bytes`;
    case 'cancelled':
      return 'cancelled';
    default: {
      const never: never = failure;
      return String(never);
    }
  }
}

const HOST_NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN']);

/** The message of a failure: a `net.*` key of src/i18n/<lang>/net.json naming the URL and cause. */
export function fetchAppError(url: string, failure: FetchFailure): AppError {
  const unreachable = (code: string, params: Record<string, string | number> = {}): AppError => ({
    kind: 'unreachable',
    code,
    params: { url, ...params },
  });
  switch (failure.cause) {
    case 'first-byte-timeout':
      return unreachable('net.firstByteTimeout', { seconds: seconds(failure.ms) });
    case 'deadline':
      return unreachable('net.deadline', { seconds: seconds(failure.ms) });
    case 'too-slow':
      return unreachable('net.tooSlow', {
        rate: failure.bytesPerSecond,
        minimum: failure.minimum,
      });
    case 'stalled':
      return unreachable('net.stalled', { seconds: seconds(failure.ms) });
    case 'status':
      return unreachable('net.status', { status: failure.status });
    case 'network':
      if (failure.code === 'ECONNREFUSED') return unreachable('net.refused');
      if (failure.code && HOST_NOT_FOUND.has(failure.code)) {
        return unreachable('net.unknownHost', { host: hostOf(url) });
      }
      return failure.code
        ? unreachable('net.network', { detail: failure.code })
        : unreachable('net.networkOrCors');
    case 'too-large':
      return {
        kind: 'too-large',
        code: 'net.tooLarge',
        params: { url, megabytes: Math.round((failure.maxBytes / 1e6) * 10) / 10 },
      };
    case 'cancelled':
      return unreachable('net.cancelled');
    default: {
      const never: never = failure;
      throw new Error(`unknown failure ${String(never)}`);
    }
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
