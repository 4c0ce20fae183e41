import { startAreaAnalysis } from './area-analysis';

interface Running {
  key: unknown;
  stop: () => void;
  holders: number;
  timer: ReturnType<typeof setTimeout> | null;
}

let running: Running | null = null;

/**
 * How long the analysis outlives its last holder, ms: the presentation is loaded on first use, and
 * the analysis (with its results) must still be there when it comes.
 */
const RELEASE_DELAY_MS = 5000;

/**
 * Keeps the areas analysed while a view of the results is on screen: the results panel, or the
 * presentation that replaces it. Both hold the one analysis (its cache of results), so switching
 * between them analyses nothing again; it stops a while after the last holder lets go (one view
 * unmounts before the other mounts). A new `key` (the data package) starts it over.
 * Returns the function that lets go.
 */
export function holdAreaAnalysis(key: unknown): () => void {
  if (running && running.key !== key) {
    if (running.timer !== null) clearTimeout(running.timer);
    running.stop();
    running = null;
  }
  running ??= { key, stop: startAreaAnalysis(), holders: 0, timer: null };
  const held = running;
  held.holders += 1;
  if (held.timer !== null) {
    clearTimeout(held.timer);
    held.timer = null;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.holders -= 1;
    if (held.holders > 0 || running !== held) return;
    held.timer = setTimeout(() => {
      if (running !== held || held.holders > 0) return;
      held.stop();
      running = null;
    }, RELEASE_DELAY_MS);
  };
}
