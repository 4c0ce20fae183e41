import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoomToArea } from '../map/areas-layer';
import { store } from '../state/store';

/** Enter an area without a mouse: coordinate pairs (RD or WGS84) typed or pasted. */
export function AreaEntry() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const add = async () => {
    // Loaded on use: proj4 and the crossing check stay out of the first bundle.
    const { polygonFromCoordinateText } = await import('../map/draw-geometry');
    const parsed = polygonFromCoordinateText(text);
    if (!parsed.ok) {
      const params = 'params' in parsed.error ? parsed.error.params : undefined;
      setMessage({ text: t(parsed.error.code, params), error: true });
      return;
    }
    const state = store.getState();
    const id = crypto.randomUUID();
    state.addArea({
      id,
      name: t('draw.newAreaName', { index: state.areas.length + 1 }),
      color: state.nextAreaColor(),
      visible: true,
      geometry: parsed.polygon,
    });
    zoomToArea(id);
    setText('');
    setMessage({ text: t('draw.entry.added', { count: 1 }), error: false });
  };
  return (
    <details className="area-entry">
      <summary>{t('draw.entry.title')}</summary>
      <label className="area-entry-label">
        {t('draw.entry.label')}
        <textarea
          rows={5}
          value={text}
          placeholder={t('draw.entry.placeholder')}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button type="button" onClick={() => void add()} disabled={text.trim() === ''}>
        {t('draw.entry.add')}
      </button>
      {message ? (
        <p
          className={message.error ? 'entry-error' : 'entry-ok'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
    </details>
  );
}
