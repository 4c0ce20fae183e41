import { mapStatus } from '../map/map-status';

/** Longest wait for the map's first idle before the service worker is registered anyway, ms. */
const MAX_WAIT_MS = 10_000;
/** Pause after the first idle, so the analysis code's warm-up (at 1.5 s) is not competed with. */
const AFTER_IDLE_MS = 2_000;

/**
 * Registers the service worker (src/sw.ts) lazily: after the map's first idle and the page's load,
 * when the browser is idle. A first visit thus starts exactly as without one (DESIGN 9: `start-ms`
 * stays a first visit without a service worker), and its code is not part of the first load.
 * Production builds only: the dev server serves no service worker.
 */
export function startServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  let started = false;
  const register = () => {
    if (started) return;
    started = true;
    unsubscribe();
    clearTimeout(fallback);
    const run = () =>
      void import('./register').then((module) => module.registerServiceWorker()).catch(() => {});
    const idle = () =>
      'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 5_000 }) : run();
    const later = () => setTimeout(idle, AFTER_IDLE_MS);
    if (document.readyState === 'complete') later();
    else window.addEventListener('load', later, { once: true });
  };
  const unsubscribe = mapStatus.subscribe((status) => {
    if (status.firstIdle) register();
  });
  const fallback = setTimeout(register, MAX_WAIT_MS);
  if (mapStatus.getState().firstIdle) register();
}
