import { createStore } from 'zustand/vanilla';
import { fetchBounded } from '../core/net/fetch';
import type { OpenedPackage, PackageResult } from '../core/package/open-package';
import { type PackageIndexEntry, parsePackageIndex } from '../core/package/package-index';
import type { PackageSource } from '../core/package/package-source';
import type { Catalogue } from '../core/raster/catalogue-types';
import type { AppError } from '../core/result';
import { store } from '../state/store';
import { DEMO_CATALOGUE_PATH } from './dataset';

/** Where the build's list of packages is (DESIGN 8.1). */
export const PACKAGE_INDEX_PATH = '/data/packages/index.json';

/** A package the user can choose: from index.json, or opened in this page. */
export interface PackageChoice {
  id: string;
  title: { nl: string; en: string };
  bbox_rd: [number, number, number, number];
  /** Absolute catalogue URL (a blob: URL for a package opened from a zip or folder). */
  catalogueUrl: string;
  /** Opened from a file in this page: gone after a reload. */
  local: boolean;
}

export interface PackageState {
  /** Catalogue chosen in this page; null: the page address or the session decides. */
  chosen: string | null;
  /** Packages of index.json, then those opened in this page. */
  choices: PackageChoice[];
  /** The problems of the last package that was refused (null when none was). */
  problems: AppError[] | null;
  /** A package is being opened. */
  opening: boolean;
  /** The next map start fits the package instead of the saved view (after a switch). */
  fitNext: boolean;
}

export const packageState = createStore<PackageState>(() => ({
  chosen: null,
  choices: [],
  problems: null,
  opening: false,
  fitNext: false,
}));

/** True for a URL that only lives as long as this page (a package opened from a file). */
function isPageOnly(url: string): boolean {
  return url.startsWith('blob:');
}

/**
 * The catalogue the map opens: the one chosen in this page, else `?catalogue=`, else the session's
 * package (unless it was opened from a file, which a reload does not keep), else `fallback`.
 */
export function activeCatalogueUrl(location: Location, fallback: string): string {
  const chosen = packageState.getState().chosen;
  if (chosen) return chosen;
  const query = new URLSearchParams(location.search).get('catalogue');
  if (query) return query;
  const saved = store.getState().package?.url;
  return saved && !isPageOnly(saved) ? saved : fallback;
}

/** Makes `catalogueUrl` the active package: the map, layers and results start over on it. */
export function switchPackage(catalogueUrl: string): void {
  const url = new URL(window.location.href);
  // A reload keeps a package that has an address; the demo needs none.
  const demo = packageState.getState().choices[0]?.catalogueUrl === catalogueUrl;
  if (demo || isPageOnly(catalogueUrl)) url.searchParams.delete('catalogue');
  else url.searchParams.set('catalogue', catalogueUrl);
  window.history.replaceState(window.history.state, '', url.href);
  packageState.setState({ chosen: catalogueUrl, fitNext: true, problems: null });
}

/** Reads data/packages/index.json into the choices (a missing or bad index leaves them as they are). */
export async function loadPackageIndex(): Promise<void> {
  const at = new URL(PACKAGE_INDEX_PATH, window.location.href);
  let entries: PackageIndexEntry[];
  try {
    // Bounded (src/core/net): a hung server leaves the choices as they are instead of waiting.
    const response = await fetchBounded(at.href);
    const parsed = parsePackageIndex(JSON.parse(await response.text()));
    if (!parsed.ok) return;
    entries = parsed.value;
  } catch {
    return;
  }
  const listed: PackageChoice[] = entries.map((entry) => ({
    id: entry.id,
    title: entry.title,
    bbox_rd: entry.bbox_rd,
    catalogueUrl: new URL(entry.catalogue, at).href,
    local: false,
  }));
  packageState.setState((state) => ({
    choices: [...listed, ...state.choices.filter((choice) => !listed.some((l) => same(l, choice)))],
  }));
}

function same(a: PackageChoice, b: PackageChoice): boolean {
  return a.catalogueUrl === b.catalogueUrl;
}

/**
 * The catalogue of a package opened from files, made addressable: every file becomes a blob URL
 * and the catalogue names them, so the tile and analysis workers read it like a package at a URL.
 */
async function pageUrlsOf(opened: OpenedPackage): Promise<string> {
  const { catalogue, source } = opened;
  const urlOf = async (name: string): Promise<string> => {
    if (source.kind === 'files' || source.kind === 'zip') {
      const bytes = await source.read(name);
      return URL.createObjectURL(new Blob([bytes ? new Uint8Array(bytes) : new Uint8Array(0)]));
    }
    return name;
  };
  const layers = await Promise.all(
    catalogue.layers.map(async (layer) =>
      layer.file ? { ...layer, file: await urlOf(layer.file) } : layer,
    ),
  );
  const rewritten: Catalogue = {
    ...catalogue,
    layers,
    ...(catalogue.context ? { context: await urlOf(catalogue.context) } : {}),
    ...(catalogue.outline ? { outline: await urlOf(catalogue.outline) } : {}),
  };
  return URL.createObjectURL(new Blob([JSON.stringify(rewritten)], { type: 'application/json' }));
}

async function openAndSwitch(source: PackageSource | null, refusal: AppError): Promise<boolean> {
  if (!source) {
    packageState.setState({ problems: [refusal], opening: false });
    return false;
  }
  packageState.setState({ opening: true, problems: null });
  let result: PackageResult;
  try {
    // geotiff.js and the checks load only when a package is opened: not on the first load.
    const { openPackage } = await import('../core/package/open-package');
    result = await openPackage(source);
  } catch {
    result = {
      ok: false,
      error: refusal,
      problems: [
        { kind: 'unreadable', code: 'packages.fileUnreadable', params: { file: source.label } },
      ],
    };
  }
  if (!result.ok) {
    packageState.setState({ problems: result.problems, opening: false });
    return false;
  }
  const { catalogue } = result.value;
  const catalogueUrl =
    source.kind === 'url' ? source.where('catalogue.json') : await pageUrlsOf(result.value);
  const choice: PackageChoice = {
    id: catalogue.id,
    title: catalogue.title,
    bbox_rd: catalogue.bbox_rd,
    catalogueUrl,
    local: source.kind !== 'url',
  };
  packageState.setState((state) => ({
    choices: [...state.choices.filter((c) => !same(c, choice)), choice],
    opening: false,
  }));
  switchPackage(catalogueUrl);
  return true;
}

/** Opens a zipped package. A zip that holds no package is refused (it may be an areas file). */
export async function openPackageZip(file: File): Promise<boolean> {
  const { isPackageZip, zipSource } = await import('../core/package/package-source');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const noPackage: AppError = {
    kind: 'unreadable',
    code: 'packages.noCatalogue',
    params: { file: file.name },
  };
  return openAndSwitch(isPackageZip(bytes) ? zipSource(file.name, bytes) : null, noPackage);
}

/** Opens the files of a folder pick (`<input type=file webkitdirectory>`). */
export async function openPackageFolder(files: readonly File[]): Promise<boolean> {
  const { filesSource } = await import('../core/package/package-source');
  const label = files[0]?.webkitRelativePath.split('/')[0] ?? '';
  const source = filesSource(
    label,
    files.map((file) => ({ path: file.webkitRelativePath || file.name, blob: file })),
  );
  return openAndSwitch(source, {
    kind: 'unreadable',
    code: 'packages.noCatalogue',
    params: { file: label },
  });
}

/** Opens a package at a URL (its folder, or its catalogue.json). */
export async function openPackageUrl(url: string): Promise<boolean> {
  const { urlSource } = await import('../core/package/package-source');
  let absolute: string;
  try {
    absolute = new URL(url, window.location.href).href;
  } catch {
    absolute = url;
  }
  return openAndSwitch(urlSource(absolute), {
    kind: 'unreadable',
    code: 'packages.noCatalogue',
    params: { file: url },
  });
}

/** The dataset to open: the package chosen in this page, `?catalogue=<url>`, the session's package or the demo. */
export function catalogueUrlOf(location: Location): string {
  return activeCatalogueUrl(location, DEMO_CATALOGUE_PATH);
}
