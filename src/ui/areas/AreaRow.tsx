import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoomToArea } from '../../map/areas-layer';
import type { Area } from '../../state/areas-slice';
import { store } from '../../state/store';

/**
 * One area in the list: select, name (edited in place), colour, visibility, zoom and remove.
 * Memoised: a selection or a rename re-renders the rows whose area or selection changed, not all
 * of the (up to hundreds of) listed rows.
 */
export const AreaRow = memo(function AreaRow({
  area,
  selected,
}: {
  area: Area;
  selected: boolean;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(area.name);
  useEffect(() => setName(area.name), [area.name]);
  const commitName = () => {
    const trimmed = name.trim();
    if (trimmed && trimmed !== area.name) store.getState().updateArea(area.id, { name: trimmed });
    else setName(area.name);
  };
  return (
    <li className={selected ? 'area-row selected' : 'area-row'} data-area-id={area.id}>
      <input
        type="color"
        className="area-color"
        value={area.color}
        aria-label={t('areas.colorOf', { name: area.name })}
        onChange={(event) => store.getState().updateArea(area.id, { color: event.target.value })}
      />
      <input
        type="text"
        className="area-name"
        value={name}
        aria-label={t('areas.nameOf', { name: area.name })}
        onFocus={() => store.getState().selectArea(area.id)}
        onChange={(event) => setName(event.target.value)}
        onBlur={commitName}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commitName();
          if (event.key === 'Escape') setName(area.name);
        }}
      />
      <button
        type="button"
        className="area-pick"
        aria-pressed={selected}
        onClick={() => store.getState().selectArea(area.id)}
        title={area.name}
      >
        <span aria-hidden="true">{selected ? '●' : '○'}</span>
        <span className="visually-hidden">{area.name}</span>
      </button>
      <label className="area-visible" title={t('areas.show')}>
        <input
          type="checkbox"
          checked={area.visible}
          aria-label={t('areas.showOf', { name: area.name })}
          onChange={(event) =>
            store.getState().updateArea(area.id, { visible: event.target.checked })
          }
        />
      </label>
      <button
        type="button"
        className="area-action"
        aria-label={t('areas.zoom', { name: area.name })}
        title={t('areas.zoom', { name: area.name })}
        onClick={() => zoomToArea(area.id)}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <circle cx="6.5" cy="6.5" r="4.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M10 10l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <button
        type="button"
        className="area-action"
        aria-label={t('areas.remove', { name: area.name })}
        title={t('areas.remove', { name: area.name })}
        onClick={() => store.getState().removeArea(area.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
});
