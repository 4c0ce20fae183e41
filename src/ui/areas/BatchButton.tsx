import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The table loads when it is first opened: it is not needed to start.
const BatchPanel = lazy(() => import('./BatchPanel').then((m) => ({ default: m.BatchPanel })));

/** The button that opens the table of all areas; a panel or the top bar hosts it. */
export function BatchButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    // Focus goes back to where the table was opened from.
    opener.current?.focus();
  }, []);
  return (
    <>
      <button
        ref={opener}
        type="button"
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        aria-haspopup="dialog"
      >
        {t('batch.open')}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <BatchPanel onClose={close} />
        </Suspense>
      ) : null}
    </>
  );
}
