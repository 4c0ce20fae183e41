import { unzipSync } from 'fflate';
import { type BoundedResponse, fetchBounded } from '../net/fetch';
import { FetchError } from '../net/fetch-error';
import type { FetchLimits } from '../net/limits';
import type { ByteSource } from '../raster/raster-source';

/**
 * Where a data package's files come from (DESIGN 8.1): a folder (Node path, or the files of a
 * browser folder pick), a zip, or a URL to a folder. Names are relative to the catalogue.
 */
export interface PackageSource {
  kind: 'folder' | 'files' | 'zip' | 'url';
  /** What the user opened (folder, zip name or URL), for messages. */
  label: string;
  /** A file's bytes; null when the package has no such file. Throws when it cannot be read. */
  read(name: string, signal?: AbortSignal): Promise<Uint8Array | null>;
  /** Whether the file is there (a URL answers a one-byte range request). */
  has(name: string, signal?: AbortSignal): Promise<boolean>;
  /** Where geotiff.js reads a layer file from. */
  byteSource(name: string): ByteSource;
  /** Where the catalogue sits, for messages: `catalogue.json`, `top/catalogue.json` or its URL. */
  where(name: string): string;
}

/** A file that could not be read at all (permissions, network, a server error). */
export class PackageReadError extends Error {
  constructor(
    readonly file: string,
    readonly status: number | null,
  ) {
    super(`${file}: cannot be read${status === null ? '' : ` (HTTP ${status})`}`);
  }
}

function joinPath(folder: string, name: string): string {
  return folder === '' ? name : `${folder.replace(/\/+$/, '')}/${name}`;
}

/** A folder on disk (Node). `readFile` returns null for a missing file. */
export function folderSource(
  folder: string,
  readFile: (path: string) => Promise<Uint8Array | null>,
): PackageSource {
  return {
    kind: 'folder',
    label: folder,
    read: (name) => readFile(joinPath(folder, name)),
    has: async (name) => (await readFile(joinPath(folder, name))) !== null,
    byteSource: (name) => ({ kind: 'path', path: joinPath(folder, name) }),
    where: (name) => joinPath(folder, name),
  };
}

/**
 * The top folder in which `catalogue.json` sits among `paths`: '' for the root, `top` for one top
 * folder holding every file; null when there is no catalogue there (so it is not a package).
 */
export function packageRoot(paths: readonly string[]): string | null {
  const files = paths.filter((path) => !path.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(path));
  if (files.includes('catalogue.json')) return '';
  const tops = new Set(files.map((path) => (path.includes('/') ? path.split('/')[0] : '')));
  const [top] = [...tops];
  if (tops.size === 1 && top && files.includes(`${top}/catalogue.json`)) return top;
  return null;
}

/** An in-memory set of files (a zip's entries), name -> bytes, rooted at `root`. */
function memorySource(
  kind: 'zip',
  label: string,
  entries: Record<string, Uint8Array>,
  root: string,
): PackageSource {
  const get = (name: string) => entries[joinPath(root, name)] ?? null;
  return {
    kind,
    label,
    read: async (name) => get(name),
    has: async (name) => get(name) !== null,
    byteSource: (name) => {
      const bytes = get(name) ?? new Uint8Array(0);
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      return { kind: 'buffer', buffer: buffer as ArrayBuffer };
    },
    where: (name) => `${label}: ${joinPath(root, name)}`,
  };
}

/** The entries of a zip, or null when the bytes are not a zip fflate can read. */
export function zipEntries(bytes: Uint8Array): Record<string, Uint8Array> | null {
  try {
    return unzipSync(bytes);
  } catch {
    return null;
  }
}

/** The names in a zip's directory, without unpacking anything; null when it is not a zip. */
function zipNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

/** True for a zip that holds `catalogue.json` at its root or in one top folder (DESIGN 8.1). */
export function isPackageZip(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  const names = zipNames(bytes);
  return names !== null && packageRoot(names) !== null;
}

/** A zipped package; null when the zip cannot be read or holds no package. */
export function zipSource(label: string, bytes: Uint8Array): PackageSource | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const root = packageRoot(Object.keys(entries));
  return root === null ? null : memorySource('zip', label, entries, root);
}

/**
 * The files of a browser folder pick (`<input type=file webkitdirectory>`): each with its
 * `webkitRelativePath`, which starts with the picked folder's name. Null when there is no package.
 */
export function filesSource(
  label: string,
  files: readonly { path: string; blob: Blob }[],
): PackageSource | null {
  const byPath = new Map(files.map((file) => [file.path, file.blob]));
  const root = packageRoot([...byPath.keys()]);
  if (root === null) return null;
  const get = (name: string) => byPath.get(joinPath(root, name)) ?? null;
  return {
    kind: 'files',
    label,
    read: async (name) => {
      const blob = get(name);
      return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
    },
    has: async (name) => get(name) !== null,
    byteSource: (name) => ({ kind: 'blob', blob: get(name) ?? new Blob([]) }),
    where: (name) => joinPath(root, name),
  };
}

/**
 * A package at a URL to its folder (or to its catalogue.json). Layers are read with HTTP range
 * requests; a 404 means the file is not there, any other failure throws PackageReadError.
 */
export function urlSource(
  url: string,
  fetchImpl: typeof fetch = fetch,
  limits?: Partial<FetchLimits>,
): PackageSource {
  const base = url.endsWith('/catalogue.json')
    ? url.slice(0, -'catalogue.json'.length)
    : url.endsWith('/')
      ? url
      : `${url}/`;
  const at = (name: string) => new URL(name, base).href;
  // Through the bounded fetch (src/core/net): timeouts, minimum rate and retries for 429/5xx.
  const request = async (name: string, headers: Record<string, string>, signal?: AbortSignal) => {
    let response: BoundedResponse;
    try {
      response = await fetchBounded(at(name), { headers, signal, limits, fetch: fetchImpl });
    } catch (error) {
      if (signal?.aborted) throw error;
      const status = error instanceof FetchError && error.failure.cause === 'status';
      if (status && error.failure.status === 404) return null;
      throw new PackageReadError(at(name), status ? error.failure.status : null);
    }
    // A single-page-app server answers a missing file with its index page: that is "not there".
    if ((response.headers.get('content-type') ?? '').includes('text/html')) {
      response.cancel();
      return null;
    }
    return response;
  };
  return {
    kind: 'url',
    label: base,
    read: async (name, signal) => {
      const response = await request(name, {}, signal);
      if (!response) return null;
      try {
        return new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        // A body that stalls, trickles or breaks off.
        if (signal?.aborted) throw error;
        throw new PackageReadError(at(name), null);
      }
    },
    has: async (name, signal) => {
      const response = await request(name, { Range: 'bytes=0-0' }, signal);
      response?.cancel();
      return response !== null;
    },
    byteSource: (name) => ({ kind: 'url', url: at(name), limits }),
    where: at,
  };
}
