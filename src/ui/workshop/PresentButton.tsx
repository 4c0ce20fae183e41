import { useTranslation } from 'react-i18next';
import { setPresenting } from './presentation-keys';

/** "Presenteren" / "Present" in the top bar: presentation mode (also the key P). */
export function PresentButton() {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="present-button"
      data-present-button=""
      title={t('workshop.presentTip')}
      aria-keyshortcuts="P"
      onClick={() => setPresenting(true)}
    >
      {t('workshop.present')}
    </button>
  );
}
