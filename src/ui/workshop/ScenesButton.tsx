import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/use-app-state';

const ScenesPanel = lazy(() => import('./ScenesPanel').then((m) => ({ default: m.ScenesPanel })));

/** "Scènes (3)" in the top bar: opens the scenes list beside the map (not modal: the map stays usable). */
export function ScenesButton() {
  const { t } = useTranslation();
  const count = useAppState((state) => state.scenes.length);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="scenes-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('workshop.scenesButton', { count })}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ScenesPanel id={panelId} onClose={close} />
        </Suspense>
      ) : null}
    </>
  );
}
