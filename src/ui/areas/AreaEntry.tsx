import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoomToArea } from '../../map/areas-layer';
import { AREA_COLORS } from '../../state/area-colors';
import { store } from '../../state/store';

/** Colours for several new areas at once: the free ones first. */
function nextAreaColor(used: string[], offset: number): string {
  const free = AREA_COLORS.filter((color) => !used.includes(color));
  const pool = free.length ? free : AREA_COLORS;
  return pool[offset % pool.length] as string;
}

/** Enter an area without a mouse: coordinate pairs (RD or WGS84) typed or pasted. */
export function AreaEntry() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const addParsed = async (name: string) => {
    // WKT and GeoJSON go through the import parser (DESIGN.md 7.2 checks and messages).
    const { parseAreasFile } = await import('../../core/parse');
    const parsed = await parseAreasFile({ name, bytes: new TextEncoder().encode(text) });
    if (!parsed.ok) {
      setMessage({ text: t(parsed.error.code, parsed.error.params), error: true });
      return;
    }
    const state = store.getState();
    const areas = parsed.value.areas.map((area, index) => ({
      id: crypto.randomUUID(),
      name: area.name || t('draw.newAreaName', { index: state.areas.length + index + 1 }),
      color: nextAreaColor([...state.areas.map((each) => each.color)], index),
      visible: true,
      geometry: area.wgs84,
      properties: area.properties,
    }));
    state.addAreas(areas);
    if (areas[0]) zoomToArea(areas[0].id);
    setText('');
    const notes = parsed.value.notes.map((note) => t(note.code, note.params)).join(' ');
    setMessage({
      text: `${t('draw.entry.added', { count: areas.length })} ${notes}`.trim(),
      error: false,
    });
  };
  const add = async () => {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) return addParsed('entry.geojson');
    if (/^(SRID=\d+;\s*)?(MULTI)?POLYGON/i.test(trimmed)) return addParsed('entry.wkt');
    // Loaded on use: proj4 and the crossing check stay out of the first bundle.
    const { polygonFromCoordinateText } = await import('../../map/draw-geometry');
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
