import { createStore } from 'zustand/vanilla';
import { type AreasSlice, createAreasSlice } from './areas-slice';
import { createLayersSlice, type LayersSlice } from './layers-slice';
import { createScenarioSlice, type ScenarioSlice } from './scenario-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createWorkshopSlice, type WorkshopSlice } from './workshop-slice';

export type AppState = SettingsSlice &
  LayersSlice &
  AreasSlice &
  ScenarioSlice &
  SessionSlice &
  WorkshopSlice;

/** The one store of the app: serialisable data plus actions, in slices. */
export function createAppStore() {
  return createStore<AppState>()((...args) => ({
    ...createSettingsSlice(...args),
    ...createLayersSlice(...args),
    ...createAreasSlice(...args),
    ...createScenarioSlice(...args),
    ...createSessionSlice(...args),
    ...createWorkshopSlice(...args),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store instance. React reads it through `useAppState`; the map subscribes directly. */
export const store: AppStore = createAppStore();
