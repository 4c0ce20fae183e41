import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { startServiceWorker } from './pwa/start';
import { type Autosave, persistState, restoreSession, startAutosave } from './state/persist';
import { store } from './state/store';
import { startTabs, type TabCoordination } from './state/tabs';
import { App } from './ui/app/App';
import { NoWebgl } from './ui/app/NoWebgl';
import { startShareLinks } from './ui/share/share-open';
import './ui/app/app.css';

function hasWebgl2(): boolean {
  try {
    return Boolean(document.createElement('canvas').getContext('webgl2'));
  } catch {
    return false;
  }
}

const remembered = localStorage.getItem('koolstofkaart.language');
const language = remembered === 'en' ? 'en' : 'nl';
store.getState().setLanguage(language);
window.koolstofkaart = { map: null, store };
// One tab writes the session; a second one reads it and says so (docs/reliability.md).
let autosave: Autosave | null = null;
const tabs: TabCoordination = await startTabs(store, {
  flush: () => autosave?.flush() ?? Promise.resolve(),
});
// Work is never lost: the saved session (areas, layers, view, scenario, settings) comes back
// before the first render.
await restoreSession(store);
// Loading the saved session is not a change of this tab's own.
persistState.setState({ changedWhileReader: false });
autosave = startAutosave(store, undefined, { onCommitted: tabs.announceSaved });
// A share link (#s=…) opens its state beside the user's own work, which stays saved untouched.
const ownAutosave = autosave;
await startShareLinks(() => ownAutosave.flush());

await initI18n(store.getState().language);
const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(<StrictMode>{hasWebgl2() ? <App /> : <NoWebgl />}</StrictMode>);
// Offline use after one visit (DESIGN 9): registered after the first idle, never before.
startServiceWorker();
