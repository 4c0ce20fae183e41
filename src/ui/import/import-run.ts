import { createStore } from 'zustand/vanilla';
import { DEFAULT_LIMITS } from '../../core/parse/limits';
import type { ParsedFile } from '../../core/parse/types';
import type { AppError, Note, Result } from '../../core/result';
import { i18next } from '../../i18n';
import { openPackageZip } from '../../map/active-package';
import { plannerMap } from '../../map/areas-layer';
import { loadImportClient } from '../../map/file-drop';
import { store } from '../../state/store';
import { panelPadding } from '../app/map-padding';
import {
  areasFromImport,
  boundsOfAreas,
  SPLITTABLE,
  selfIntersectingFeatures,
} from './import-areas';

/** A message with its key and parameters, shown as `t(code, params)`. */
export interface ImportMessage {
  code: string;
  params?: Record<string, string | number>;
}

/** Where the current or last import stands; `file` is null for pasted text. */
export type ImportStatus =
  | { phase: 'idle' }
  | { phase: 'running'; file: string | null; progress: number }
  | { phase: 'cancelled'; file: string | null }
  | { phase: 'failed'; file: string | null; error: AppError; canRepair: boolean }
  | {
      phase: 'done';
      file: string | null;
      /** Ids and names of the areas added, in file order. */
      added: { id: string; name: string }[];
      notes: Note[];
      /** Features refused for crossing themselves, which "repair" can split and add. */
      canRepair: boolean;
      extra: ImportMessage | null;
    };

/** The import's status, beside the app store (it is not saved and not undoable). */
export const importState = createStore<ImportStatus>()(() => ({ phase: 'idle' }));

interface Source {
  name: string;
  /** Shown to the user; null for pasted text. */
  file: string | null;
  read: () => Promise<Uint8Array>;
  /** Bytes to read, when known before reading (a File's size). */
  size?: number;
}

const MB = 1024 * 1024;

/** A file larger than the import limit, refused from its size before a byte is read. */
function tooLargeToRead(size: number | undefined): AppError | null {
  const max = DEFAULT_LIMITS.maxBytes;
  if (size === undefined || size <= max) return null;
  return {
    kind: 'too-large',
    code: 'import.fileTooLarge',
    params: { sizeMb: Math.ceil(size / MB), maxMb: Math.floor(max / MB) },
  };
}

interface LastImport {
  source: Source;
  /** Feature numbers refused for self-intersection; null: the whole file was refused for it. */
  selfIntersecting: Set<number> | null;
}

let run = 0;
let last: LastImport | null = null;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Parses a file in the import worker and adds its areas to the store in one undoable step, selects
 * the first and zooms to them. A refused file changes nothing in the store.
 * `onlyFeatures` keeps just those features (the repair of features refused before).
 */
async function runImport(
  source: Source,
  options: { repair?: boolean; onlyFeatures?: Set<number> | null; extra?: ImportMessage } = {},
): Promise<void> {
  const current = ++run;
  const tooLarge = tooLargeToRead(source.size);
  if (tooLarge) {
    importState.setState(
      { phase: 'failed', file: source.file, error: tooLarge, canRepair: false },
      true,
    );
    return;
  }
  importState.setState({ phase: 'running', file: source.file, progress: 0 }, true);
  let result: Result<ParsedFile>;
  try {
    const [parser, bytes] = await Promise.all([loadImportClient(), source.read()]);
    if (current !== run) return;
    let shown = 0;
    let finished = false;
    result = await parser
      .parse({
        file: { name: source.name, bytes },
        limits: options.repair ? { repairSelfIntersections: true } : undefined,
        onProgress: (fraction) => {
          // Whole percents only: no re-render for every feature. A report can arrive after the
          // result (it is a separate message from the worker): then the import is over.
          if (finished || current !== run || fraction - shown < 0.01) return;
          shown = fraction;
          importState.setState({ phase: 'running', file: source.file, progress: fraction }, true);
        },
      })
      .finally(() => {
        finished = true;
      });
  } catch (error) {
    if (current !== run) return;
    if (isAbort(error)) {
      importState.setState({ phase: 'cancelled', file: source.file }, true);
      return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    importState.setState(
      {
        phase: 'failed',
        file: source.file,
        error: { kind: 'internal', code: 'importing.internal', params: { reason } },
        canRepair: false,
      },
      true,
    );
    return;
  }
  if (current !== run) return;
  if (!result.ok) {
    const canRepair = !options.repair && result.error.code === SPLITTABLE;
    last = { source, selfIntersecting: null };
    importState.setState(
      { phase: 'failed', file: source.file, error: result.error, canRepair },
      true,
    );
    return;
  }
  const only = options.onlyFeatures;
  const parsed = only
    ? result.value.areas.filter((area) => only.has(area.feature))
    : result.value.areas;
  const state = store.getState();
  const added = areasFromImport(parsed, state.areas, (index) =>
    i18next.t('importing.defaultName', { index }),
  );
  state.addAreas(added);
  const refused = selfIntersectingFeatures(result.notes);
  last = { source, selfIntersecting: refused };
  importState.setState(
    {
      phase: 'done',
      file: source.file,
      added: added.map(({ id, name }) => ({ id, name })),
      notes: only
        ? result.notes.filter((note) => note.feature === null || only.has(note.feature))
        : result.notes,
      canRepair: !options.repair && refused.size > 0,
      extra: options.extra ?? null,
    },
    true,
  );
  zoomTo(added);
}

function zoomTo(areas: Parameters<typeof boundsOfAreas>[0]): void {
  const bounds = boundsOfAreas(areas);
  const map = plannerMap();
  if (!bounds || !map) return;
  map.fitBounds(bounds, { padding: panelPadding(map.getContainer()), maxZoom: 16, duration: 0 });
}

const SHAPEFILE_PART = /\.(shp|shx|dbf|prj|cpg|qix|sbn|sbx|xml)$/i;

/** True for a zip holding a data package (DESIGN 8.1): it opens as a package, not as areas. */
async function isPackageZipFile(file: File): Promise<boolean> {
  if (!/\.zip$/i.test(file.name)) return false;
  // Only the zip's directory is read: a huge zip of areas must reach the import's size check.
  const { isPackageZipAt } = await import('../../core/package/zip-directory');
  return isPackageZipAt(
    file.size,
    async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
  );
}

/** Imports a picked or dropped file; a zipped data package is opened as the active package. */
export async function importFile(file: File, extra?: ImportMessage): Promise<void> {
  if (await isPackageZipFile(file)) {
    await openPackageZip(file);
    return;
  }
  // A .json may be a workshop file or a scenario file rather than GeoJSON (DESIGN.md 9).
  if (/\.json$/i.test(file.name)) {
    const { importSpecialJson } = await import('../share/workshop-import');
    const refused = await importSpecialJson(file);
    if (refused !== false) {
      importState.setState(
        refused
          ? { phase: 'failed', file: file.name, error: refused, canRepair: false }
          : { phase: 'idle' },
        true,
      );
      return;
    }
  }
  return runImport(
    {
      name: file.name,
      file: file.name,
      read: async () => new Uint8Array(await file.arrayBuffer()),
      size: file.size,
    },
    { extra },
  );
}

/**
 * Imports dropped or picked files: one file as it is; the loose parts of a shapefile (.shp, .dbf,
 * .prj, …) zipped together first; of other sets only the first, with a message saying so.
 */
export async function importFiles(files: readonly File[]): Promise<void> {
  const [first] = files;
  if (!first) return;
  if (files.length === 1) return importFile(first);
  if (
    files.some((file) => /\.shp$/i.test(file.name)) &&
    files.every((file) => SHAPEFILE_PART.test(file.name))
  ) {
    const shp = files.find((file) => /\.shp$/i.test(file.name)) as File;
    const name = shp.name.replace(/\.shp$/i, '.zip');
    return runImport({
      name,
      file: files.map((file) => file.name).join(', '),
      size: files.reduce((sum, file) => sum + file.size, 0),
      read: async () => {
        const { zipSync } = await import('fflate');
        const entries: Record<string, Uint8Array> = {};
        for (const file of files) entries[file.name] = new Uint8Array(await file.arrayBuffer());
        return zipSync(entries, { level: 0 });
      },
    });
  }
  return importFile(first, {
    code: 'importing.severalFiles',
    params: { count: files.length, file: first.name },
  });
}

/** Imports pasted GeoJSON or WKT text. */
export function importText(text: string): Promise<void> {
  return runImport({ name: '', file: null, read: async () => new TextEncoder().encode(text) });
}

/**
 * Parses the last file again with self-intersections split into their parts, and adds what was
 * refused before for crossing itself (or, when that refused the whole file, all of it).
 */
export function repairLastImport(): Promise<void> {
  if (!last) return Promise.resolve();
  return runImport(last.source, { repair: true, onlyFeatures: last.selfIntersecting });
}

/** Stops the running import; nothing is added. */
export function cancelImport(): void {
  const status = importState.getState();
  if (status.phase !== 'running') return;
  run += 1; // the running import's answer, if any still comes, is ignored
  importState.setState({ phase: 'cancelled', file: status.file }, true);
  void loadImportClient().then((parser) => parser.cancel());
}

/** Closes the import message. */
export function dismissImport(): void {
  if (importState.getState().phase === 'running') return;
  importState.setState({ phase: 'idle' }, true);
}
