import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { store } from '../../state/store';
import { useAppState } from '../../state/use-app-state';
import { SaveStatus } from '../session/SessionBanners';
import { AreaEntry } from './AreaEntry';
import { AreaRow } from './AreaRow';
import { BatchButton } from './BatchButton';
import './areas-panel.css';

/** Asks before a new session removes the areas and the scenario. */
function NewSession() {
  const { t } = useTranslation();
  const count = useAppState((state) => state.areas.length);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="new-session" onClick={() => setAsking(true)}>
        {t('areas.newSession')}
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-label={t('areas.newSession')}>
      <p>{t('areas.confirmNewSession', { count })}</p>
      <button
        type="button"
        onClick={() => {
          store.getState().replaceAreas([]);
          store.getState().resetScenario();
          setAsking(false);
        }}
      >
        {t('areas.confirmClear')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('areas.cancel')}
      </button>
    </div>
  );
}

/**
 * Rows the list renders at first (plus the selected area): an import of 10,000 areas must not make
 * React build 10,000 rows of inputs; more come a page at a time. The map shows and selects them all.
 */
export const AREA_LIST_LIMIT = 200;

/** Where focus is when an area was just drawn or typed in: the map, a tool, the entry, nowhere. */
function focusWasOnTheTools(): boolean {
  const active = document.activeElement;
  return (
    !active ||
    active === document.body ||
    active.tagName === 'CANVAS' ||
    active.closest('.draw-toolbar-wrap, .area-entry') !== null
  );
}

/**
 * After one area is added and selected (drawn, or entered), focus goes to its row, not to the
 * page body: a keyboard user continues from the new area.
 */
function useFocusOnAdded(areas: { id: string }[], selectedId: string | null): void {
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    const before = known.current;
    known.current = new Set(areas.map((area) => area.id));
    if (!before || !selectedId || before.has(selectedId)) return;
    if (areas.length !== before.size + 1 || !focusWasOnTheTools()) return;
    document
      .querySelector<HTMLElement>(`.area-row[data-area-id="${CSS.escape(selectedId)}"] .area-pick`)
      ?.focus();
  }, [areas, selectedId]);
}

/** The list of areas: select, rename, colour, show or hide, zoom to and remove. */
export function AreasPanel() {
  const { t } = useTranslation();
  const areas = useAppState((state) => state.areas);
  const selectedId = useAppState((state) => state.selectedId);
  const [limit, setLimit] = useState(AREA_LIST_LIMIT);
  const listed = areas.slice(0, limit);
  const selected = areas.find((area) => area.id === selectedId);
  useFocusOnAdded(areas, selectedId);
  if (selected && !listed.includes(selected)) listed.push(selected);
  return (
    <section className="areas-panel" aria-labelledby="areas-title">
      <div className="panel-heading">
        <h2 id="areas-title">{t('areas.title')}</h2>
        <BatchButton />
        <NewSession />
      </div>
      {areas.length === 0 ? <p className="muted">{t('areas.empty')}</p> : null}
      <ul className="area-list">
        {listed.map((area) => (
          <AreaRow key={area.id} area={area} selected={area.id === selectedId} />
        ))}
      </ul>
      {areas.length > listed.length ? (
        <>
          <p className="muted" data-testid="areas-not-listed">
            {t('areas.notListed', { count: areas.length - listed.length, shown: limit })}
          </p>
          <button
            type="button"
            className="new-session"
            onClick={() => setLimit(limit + AREA_LIST_LIMIT)}
          >
            {t('batch.showMore', {
              count: Math.min(AREA_LIST_LIMIT, areas.length - limit),
              total: areas.length,
            })}
          </button>
        </>
      ) : null}
      <AreaEntry />
      <SaveStatus />
    </section>
  );
}
