import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './share.css';

/** The dialog, the link's encoder and the QR code load when the dialog is first opened. */
const ShareDialog = lazy(() =>
  import('./ShareDialog').then((module) => ({ default: module.ShareDialog })),
);

/** "Delen" / "Share" in the top bar: opens the share dialog (link, QR code, workshop file). */
export function ShareButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="share-button"
        aria-haspopup="dialog"
        title={t('share.buttonHint')}
        onClick={() => setOpen(true)}
      >
        {t('share.button')}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
