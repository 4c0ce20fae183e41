import { useEffect, useRef, useState } from 'react';
import type { PlaceSuggestion } from '../../core/places/locatieserver';
import type { AppError } from '../../core/result';

/** Wait after the last keystroke before asking PDOK, ms. */
export const SUGGEST_DEBOUNCE_MS = 250;
/** Shortest query sent to PDOK. */
const MIN_QUERY = 2;

export type SuggestionsState =
  | { state: 'off' }
  | { state: 'waiting' }
  | { state: 'ready'; suggestions: PlaceSuggestion[] }
  | { state: 'failed'; error: AppError };

/** True once the failure of the service has been told; told again only after it worked. */
let failureTold = false;

/**
 * PDOK Locatieserver suggestions for `query` while `enabled` (the online services are on):
 * debounced, and the request for an older query is cancelled as soon as the user types on.
 * `onFirstFailure` is called once when the service is offline or fails, not on every keystroke.
 */
export function usePlaceSuggestions(
  query: string,
  enabled: boolean,
  onFirstFailure: (error: AppError) => void,
): SuggestionsState {
  const [result, setResult] = useState<SuggestionsState>({ state: 'off' });
  const tell = useRef(onFirstFailure);
  tell.current = onFirstFailure;
  useEffect(() => {
    const text = query.trim();
    if (!enabled || text.length < MIN_QUERY) {
      setResult({ state: 'off' });
      return;
    }
    setResult({ state: 'waiting' });
    const controller = new AbortController();
    const fail = (error: AppError) => {
      setResult({ state: 'failed', error });
      if (!failureTold) tell.current(error);
      failureTold = true;
    };
    const timer = setTimeout(async () => {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) {
        fail({ kind: 'unreachable', code: 'places.offline' });
        return;
      }
      try {
        const { suggestPlaces } = await import('../../core/places/locatieserver');
        const found = await suggestPlaces(text, { signal: controller.signal });
        if (controller.signal.aborted) return;
        if (!found.ok) return fail(found.error);
        failureTold = false;
        setResult({ state: 'ready', suggestions: found.value });
      } catch (error) {
        // Cancelled because the user typed on: a newer request takes over.
        if (error instanceof Error && error.name === 'AbortError') return;
        fail({ kind: 'internal', code: 'places.serviceUnavailable' });
      }
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, enabled]);
  return result;
}
