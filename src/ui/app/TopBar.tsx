import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { mapStatus } from '../../map/map-status';
import { store } from '../../state/store';
import { useAppState } from '../../state/use-app-state';
import { ImportButton } from '../import/ImportButton';
import { PresentButton } from '../workshop/PresentButton';
import { ScenesButton } from '../workshop/ScenesButton';
import '../places/place-search.css';
import { ShareButton } from '../share/ShareButton';

// The search box loads after the map's first idle: the map comes first on a cold start. Until
// then an empty box of the same size keeps the top bar from shifting.
const PlaceSearch = lazy(() =>
  import('../places/PlaceSearch').then((m) => ({ default: m.PlaceSearch })),
);
const searchSpace = <div className="place-search" />;

export function TopBar() {
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const firstIdle = useStore(mapStatus, (status) => status.firstIdle);
  return (
    <header className="top-bar">
      <h1 className="brand">{t('app.title')}</h1>
      {firstIdle ? (
        <Suspense fallback={searchSpace}>
          <PlaceSearch />
        </Suspense>
      ) : (
        searchSpace
      )}
      <ImportButton />
      <ShareButton />
      <ScenesButton />
      <PresentButton />
      <button
        type="button"
        className="language-switch"
        lang={language === 'nl' ? 'en' : 'nl'}
        onClick={() => store.getState().setLanguage(language === 'nl' ? 'en' : 'nl')}
      >
        {t('app.switchLanguage')}
      </button>
    </header>
  );
}
