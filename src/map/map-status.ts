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
  setNotice: (notice: Notice | null) => void;
}

/** Status of the map for the panels; the map writes it, React reads it with `useStore`. */
export const mapStatus = createStore<MapStatus>()((set) => ({
  dataset: { state: 'loading' },
  basemapShown: 'offline',
  notice: null,
  setNotice: (notice) => set({ notice }),
}));
