import { useTranslation } from 'react-i18next';
import { store } from '../state/store';
import { useAppState } from '../state/use-app-state';
import { ImportButton } from './ImportButton';
import { PlaceSearch } from './PlaceSearch';

export function TopBar() {
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  return (
    <header className="top-bar">
      <h1 className="brand">{t('app.title')}</h1>
      <PlaceSearch />
      <ImportButton />
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
