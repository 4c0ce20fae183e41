import { lazy, Suspense, useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { mapStatus } from '../../map/map-status';
import { useAppState } from '../../state/use-app-state';
import { onWorkshopKey } from './presentation-keys';

const loadPresentationView = () => import('./PresentationView');
const PresentationView = lazy(() =>
  loadPresentationView().then((m) => ({ default: m.PresentationView })),
);

/** Fetches the presentation when the browser is idle, so P shows it at once. */
function preloadPresentation(): void {
  const load = () => void loadPresentationView().catch(() => {});
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 4000 });
  else setTimeout(load, 1000);
}

/**
 * Presentation mode's root (DESIGN.md 9): marks the page root, `<html>` (document.documentElement),
 * with `data-mode="present"` while presenting, listens to the workshop keys everywhere, and shows
 * the presentation. App leaves its panels out of the DOM meanwhile.
 */
export function PresentationHost() {
  const presenting = useAppState((state) => state.presenting);
  const wasPresenting = useRef(false);
  const firstIdle = useStore(mapStatus, (status) => status.firstIdle);
  useEffect(() => {
    if (firstIdle) preloadPresentation();
  }, [firstIdle]);
  useEffect(() => {
    window.addEventListener('keydown', onWorkshopKey, { capture: true });
    return () => window.removeEventListener('keydown', onWorkshopKey, { capture: true });
  }, []);
  useEffect(() => {
    const root = document.documentElement;
    if (presenting) root.dataset.mode = 'present';
    else delete root.dataset.mode;
    // Leaving, the focus goes back to the button that enters (the top bar is back by now).
    if (!presenting && wasPresenting.current) {
      document.querySelector<HTMLElement>('[data-present-button]')?.focus();
    }
    wasPresenting.current = presenting;
  }, [presenting]);
  useEffect(() => () => void delete document.documentElement.dataset.mode, []);
  if (!presenting) return null;
  return (
    <Suspense fallback={null}>
      <PresentationView />
    </Suspense>
  );
}
