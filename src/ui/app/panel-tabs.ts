import { useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';
import { drawState } from '../../map/draw-host';
import { store } from '../../state/store';

/** The panels a small screen shows one at a time, in a bottom sheet with tabs. */
export const SHEET_TABS = ['layers', 'areas', 'results', 'scenario'] as const;
export type SheetTab = (typeof SHEET_TABS)[number];
/** How much of a small screen the sheet takes: only its tabs, about a quarter, nearly all. */
export type SheetSize = 'collapsed' | 'half' | 'full';

export interface PanelTabsState {
  sheet: SheetTab;
  size: SheetSize;
}

/** Keep in step with the `@media (max-width: 900px)` rules in app.css. */
export const SMALL_SCREEN_QUERY = '(max-width: 900px)';

export const panelTabs = createStore<PanelTabsState>()(() => ({
  sheet: 'areas',
  size: 'half',
}));

export function isSmallScreen(): boolean {
  return window.matchMedia?.(SMALL_SCREEN_QUERY).matches ?? false;
}

/** True while the screen is small enough for the bottom sheet; follows resizes. */
export function useSmallScreen(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia?.(SMALL_SCREEN_QUERY);
      query?.addEventListener('change', changed);
      return () => query?.removeEventListener('change', changed);
    },
    isSmallScreen,
    () => false,
  );
}

/**
 * Brings a panel forward on a small screen: its tab of the sheet, opened if it was folded away.
 * (A wide screen shows every panel.)
 */
export function showPanel(tab: SheetTab): void {
  panelTabs.setState((state) => ({
    sheet: tab,
    size: state.size === 'collapsed' ? 'half' : state.size,
  }));
}

export function setSheetSize(size: SheetSize): void {
  panelTabs.setState({ size });
}

/** The page root carries the choice, so that CSS alone shows one panel at a time. */
function applyTo(root: HTMLElement, state: PanelTabsState): void {
  root.dataset.sheet = state.sheet;
  root.dataset.sheetSize = state.size;
}

/**
 * Keeps `root`'s data attributes in step with the tabs, at once (a focus right after
 * `showPanel` lands in a shown panel), and on a small screen: a drawing tool folds the sheet away
 * to free the map, a new area brings its results forward. Returns a function that stops.
 */
export function followPanelTabs(root: HTMLElement): () => void {
  applyTo(root, panelTabs.getState());
  const stopTabs = panelTabs.subscribe((state) => applyTo(root, state));
  // The top bar wraps on a narrow screen (more buttons than room): what sits below it follows
  // its real height (--top-bar-h, used by app's layout.css).
  const bar = root.querySelector<HTMLElement>('.top-bar');
  const measure = () => {
    if (!bar) return;
    const bottom = Math.max(
      0,
      ...[...bar.children].map((child) => child.getBoundingClientRect().bottom),
    );
    root.style.setProperty(
      '--top-bar-h',
      `${Math.ceil(bottom - root.getBoundingClientRect().top)}px`,
    );
  };
  measure();
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
  if (bar) observer?.observe(bar);
  const stopDraw = drawState.subscribe((state, before) => {
    if (state.tool && state.tool !== 'select' && !before.tool && isSmallScreen()) {
      setSheetSize('collapsed');
    }
  });
  const stopAreas = store.subscribe((state, before) => {
    if (state.areas.length > before.areas.length && isSmallScreen()) showPanel('results');
  });
  return () => {
    observer?.disconnect();
    stopTabs();
    stopDraw();
    stopAreas();
  };
}
