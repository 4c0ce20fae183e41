import { useStore } from 'zustand';
import type { AppState } from './store';
import { store } from './store';

/** Selects the minimum a component needs from the store. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(store, selector);
}
