import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { pwaStatus } from '../../pwa/pwa-status';
import './update-prompt.css';

/**
 * "New version available — Reload": shown when the service worker has installed a newer build.
 * The page reloads into it only when the user says so; work is saved continuously anyway.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const update = useStore(pwaStatus, (status) => status.update);
  const dismissed = useStore(pwaStatus, (status) => status.dismissed);
  if (!update || dismissed) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>{t('offline.updateAvailable')}</span>
      <button type="button" className="update-prompt-reload" onClick={update}>
        {t('offline.reload')}
      </button>
      <button type="button" onClick={() => pwaStatus.setState({ dismissed: true })}>
        {t('offline.later')}
      </button>
    </div>
  );
}
