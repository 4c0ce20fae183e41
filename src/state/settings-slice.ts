import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export type Language = 'nl' | 'en';
export type BasemapChoice = 'offline' | 'pdok';

export interface SettingsSlice {
  language: Language;
  basemap: BasemapChoice;
  setLanguage: (language: Language) => void;
  setBasemap: (basemap: BasemapChoice) => void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  language: 'nl',
  basemap: 'offline',
  setLanguage: (language) => set({ language }),
  setBasemap: (basemap) => set({ basemap }),
});
