/**
 * Adding the user's own raster (DESIGN.md 8.2): a dropped or picked .tif/.tiff, or a URL, is opened
 * (through openRaster and, for URLs, the bounded fetch), described for the dialog, and added to the
 * store with the role, unit and band the user chose, after the checks of the CLI's `--layer`. A
 * refused raster gives its message in the dialog and changes nothing.
 */
import { createStore } from 'zustand/vanilla';
import type { UserRasterInfo } from '../../core/engine/user-raster-info';
import type { ByteSource } from '../../core/raster/raster-source';
import type { AppError, Note } from '../../core/result';
import { USER_LAYER_ROLES } from '../../core/session/saved-user-layers';
import type { UserLayer } from '../../core/session/types';
import { keepFileBytes, newUserLayerId } from '../../map/user-rasters';
import { store } from '../../state/store';

/** File names the raster dialog takes (the areas import takes the rest). */
export const RASTER_FILE = /\.tiff?$/i;

export interface UserRasterDialogState {
  /** closed; `start`: asks for a URL or a file; `reading`; `ready`: shows what was read; `failed`. */
  phase: 'closed' | 'start' | 'reading' | 'ready' | 'failed' | 'adding';
  /** File name or URL. */
  label: string;
  file: File | null;
  url: string | null;
  info: UserRasterInfo | null;
  suggestion: { role: UserLayer['role'] | null; unit: string | null } | null;
  error: AppError | null;
  /** Counts the openings: a late `close` event of an earlier one must not close a newer one. */
  opening: number;
}

const closed: UserRasterDialogState = {
  phase: 'closed',
  label: '',
  file: null,
  url: null,
  info: null,
  suggestion: null,
  error: null,
  opening: 0,
};

export const userRasterDialog = createStore<UserRasterDialogState>(() => closed);

/** Opens the dialog at its start: a URL field and a file button. */
export function startUserRaster(): void {
  userRasterDialog.setState({ ...closed, phase: 'start', opening: nextOpening() });
}

export function closeUserRaster(): void {
  userRasterDialog.setState({ ...closed, opening: userRasterDialog.getState().opening });
}

function nextOpening(): number {
  return userRasterDialog.getState().opening + 1;
}

function sourceOf(state: Pick<UserRasterDialogState, 'file' | 'url'>): ByteSource | null {
  if (state.file) return { kind: 'blob', blob: state.file };
  if (state.url) return { kind: 'url', url: state.url };
  return null;
}

let reading = 0;

/**
 * Reads the raster's header and a sample for the dialog (band `band`, 1-based). A raster that
 * cannot be placed (no CRS, an unsupported one, far from the Netherlands) is refused at once.
 */
async function describe(band: number | null): Promise<void> {
  const token = ++reading;
  const state = userRasterDialog.getState();
  const source = sourceOf(state);
  if (!source) return;
  userRasterDialog.setState({ phase: 'reading', error: null });
  const [{ openUserRaster }, { describeUserRaster, suggestRoleAndUnit }] = await Promise.all([
    import('../../core/engine/open-user-layer'),
    import('../../core/engine/user-raster-info'),
  ]);
  const opened = await openUserRaster(source, state.label, band);
  if (token !== reading || userRasterDialog.getState().phase === 'closed') return;
  if (!opened.ok) {
    // Before a role is chosen there is no layer id to name: the file's own message.
    const error =
      opened.error.code === 'errors.layerUnreadable'
        ? { ...opened.error, code: 'userRasters.unreadable' }
        : opened.error;
    userRasterDialog.setState({ phase: 'failed', error });
    return;
  }
  const raster = opened.value;
  const params = { id: '', file: state.label };
  if (raster.unsupportedCrs !== undefined) {
    userRasterDialog.setState({
      phase: 'failed',
      error: {
        kind: 'unsupported',
        code: 'errors.layerCrsUnsupported',
        params: { ...params, crs: raster.unsupportedCrs },
      },
    });
    return;
  }
  if ((raster.crs ?? null) === null) {
    userRasterDialog.setState({
      phase: 'failed',
      error: { kind: 'unsupported', code: 'userRasters.noCrs', params },
    });
    return;
  }
  let info: UserRasterInfo;
  try {
    info = await describeUserRaster(raster);
  } catch {
    userRasterDialog.setState({
      phase: 'failed',
      error: { kind: 'unreadable', code: 'errors.layerDamaged', params },
    });
    return;
  }
  if (token !== reading || userRasterDialog.getState().phase === 'closed') return;
  if (!info.wgs84 || !overlapsNetherlands(info.wgs84)) {
    userRasterDialog.setState({
      phase: 'failed',
      error: { kind: 'out-of-area', code: 'errors.layerOutOfArea', params },
    });
    return;
  }
  const suggested = suggestRoleAndUnit(state.label, info);
  const role = (USER_LAYER_ROLES as readonly string[]).includes(suggested.role ?? '')
    ? (suggested.role as UserLayer['role'])
    : null;
  const suggestion = state.suggestion ?? { role, unit: suggested.unit };
  userRasterDialog.setState({ phase: 'ready', info, suggestion });
}

/** The RD New area of use (DESIGN.md 7.2), as the CLI's check. */
function overlapsNetherlands(box: [number, number, number, number]): boolean {
  return !(box[0] > 7.3 || box[2] < 3.2 || box[1] > 53.7 || box[3] < 50.75);
}

/** A dropped or picked .tif/.tiff file. */
export function openUserRasterFile(file: File): Promise<void> {
  reading++;
  userRasterDialog.setState({
    ...closed,
    phase: 'reading',
    label: file.name,
    file,
    opening: nextOpening(),
  });
  return describe(null);
}

/** A GeoTIFF or COG at a URL (http or https; relative addresses resolve against the page). */
export function openUserRasterUrl(text: string): Promise<void> {
  let url: string;
  try {
    url = new URL(text.trim(), window.location.href).href;
  } catch {
    url = text.trim();
  }
  reading++;
  if (!/^https?:\/\//i.test(url)) {
    userRasterDialog.setState({
      ...closed,
      opening: nextOpening(),
      phase: 'failed',
      label: text,
      error: { kind: 'unreadable', code: 'userRasters.badUrl', params: { file: text } },
    });
    return Promise.resolve();
  }
  userRasterDialog.setState({
    ...closed,
    phase: 'reading',
    label: url,
    url,
    opening: nextOpening(),
  });
  return describe(null);
}

/** Reads the raster again with another band (multi-band rasters). */
export function chooseBand(band: number): Promise<void> {
  return describe(band);
}

/**
 * Adds the raster with the chosen role, unit and band, after the CLI's checks (openUserLayer).
 * Resolves with the notices (`implausible`), or the error that refused it (nothing changed then).
 */
export async function addUserRaster(choice: {
  role: UserLayer['role'];
  unit: string | null;
  band: number | null;
}): Promise<{ ok: true; notices: Note[] } | { ok: false; error: AppError }> {
  const state = userRasterDialog.getState();
  const source = sourceOf(state);
  if (!source || !state.info) {
    return { ok: false, error: { kind: 'usage', code: 'userRasters.nothing' } };
  }
  userRasterDialog.setState({ phase: 'adding', error: null });
  const { openUserLayer } = await import('../../core/engine/open-user-layer');
  const opened = await openUserLayer({
    role: choice.role,
    source,
    label: state.label,
    unit: choice.unit,
    band: choice.band,
  });
  if (userRasterDialog.getState().phase === 'closed') {
    return { ok: false, error: { kind: 'usage', code: 'userRasters.nothing' } };
  }
  if (!opened.ok) {
    userRasterDialog.setState({ phase: 'ready', error: opened.error });
    return opened;
  }
  const id = newUserLayerId();
  const { info } = state;
  const layer: UserLayer = {
    id,
    role: choice.role,
    unit: choice.unit,
    band: choice.band,
    source: state.file
      ? { kind: 'file', name: state.file.name, size: state.file.size, stored: false }
      : { kind: 'url', url: state.url as string },
    visible: true,
    opacity: 0.8,
    crs: info.crs,
    cellWidth: info.cellWidth,
    cellHeight: info.cellHeight,
    cellUnit: info.cellUnit,
  };
  if (state.file) {
    const file = state.file;
    // In memory at once (the analysis needs it); IndexedDB in the background, then marked stored.
    const storing = keepFileBytes(id, file);
    store.getState().addUserLayer(layer);
    void storing.then((stored) => {
      if (stored) {
        store.getState().updateUserLayer(id, {
          source: { kind: 'file', name: file.name, size: file.size, stored: true },
        });
      }
    });
  } else store.getState().addUserLayer(layer);
  closeUserRaster();
  return { ok: true, notices: opened.value.notices ?? [] };
}

/**
 * Splits dropped or picked files: the first .tif/.tiff opens the raster dialog; the others go to
 * the areas import (`importAreas`).
 */
export function routeFiles(
  files: readonly File[],
  importAreas: (files: File[]) => Promise<void>,
): Promise<void> {
  const raster = files.find((file) => RASTER_FILE.test(file.name));
  const rest = files.filter((file) => !RASTER_FILE.test(file.name));
  const jobs: Promise<void>[] = [];
  if (raster) jobs.push(openUserRasterFile(raster));
  if (rest.length > 0) jobs.push(importAreas(rest));
  return Promise.all(jobs).then(() => undefined);
}
