import { type Endpoint, proxy, type Remote, transfer, wrap } from 'comlink';
import type { ParsedFile } from '../core/parse';
import type { Result } from '../core/result';
import type { ImportApi, ImportLimits } from './import-api';

/** Something comlink can talk to and that can be stopped: a Worker, or a port in tests. */
export interface ImportEndpoint extends Endpoint {
  terminate(): void;
}

export interface ImportRequest {
  /** A dropped or picked File, or bytes (pasted text encoded as UTF-8, a fetched file). */
  file: File | { name: string; bytes: Uint8Array };
  limits?: ImportLimits;
  /** Share 0..1 of the work done. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface ImportClient {
  /**
   * Parses an areas file in the worker. Resolves with the parser's Result (bad files are values);
   * rejects with an `AbortError` DOMException when cancelled. The bytes are transferred.
   */
  parse(request: ImportRequest): Promise<Result<ParsedFile>>;
  /** Stops the running import at once (the worker is replaced on the next call). */
  cancel(): void;
  dispose(): void;
}

function defaultWorker(): ImportEndpoint {
  return new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'import',
  });
}

function abortError(): DOMException {
  return new DOMException('The import was cancelled.', 'AbortError');
}

/** Main-thread client of the import worker: one import at a time, cancel by stopping the worker. */
export function createImportClient(
  createWorker: () => ImportEndpoint = defaultWorker,
): ImportClient {
  let worker: ImportEndpoint | null = null;
  let remote: Remote<ImportApi> | null = null;
  let cancelRunning: (() => void) | null = null;

  const stop = () => {
    worker?.terminate();
    worker = null;
    remote = null;
  };

  const cancel = () => {
    const running = cancelRunning;
    cancelRunning = null;
    if (running) {
      stop();
      running();
    }
  };

  return {
    parse({ file, limits, onProgress, signal }) {
      cancel();
      return new Promise<Result<ParsedFile>>((resolve, reject) => {
        let finished = false;
        const onAbort = () => cancel();
        const finish = () => {
          finished = true;
          cancelRunning = null;
          signal?.removeEventListener('abort', onAbort);
        };
        // Set at once, so a cancel while the file is still being read counts too.
        cancelRunning = () => {
          finish();
          reject(abortError());
        };
        if (signal?.aborted) {
          cancel();
          return;
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        const run = async () => {
          const bytes =
            file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file.bytes;
          if (finished) return;
          if (!worker || !remote) {
            worker = createWorker();
            remote = wrap<ImportApi>(worker);
          }
          const input = transfer(
            { name: file.name, bytes },
            wholeBuffer(bytes) ? [bytes.buffer] : [],
          );
          // Progress comes over its own message port, so it may still be on its way when the
          // result is in: what comes after the result is dropped, and a parsed file ends at 1.
          const report = (fraction: number) => {
            if (!finished) onProgress?.(fraction);
          };
          const result = await remote.parseAreasFile(
            input,
            limits,
            onProgress ? proxy(report) : undefined,
          );
          if (finished) return;
          if (result.ok) onProgress?.(1);
          finish();
          resolve(result);
        };
        run().catch((error: unknown) => {
          if (finished) return;
          finish();
          reject(error);
        });
      });
    },
    cancel,
    dispose() {
      cancel();
      stop();
    },
  };
}

function wholeBuffer(bytes: Uint8Array): boolean {
  return (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  );
}
