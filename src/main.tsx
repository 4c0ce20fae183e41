import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { restoreSession, startAutosave } from './state/persist';
import { store } from './state/store';
import { App } from './ui/App';
import { NoWebgl } from './ui/NoWebgl';
import './ui/app.css';

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
// Work is never lost: the saved session (areas, scenario, settings) comes back before the first render.
await restoreSession(store);
startAutosave(store);

await initI18n(store.getState().language);
const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(<StrictMode>{hasWebgl2() ? <App /> : <NoWebgl />}</StrictMode>);
