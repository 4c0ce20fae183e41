import type { AppError } from '../../core/result';
import type { SessionPackage } from '../../core/session/types';
import { catalogueUrlOf, packageState, switchPackage } from '../../map/active-package';
import { plannerMap } from '../../map/areas-layer';
import { DEMO_CATALOGUE_PATH } from '../../map/dataset';
import type { RestoreReport } from '../../state/session-schema';
import {
  backToOwnWork,
  copySharedAreas,
  isSharedShown,
  openShared,
  ownPackage,
  sharedFailed,
  sharedView,
} from '../../state/shared-view';
import { store } from '../../state/store';
import type { ReadWorkshop } from '../../state/workshop-schema';

/** True for a share link's hash (`#s=`); kept here so that fflate loads only with a link. */
const isShareFragment = (hash: string) => hash.startsWith('#s=');

/** The checks of a link or workshop file (inflate, the restore's readers): loaded when needed. */
const loadReader = () => import('../../state/workshop-schema');

/** Writes the own work's last change before a shared state replaces it on screen. */
let flushOwnWork: () => Promise<void> = () => Promise.resolve();

/** A package opened from a file lives only in the sender's page: the recipient cannot open it. */
const packageAvailable = (value: SessionPackage) =>
  value.url === null || !/^(blob|file|data):/i.test(value.url);

/** The catalogue the map should show for a package (null: the demo). */
const catalogueOf = (value: SessionPackage | null) => value?.url ?? DEMO_CATALOGUE_PATH;

/** Switches the map's package when `before` is not the one now wanted, keeping the state's view. */
function followPackage(before: string, wanted: string): void {
  if (before === wanted) return;
  switchPackage(wanted);
  // The shared (or own) view is shown, not the whole package.
  packageState.setState({ fitNext: false });
}

/** Moves a running map to the store's view (on start the map reads it itself). */
function jumpToStoredView(): void {
  const view = store.getState().view;
  const map = plannerMap();
  if (view && map) map.jumpTo(view);
}

/** Removes `#s=…` from the address without a new history entry (and without a hashchange). */
function clearShareHash(): void {
  if (!isShareFragment(window.location.hash)) return;
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

async function show(
  read: ReadWorkshop,
  source: 'link' | 'file',
  fileName: string | null,
): Promise<void> {
  const before = catalogueUrlOf(window.location);
  const { workshop, report } = read;
  const { reportHasFindings } = await loadReader();
  const findings: RestoreReport | null = reportHasFindings(report) ? report : null;
  await openShared(store, workshop, findings, {
    source,
    fileName,
    flush: flushOwnWork,
    packageAvailable,
  });
  followPackage(before, catalogueOf(store.getState().package));
  jumpToStoredView();
}

/** Opens the share link in the address, if any. A bad link is said; nothing changes. */
export async function openLinkFromHash(): Promise<void> {
  const { hash } = window.location;
  if (!isShareFragment(hash)) {
    // Back (the browser's) from a link: the own work comes back.
    if (isSharedShown() && sharedView.getState().shown?.source === 'link') goBackToOwnWork();
    return;
  }
  try {
    const { readShareFragment } = await loadReader();
    const read = readShareFragment(hash);
    if (!read.ok) {
      sharedFailed(read.error);
      return;
    }
    await show(read.value, 'link', null);
  } catch (error) {
    // The checks could not load (offline before the app was cached): said, nothing changed.
    sharedFailed({ kind: 'internal', code: 'share.openFailed', params: { detail: String(error) } });
  }
}

/**
 * Opens a workshop file's text beside the own work; returns the error when it is refused (then
 * nothing changed).
 */
export async function openWorkshopText(text: string, fileName: string): Promise<AppError | null> {
  const { readWorkshopText } = await loadReader();
  const read = readWorkshopText(text);
  if (!read.ok) return read.error;
  clearShareHash();
  await show(read.value, 'file', fileName);
  return null;
}

/** "Terug naar mijn werk": the own work back in one action, the link gone from the address. */
export function goBackToOwnWork(): void {
  const before = catalogueUrlOf(window.location);
  const wanted = catalogueOf(ownPackage());
  backToOwnWork(store);
  clearShareHash();
  followPackage(before, wanted);
  jumpToStoredView();
}

/** "Gebieden kopiëren naar mijn werk": the link's areas added to the own work, shown at once. */
export function copyAreasToOwnWork(): void {
  const before = catalogueUrlOf(window.location);
  const wanted = catalogueOf(ownPackage());
  copySharedAreas(store);
  clearShareHash();
  followPackage(before, wanted);
  jumpToStoredView();
}

/**
 * Opens a share link in the address on start and whenever the hash changes to one. `flush` writes
 * the own work's last change first (autosave).
 */
export async function startShareLinks(flush: () => Promise<void>): Promise<void> {
  flushOwnWork = flush;
  window.addEventListener('hashchange', () => void openLinkFromHash());
  if (isShareFragment(window.location.hash)) await openLinkFromHash();
}
