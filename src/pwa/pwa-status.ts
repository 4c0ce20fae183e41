import { createStore } from 'zustand/vanilla';

/** What the service worker reports to the UI (src/ui/offline/UpdatePrompt.tsx). Not saved. */
export interface PwaStatus {
  /** A new version is installed and waits: calling this activates it and reloads the page. */
  update: (() => void) | null;
  /** The user chose "later": the prompt stays away until the next new version. */
  dismissed: boolean;
}

export const pwaStatus = createStore<PwaStatus>()(() => ({ update: null, dismissed: false }));
