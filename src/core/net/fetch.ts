import { fail, ok, type Result } from '../result';
import { FetchError, type FetchFailure } from './fetch-error';
import { guardedBody } from './guarded-body';
import { type FetchLimits, resolveLimits } from './limits';

/**
 * The one way the product reads a URL (rasters, catalogues, packages, services): a first-byte
 * timeout, an overall deadline, a minimum rate, an optional size limit, retries with backoff for
 * 429/5xx and network errors of GET/HEAD, and cancellation by AbortSignal. DOM-free: runs in
 * Node 20, workers and the browser. Failures throw a `FetchError` (see `fetchResult` for values).
 */
export interface FetchOptions {
  method?: string;
  /** Passed through unchanged, e.g. `Range: bytes=0-1023`. */
  headers?: Record<string, string>;
  /** Request body (a method with a body is never retried). */
  body?: string | Uint8Array<ArrayBuffer>;
  signal?: AbortSignal;
  /** Overrides of DEFAULT_FETCH_LIMITS (limits.ts). */
  limits?: Partial<FetchLimits>;
  credentials?: 'omit' | 'same-origin' | 'include';
  /** The fetch to use (tests, special environments); default the global one. */
  fetch?: typeof fetch;
}

/** A response whose body is read under the same limits; read it once. */
export interface BoundedResponse {
  url: string;
  status: number;
  headers: Headers;
  /** The body as a stream that errors with a FetchError when a limit is passed. */
  stream(): ReadableStream<Uint8Array>;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
  /** Drops the body unread and stops the timers. */
  cancel(): void;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

/** Reads `url` within the limits; throws a FetchError naming the URL and the cause. */
export async function fetchBounded(
  url: string,
  options: FetchOptions = {},
): Promise<BoundedResponse> {
  const limits = resolveLimits(options.limits);
  const method = (options.method ?? 'GET').toUpperCase();
  const retrySafe = (method === 'GET' || method === 'HEAD') && options.body === undefined;
  const deadlineAt = Date.now() + limits.deadlineMs;
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) throw new FetchError(url, { cause: 'cancelled' });
    try {
      return await fetchOnce(url, method, options, limits, deadlineAt);
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      const wait =
        retrySafe && attempt < limits.retries ? retryWait(error.failure, attempt, limits) : null;
      if (wait === null || Date.now() + wait >= deadlineAt) throw error;
      await sleep(wait, url, options.signal);
    }
  }
}

/** How long to wait before retrying after `failure`, or null when it is not retried. */
function retryWait(failure: FetchFailure, attempt: number, limits: FetchLimits): number | null {
  const backoff = Math.min(limits.backoffMs * 2 ** attempt, limits.maxRetryWaitMs);
  if (failure.cause === 'network') return backoff;
  if (failure.cause !== 'status' || !RETRY_STATUS.has(failure.status)) return null;
  if (failure.retryAfterMs === undefined) return backoff;
  return failure.retryAfterMs > limits.maxRetryWaitMs ? null : Math.max(failure.retryAfterMs, 0);
}

/** Retry-After in ms: delta-seconds or an HTTP date (RFC 9110 10.2.3); undefined when absent. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, url: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new FetchError(url, { cause: 'cancelled' }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Node's system error code (ECONNREFUSED, …) somewhere in the cause chain of a fetch TypeError. */
function systemCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, errors, cause } = current as {
      code?: unknown;
      errors?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string') return code;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = cause;
  }
  return null;
}

/** One attempt: a request under its own controller, so a timeout never aborts the caller. */
async function fetchOnce(
  url: string,
  method: string,
  options: FetchOptions,
  limits: FetchLimits,
  deadlineAt: number,
): Promise<BoundedResponse> {
  const controller = new AbortController();
  let stopped: FetchFailure | null = null;
  const stop = (failure: FetchFailure) => {
    if (stopped) return;
    stopped = failure;
    controller.abort();
  };
  const outer = options.signal;
  const onOuterAbort = () => stop({ cause: 'cancelled' });
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const deadline = setTimeout(
    () => stop({ cause: 'deadline', ms: limits.deadlineMs }),
    Math.max(0, deadlineAt - Date.now()),
  );
  const firstByte = setTimeout(
    () => stop({ cause: 'first-byte-timeout', ms: limits.firstByteMs }),
    limits.firstByteMs,
  );
  const release = () => {
    clearTimeout(deadline);
    clearTimeout(firstByte);
    outer?.removeEventListener('abort', onOuterAbort);
  };
  const failed = () => new FetchError(url, stopped ?? { cause: 'cancelled' });
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method,
      headers: options.headers,
      body: options.body,
      credentials: options.credentials,
      signal: controller.signal,
    });
  } catch (error) {
    release();
    if (stopped) throw failed();
    throw new FetchError(url, { cause: 'network', code: systemCode(error) });
  }
  clearTimeout(firstByte);
  if (stopped) {
    release();
    throw failed();
  }
  const drop = () => void response.body?.cancel().catch(() => undefined);
  if (!response.ok) {
    release();
    drop();
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    throw new FetchError(url, {
      cause: 'status',
      status: response.status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (limits.maxBytes !== null && Number.isFinite(length) && length > limits.maxBytes) {
    release();
    drop();
    throw new FetchError(url, { cause: 'too-large', maxBytes: limits.maxBytes });
  }
  // Without a body (HEAD, 204) there is nothing left to time.
  if (!response.body) release();
  const body = guardedBody(response.body, {
    url,
    limits,
    stop,
    stopped: () => stopped,
    release,
  });
  return {
    url,
    status: response.status,
    headers: response.headers,
    stream: body.stream,
    arrayBuffer: body.arrayBuffer,
    text: async () => new TextDecoder().decode(await body.arrayBuffer()),
    cancel: () => {
      stop({ cause: 'cancelled' });
      release();
      drop();
    },
  };
}

/**
 * `fetchBounded` and `read`, with a failed fetch as a value (`unreachable`, or `too-large`). A
 * cancelled read still throws its AbortError, as the caller asked for it; other errors of `read`
 * propagate.
 */
export async function fetchResult<T>(
  url: string,
  options: FetchOptions,
  read: (response: BoundedResponse) => Promise<T>,
): Promise<Result<T>> {
  try {
    return ok(await read(await fetchBounded(url, options)));
  } catch (error) {
    if (!(error instanceof FetchError) || error.failure.cause === 'cancelled') throw error;
    const { kind, code, params } = error.appError;
    return fail(kind, code, params);
  }
}

/** The body of `url` as text, within the limits; failures as values (see `fetchResult`). */
export function fetchText(url: string, options: FetchOptions = {}): Promise<Result<string>> {
  return fetchResult(url, options, (response) => response.text());
}
