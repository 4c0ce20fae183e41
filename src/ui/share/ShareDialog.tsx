import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderSVG } from 'uqr';
import {
  encodeShareFragment,
  MAX_QR_LINK_CHARS,
  MAX_SHARE_LINK_CHARS,
} from '../../core/session/share-link';
import { workshopFileOf } from '../../core/session/workshop-file';
import { sessionOf } from '../../state/persist';
import { store } from '../../state/store';
import { downloadBlob } from '../export/export-inputs';
import { workshopFileName, workshopFileText } from './workshop-export';

/** Saves the session on screen as a workshop file. */
function downloadWorkshopFile(): void {
  const text = workshopFileText(store.getState());
  downloadBlob(new Blob([text], { type: 'application/json' }), workshopFileName());
}

/** The link of the state on screen: this page's address (no query) and `#s=1.…`. */
export function shareLinkOf(): string {
  const fragment = encodeShareFragment(workshopFileOf(sessionOf(store.getState())));
  const { origin, pathname } = window.location;
  return `${origin}${pathname}${fragment}`;
}

/** Copies text: the Clipboard API, else the selected field and the old copy command. */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/**
 * The share dialog (DESIGN.md 9): the link of the state on screen in a read-only field, "Link
 * kopiëren", a QR code up to 2,000 characters; beyond the link limit the workshop file instead.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  // The state at the moment the dialog opened: what the link holds.
  const link = useMemo(shareLinkOf, []);
  const tooLong = link.length > MAX_SHARE_LINK_CHARS;
  const qr = useMemo(
    () =>
      link.length <= MAX_QR_LINK_CHARS
        ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
            renderSVG(link, { ecc: 'L', border: 2, pixelSize: 4 }),
          )}`
        : null,
    [link],
  );

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const copy = async () => {
    const copied = await copyText(link, field.current);
    setStatus(copied ? t('share.copied') : t('share.copyFailed'));
  };

  return (
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-labelledby="share-title"
      data-testid="share-dialog"
      onClose={onClose}
    >
      <h2 id="share-title">{t('share.title')}</h2>
      {tooLong ? (
        <>
          <p data-testid="share-too-long">
            {t('share.tooLong', { length: link.length, max: MAX_SHARE_LINK_CHARS })}
          </p>
          <div className="share-actions">
            <button type="button" onClick={downloadWorkshopFile}>
              {t('share.downloadWorkshop')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('share.intro')}</p>
          <label className="share-link-label">
            {t('share.linkLabel')}
            <input
              ref={field}
              type="text"
              readOnly
              value={link}
              data-testid="share-link"
              data-length={link.length}
              onFocus={(event) => event.currentTarget.select()}
            />
          </label>
          <div className="share-actions">
            <button type="button" onClick={() => void copy()}>
              {t('share.copy')}
            </button>
            <button type="button" onClick={downloadWorkshopFile}>
              {t('share.downloadWorkshop')}
            </button>
          </div>
          {qr ? (
            <img className="share-qr" src={qr} alt={t('share.qrAlt')} data-testid="share-qr" />
          ) : (
            <p className="muted">
              {t('share.noQr', { length: link.length, max: MAX_QR_LINK_CHARS })}
            </p>
          )}
        </>
      )}
      <p role="status" className="share-status">
        {status}
      </p>
      <div className="share-actions share-close">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('share.close')}
        </button>
      </div>
    </dialog>
  );
}
