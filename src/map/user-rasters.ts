/**
 * The bytes behind the user's own rasters (DESIGN.md 8.2). The store keeps what a user layer is
 * (role, unit, band, source); the bytes of a file live here, in memory, and in IndexedDB up to
 * USER_FILE_STORE_LIMIT so that a reload keeps them. A URL layer is read from its URL again.
 */
import { createStore as createKeyvalStore, del, get, set } from 'idb-keyval';
import { createStore } from 'zustand/vanilla';
import type { UserLayerSpec } from '../core/engine/open-user-layer';
import type { AppError, Note, Result } from '../core/result';
import type { UserLayer } from '../core/session/types';
import { store } from '../state/store';

/**
 * Largest file whose bytes are kept in IndexedDB with the session (docs/data.md, "Bring your own
 * raster"; docs/reliability.md). A larger file works until the page is reloaded, then it must be
 * opened again.
 */
export const USER_FILE_STORE_LIMIT = 50 * 1024 * 1024;

export interface UserRasterState {
  /** Ids of file layers whose bytes are not here (not stored, or not found after a reload). */
  missing: string[];
  /**
   * Layers the analysis could not open (a URL unreachable after a reload, a file gone bad), by id:
   * the analysis goes on with the package's layer of that role, and the panel shows the message.
   */
  failed: Record<string, AppError>;
  /** Bumped when bytes arrive or go, so the analysis and the map read the layers again. */
  version: number;
}

export const userRasterState = createStore<UserRasterState>(() => ({
  missing: [],
  failed: {},
  version: 0,
}));

const bytes = new Map<string, Blob>();

let database: ReturnType<typeof createKeyvalStore> | null = null;
/** The IndexedDB store of the files (its own database, beside the session's). */
function files() {
  database ??= createKeyvalStore('koolstofkaart-rasters', 'files');
  return database;
}

/** A new user layer id: `user-` and eight lowercase letters. */
export function newUserLayerId(): string {
  const letters = Array.from(crypto.getRandomValues(new Uint8Array(8)), (n) =>
    String.fromCharCode(97 + (n % 26)),
  );
  return `user-${letters.join('')}`;
}

function bump(missing?: string[]): void {
  const state = userRasterState.getState();
  userRasterState.setState({ missing: missing ?? state.missing, version: state.version + 1 });
}

/**
 * Keeps a file's bytes for a layer: in memory, and in IndexedDB when it is at most
 * USER_FILE_STORE_LIMIT. Resolves true when they were stored for the next visit.
 */
export async function keepFileBytes(id: string, file: Blob): Promise<boolean> {
  bytes.set(id, file);
  bump(userRasterState.getState().missing.filter((each) => each !== id));
  if (file.size > USER_FILE_STORE_LIMIT) return false;
  try {
    // A copy of the bytes: a File of the picker may become unreadable when the user moves it.
    await set(id, new Blob([await file.arrayBuffer()], { type: 'image/tiff' }), files());
    return true;
  } catch {
    return false;
  }
}

/** Forgets a layer's bytes (the layer was removed). */
export function dropFileBytes(id: string): void {
  bytes.delete(id);
  void del(id, files()).catch(() => undefined);
}

/** The byte source of a user layer, or null when its file's bytes are not here. */
export function sourceOf(layer: UserLayer): UserLayerSpec['source'] | null {
  if (layer.source.kind === 'url') return { kind: 'url', url: layer.source.url };
  const blob = bytes.get(layer.id);
  return blob ? { kind: 'blob', blob } : null;
}

/** The label of a user layer in messages and the panel: its file name or URL. */
export function labelOf(layer: UserLayer): string {
  return layer.source.kind === 'url' ? layer.source.url : layer.source.name;
}

/** What the analysis opens: every user layer whose bytes are here. */
export function userLayerSpecs(layers: readonly UserLayer[]): UserLayerSpec[] {
  const specs: UserLayerSpec[] = [];
  for (const layer of layers) {
    const source = sourceOf(layer);
    if (!source) continue;
    specs.push({
      role: layer.role,
      source,
      label: labelOf(layer),
      unit: layer.unit,
      band: layer.band,
    });
  }
  return specs;
}

/**
 * A key that changes exactly when the analysis must open other user layers: roles, units, bands,
 * sources and whether their bytes are here (not how they are shown).
 */
export function analysisKeyOf(layers: readonly UserLayer[]): string {
  return JSON.stringify(
    layers.map((layer) => [
      layer.id,
      layer.role,
      layer.unit,
      layer.band,
      labelOf(layer),
      sourceOf(layer) !== null,
    ]),
  );
}

/**
 * After a restore: reads the stored bytes of the session's file layers from IndexedDB; those not
 * found are `missing` (the panel asks for the file again). Also follows removals, dropping bytes.
 */
export async function restoreUserRasterBytes(): Promise<void> {
  const missing: string[] = [];
  for (const layer of store.getState().userLayers) {
    if (layer.source.kind !== 'file' || bytes.has(layer.id)) continue;
    let blob: unknown = null;
    try {
      blob = layer.source.stored ? await get(layer.id, files()) : null;
    } catch {
      blob = null;
    }
    if (blob instanceof Blob) bytes.set(layer.id, blob);
    else missing.push(layer.id);
  }
  bump(missing);
}

let following = false;

/** Once per page: restores the stored bytes and drops those of layers that leave the store. */
export function followUserRasterBytes(): void {
  if (following) return;
  following = true;
  void restoreUserRasterBytes();
  store.subscribe((state, previous) => {
    if (state.userLayers === previous.userLayers) return;
    const ids = new Set(state.userLayers.map((layer) => layer.id));
    for (const layer of previous.userLayers) {
      if (!ids.has(layer.id) && layer.source.kind === 'file') dropFileBytes(layer.id);
    }
    // A restore (another tab, a workshop file) may bring file layers whose bytes are elsewhere.
    if (state.userLayers.some((layer) => layer.source.kind === 'file' && !bytes.has(layer.id))) {
      void restoreUserRasterBytes();
    }
  });
}

/**
 * Gives an analysis client the user layers whose bytes are here. One that cannot be opened is left
 * out (its message goes to `failed`) so the others, and the package's layers, are still analysed.
 */
export async function applyUserLayers(client: {
  setUserLayers(specs: UserLayerSpec[]): Promise<Result<Note[]>>;
}): Promise<void> {
  const layers = store.getState().userLayers.filter((layer) => sourceOf(layer) !== null);
  if (layers.length === 0) return;
  const all = await client.setUserLayers(userLayerSpecs(layers));
  const failed: Record<string, AppError> = {};
  if (!all.ok) {
    const good: UserLayer[] = [];
    for (const layer of layers) {
      const one = await client.setUserLayers(userLayerSpecs([...good, layer]));
      if (one.ok) good.push(layer);
      else failed[layer.id] = one.error;
    }
    await client.setUserLayers(userLayerSpecs(good));
  }
  const previous = userRasterState.getState().failed;
  const same =
    Object.keys(previous).length === Object.keys(failed).length &&
    Object.keys(failed).every((id) => previous[id]?.code === failed[id]?.code);
  // `version` stays: the layers to open are the same, only how they went is new.
  if (!same) userRasterState.setState({ failed });
}
