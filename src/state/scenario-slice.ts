import type { StateCreator } from 'zustand';
import { DEFAULT_SCENARIO, type Scenario } from '../core/estimate/scenario';
import type { AppState } from './store';

export interface ScenarioSlice {
  scenario: Scenario;
  setScenario: (patch: Partial<Scenario>) => void;
  resetScenario: () => void;
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set) => ({
  scenario: DEFAULT_SCENARIO,
  setScenario: (patch) => set((state) => ({ scenario: { ...state.scenario, ...patch } })),
  resetScenario: () => set({ scenario: DEFAULT_SCENARIO }),
});
