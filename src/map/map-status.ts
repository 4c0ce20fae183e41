import { createStore } from 'zustand/vanilla';
import type { AppError, MessageParams } from '../core/result';

/** A message for the user: an i18n key and its parameters, shown until dismissed or replaced. */
export interface Notice {
  code: string;
  params?: MessageParams;
  tone: 'info' | 'error';
}

export type DatasetStatus =
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'failed'; error: AppError };

/** What the map reports to the UI: dataset loading, the basemap shown, and notices. Not saved. */
export interface MapStatus {
  dataset: DatasetStatus;
  /** The basemap actually on screen (the store's `basemap` is the user's wish). */
  basemapShown: 'offline' | 'pdok' | 'loading';
  notice: Notice | null;
  /** True once the map has been idle for the first time (or the dataset failed to load). */
  firstIdle: boolean;
  setNotice: (notice: Notice | null) => void;
}

/** Status of the map for the panels; the map writes it, React reads it with `useStore`. */
export const mapStatus = createStore<MapStatus>()((set) => ({
  dataset: { state: 'loading' },
  basemapShown: 'offline',
  notice: null,
  firstIdle: false,
  setNotice: (notice) => set({ notice }),
}));

/**
 * Waits for a task of the map and turns its failure into an error notice (`code`, an i18n key of
 * the map namespace), so that a failure is told to the user, not only to the console.
 */
export async function noticeOnFailure(task: Promise<unknown>, code: string): Promise<void> {
  try {
    await task;
  } catch {
    mapStatus.getState().setNotice({ code, tone: 'error' });
  }
}
