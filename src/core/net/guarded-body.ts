import { FetchError, type FetchFailure } from './fetch-error';
import type { FetchLimits } from './limits';

/** What the body guard needs from its request (fetch.ts). */
export interface BodyGuard {
  url: string;
  limits: FetchLimits;
  /** Aborts the request with this failure (the first failure wins). */
  stop(failure: FetchFailure): void;
  stopped(): FetchFailure | null;
  /** Clears the request's timers once the body is done. */
  release(): void;
}

/** setTimeout takes at most 2^31-1 ms; a non-finite limit means no timer. */
function timer(ms: number, run: () => void): ReturnType<typeof setTimeout> | null {
  return Number.isFinite(ms) ? setTimeout(run, Math.min(Math.max(0, ms), 2 ** 31 - 1)) : null;
}

/**
 * A response body read under the limits: `stalled` when one read waits a whole `rateWindowMs`
 * without a byte; `too-slow` when, over the time spent waiting for data (not the time the reader
 * spends on it), fewer than `minBytesPerSecond` arrive per window; `too-large` beyond `maxBytes`.
 */
export function guardedBody(
  body: ReadableStream<Uint8Array> | null,
  guard: BodyGuard,
): { stream(): ReadableStream<Uint8Array>; arrayBuffer(): Promise<ArrayBuffer> } {
  const { limits, url } = guard;
  let used = false;
  let received = 0;
  let windowBytes = 0;
  let windowWaitedMs = 0;

  const failure = () => new FetchError(url, guard.stopped() ?? { cause: 'cancelled' });

  /** Counts one read that brought `bytes` after waiting `waitedMs`; stops when too slow. */
  const count = (bytes: number, waitedMs: number) => {
    received += bytes;
    if (limits.maxBytes !== null && received > limits.maxBytes) {
      guard.stop({ cause: 'too-large', maxBytes: limits.maxBytes });
      return;
    }
    windowBytes += bytes;
    windowWaitedMs += waitedMs;
    if (windowWaitedMs < limits.rateWindowMs) return;
    const bytesPerSecond = Math.round((windowBytes * 1000) / windowWaitedMs);
    if (bytesPerSecond < limits.minBytesPerSecond) {
      guard.stop({ cause: 'too-slow', bytesPerSecond, minimum: limits.minBytesPerSecond });
    }
    windowBytes = 0;
    windowWaitedMs = 0;
  };

  const stream = (): ReadableStream<Uint8Array> => {
    if (used) throw new Error(`the body of ${url} was read already`);
    used = true;
    if (!body) {
      guard.release();
      return new ReadableStream({ start: (controller) => controller.close() });
    }
    const reader = body.getReader();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const began = Date.now();
        const stall = timer(limits.rateWindowMs, () => {
          guard.stop({ cause: 'stalled', ms: limits.rateWindowMs });
          reader.cancel().catch(() => undefined);
        });
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          guard.release();
          controller.error(guard.stopped() ? failure() : networkError(url, error));
          return;
        } finally {
          if (stall !== null) clearTimeout(stall);
        }
        if (!guard.stopped() && !chunk.done) count(chunk.value.byteLength, Date.now() - began);
        if (guard.stopped()) {
          guard.release();
          reader.cancel().catch(() => undefined);
          controller.error(failure());
          return;
        }
        if (chunk.done) {
          guard.release();
          controller.close();
          return;
        }
        controller.enqueue(chunk.value);
      },
      cancel(reason) {
        guard.stop({ cause: 'cancelled' });
        guard.release();
        return reader.cancel(reason);
      },
    });
  };

  const arrayBuffer = async (): Promise<ArrayBuffer> => {
    const reader = stream().getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
    }
    const out = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out.buffer;
  };

  return { stream, arrayBuffer };
}

/** A body that broke off by itself (connection reset): a network failure of the URL. */
function networkError(url: string, error: unknown): FetchError {
  const code =
    error && typeof error === 'object' && 'cause' in error
      ? ((error.cause as { code?: unknown } | undefined)?.code ?? null)
      : null;
  return new FetchError(url, { cause: 'network', code: typeof code === 'string' ? code : null });
}
