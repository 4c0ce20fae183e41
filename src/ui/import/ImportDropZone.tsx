import { useTranslation } from 'react-i18next';

/** The visible target while files are dragged over the app. */
export function ImportDropZone() {
  const { t } = useTranslation();
  return (
    <div className="import-drop-zone" data-testid="import-drop-zone" aria-hidden="true">
      <div className="import-drop-card">
        <p className="import-drop-title">{t('importing.dropHere')}</p>
        <p>{t('importing.dropFormats')}</p>
      </div>
    </div>
  );
}
