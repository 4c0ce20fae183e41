import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server on 127.0.0.1 (random port) that answers each path with a response or an
 * injected fault, for tests of everything that reads URLs: rasters, catalogues, OGC API and
 * Locatieserver replays. No test reaches the network.
 *
 *   const server = await startFaultServer({ '/a.tif': { kind: 'bytes', body }, '/x': { kind: 'hang' } });
 *   fetch(server.url('/a.tif')); ...; await server.close();
 */
export type Fault =
  /** The body, with HTTP Range support (206 and Content-Range) unless `ranges` is false. */
  | { kind: 'bytes'; body: Uint8Array | string; contentType?: string; ranges?: boolean }
  /** A JSON value (a recorded or replayed service response). */
  | { kind: 'json'; value: unknown; status?: number }
  /** A recorded response on disk. */
  | { kind: 'file'; path: string; contentType: string }
  /** An error status with optional headers (e.g. Retry-After) and body. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Accepts the connection and never answers. */
  | { kind: 'hang' }
  /**
   * Headers (announcing `length` bytes) and the first `sent` bytes, then nothing more. With
   * `partial` the answer is a 206 for bytes 0..length-1, as a range request expects.
   */
  | { kind: 'stall'; length: number; sent: number; partial?: boolean }
  /** Headers, then `bytes` bytes every `everyMs` ms, up to `length` (chunked: no Content-Length). */
  | {
      kind: 'trickle';
      length: number;
      everyMs: number;
      bytes?: number;
      chunked?: boolean;
      partial?: boolean;
    }
  /** Headers and part of the body, then the connection is cut. */
  | { kind: 'cut'; length: number; sent: number }
  /** The connection is cut before any answer (a network error to the client). */
  | { kind: 'reset' };

/** What a route answers: one fault, a sequence (the n-th request gets the n-th, the last repeats). */
export type Route = Fault | Fault[] | ((request: IncomingMessage, count: number) => Fault);

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export interface FaultServer {
  origin: string;
  port: number;
  url(path: string): string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Requests to one path (without the query). */
  countOf(path: string): number;
  /** Replaces or adds a route. */
  route(path: string, route: Route): void;
  /** Stops listening and cuts every open connection (hanging ones included). */
  close(): Promise<void>;
}

function faultFor(route: Route, request: IncomingMessage, count: number): Fault {
  if (typeof route === 'function') return route(request, count);
  if (Array.isArray(route)) return route[Math.min(count, route.length - 1)] as Fault;
  return route;
}

function serveBytes(
  request: IncomingMessage,
  response: ServerResponse,
  fault: Extract<Fault, { kind: 'bytes' }>,
) {
  const body = typeof fault.body === 'string' ? Buffer.from(fault.body) : Buffer.from(fault.body);
  const type = fault.contentType ?? 'application/octet-stream';
  const match = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
  if (!match || fault.ranges === false) {
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
    response.end(body);
    return;
  }
  const start = Number(match[1]);
  const end = Math.min(match[2] ? Number(match[2]) : body.length - 1, body.length - 1);
  if (start >= body.length) {
    response.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
    return;
  }
  response.writeHead(206, {
    'Content-Type': type,
    'Content-Range': `bytes ${start}-${end}/${body.length}`,
    'Content-Length': end - start + 1,
    'Accept-Ranges': 'bytes',
  });
  response.end(body.subarray(start, end + 1));
}

/** Content-Range of a 206 holding the first `length` bytes of a larger file. */
function rangeOf(length: number): Record<string, string> {
  return { 'Content-Range': `bytes 0-${length - 1}/${length * 10}` };
}

function answer(request: IncomingMessage, response: ServerResponse, fault: Fault): void {
  const octets = { 'Content-Type': 'application/octet-stream' };
  switch (fault.kind) {
    case 'bytes':
      serveBytes(request, response, fault);
      return;
    case 'json': {
      const text = JSON.stringify(fault.value);
      response.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json' });
      response.end(text);
      return;
    }
    case 'file':
      response.writeHead(200, { 'Content-Type': fault.contentType });
      response.end(readFileSync(fault.path));
      return;
    case 'status':
      response.writeHead(fault.status, fault.headers ?? {});
      response.end(fault.body ?? '');
      return;
    case 'hang':
      return;
    case 'reset':
      request.socket.destroy();
      return;
    case 'stall':
    case 'cut':
      response.writeHead(fault.kind === 'stall' && fault.partial ? 206 : 200, {
        ...octets,
        'Content-Length': fault.length,
        ...(fault.kind === 'stall' && fault.partial ? rangeOf(fault.length) : {}),
      });
      response.write(Buffer.alloc(fault.sent, 1));
      if (fault.kind === 'cut') setTimeout(() => response.socket?.destroy(), 20);
      return;
    case 'trickle': {
      const length = fault.chunked ? {} : { 'Content-Length': fault.length };
      const range = fault.partial ? rangeOf(fault.length) : {};
      response.writeHead(fault.partial ? 206 : 200, { ...octets, ...length, ...range });
      let sent = 0;
      const step = fault.bytes ?? 1;
      const timer = setInterval(() => {
        const n = Math.min(step, fault.length - sent);
        sent += n;
        if (sent >= fault.length) {
          clearInterval(timer);
          response.end(Buffer.alloc(n, 1));
        } else response.write(Buffer.alloc(n, 1));
      }, fault.everyMs);
      response.on('close', () => clearInterval(timer));
      return;
    }
    default: {
      const never: never = fault;
      throw new Error(`unknown fault ${String(never)}`);
    }
  }
}

/** Starts a fault server on 127.0.0.1 with a free port; close it in the test's teardown. */
export async function startFaultServer(routes: Record<string, Route> = {}): Promise<FaultServer> {
  const table = new Map<string, Route>(Object.entries(routes));
  const counts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push({
      method: request.method ?? 'GET',
      path,
      headers: request.headers,
      at: Date.now(),
    });
    const count = counts.get(path) ?? 0;
    counts.set(path, count + 1);
    const route = table.get(path);
    if (!route) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    answer(request, response, faultFor(route, request, count));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => `${origin}${path}`,
    requests,
    countOf: (path) => counts.get(path) ?? 0,
    route: (path, route) => void table.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens (a port just freed), for "connection refused". */
export async function refusedUrl(path = '/'): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}
