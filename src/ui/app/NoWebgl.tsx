import { useTranslation } from 'react-i18next';

/** Shown instead of a blank map when the browser has no WebGL2. */
export function NoWebgl() {
  const { t } = useTranslation();
  return (
    <main className="no-webgl" role="alert">
      <h1>{t('app.title')}</h1>
      <p>{t('app.noWebgl')}</p>
    </main>
  );
}
