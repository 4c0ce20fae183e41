import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import {
  cancelDrawing,
  chooseTool,
  DRAW_TOOLS,
  type DrawTool,
  drawState,
  placeVertexAtCentre,
  redoDrawing,
  setDrawHooks,
  undoDrawing,
} from '../../map/draw-host';
import { store } from '../../state/store';
import { useAppState } from '../../state/use-app-state';
import { showPanel } from '../app/panel-tabs';

const ICONS: Record<DrawTool | 'delete' | 'undo' | 'redo' | 'type', string> = {
  polygon: '⬠',
  rectangle: '▭',
  circle: '◯',
  freehand: '✎',
  select: '↖',
  delete: '✕',
  undo: '↶',
  redo: '↷',
  type: '⌨',
};

/** Opens the coordinate entry of the areas panel and puts the cursor in it (keyboard drawing). */
function openCoordinateEntry(): void {
  // On a small screen the entry is in the areas tab of the sheet: bring it forward first.
  showPanel('areas');
  const entry = document.querySelector<HTMLDetailsElement>('details.area-entry');
  if (!entry) return;
  entry.open = true;
  entry.querySelector('textarea')?.focus();
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

const undo = () => undoDrawing(() => store.getState().undoAreas());
const redo = () => redoDrawing(() => store.getState().redoAreas());

/**
 * Global keys of the drawing tools: Esc, Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (not inside text fields).
 * While a shape is drawn, undo and redo work on its vertices.
 */
function onKeyDown(event: KeyboardEvent): void {
  if (event.key === 'Escape' && drawState.getState().tool !== null) {
    cancelDrawing();
    return;
  }
  // Keyboard drawing on the focused map: Space places a vertex at the crosshair.
  if (event.key === ' ' && event.target instanceof HTMLCanvasElement && placeVertexAtCentre()) {
    event.preventDefault();
    return;
  }
  if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
  const key = event.key.toLowerCase();
  if (key === 'z' && !event.shiftKey) {
    event.preventDefault();
    undo();
  } else if ((key === 'z' && event.shiftKey) || key === 'y') {
    event.preventDefault();
    redo();
  }
}

/** The drawing tools: shapes, select, delete, undo and redo, each a labelled button. */
export function DrawToolbar() {
  const { t } = useTranslation();
  const { tool, loading, message, shape } = useStore(drawState);
  const selectedId = useAppState((state) => state.selectedId);
  const areasUndo = useAppState((state) => state.areasHistory.past.length > 0);
  const areasRedo = useAppState((state) => state.areasHistory.future.length > 0);
  const canUndo = shape ? shape.undo : areasUndo;
  const canRedo = shape ? shape.redo : areasRedo;

  useEffect(() => {
    setDrawHooks({ newAreaName: (index) => t('draw.newAreaName', { index }) });
  }, [t]);
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const button = (
    id: DrawTool | 'delete' | 'undo' | 'redo' | 'type',
    onClick: () => void,
    options: { pressed?: boolean; disabled?: boolean } = {},
  ) => (
    <button
      key={id}
      type="button"
      className="draw-tool"
      title={t(`draw.tip.${id}`)}
      aria-pressed={options.pressed}
      disabled={options.disabled}
      onClick={onClick}
    >
      <span className="draw-icon" aria-hidden="true">
        {ICONS[id]}
      </span>
      <span className="draw-label">{t(`draw.${id}`)}</span>
    </button>
  );

  return (
    <section className="draw-toolbar-wrap" aria-label={t('a11y.drawing')}>
      <div className="draw-toolbar" role="toolbar" aria-label={t('draw.toolbar')}>
        {DRAW_TOOLS.map((each) =>
          button(each, () => void chooseTool(tool === each ? null : each), {
            pressed: tool === each,
          }),
        )}
        {button(
          'delete',
          () => {
            if (selectedId) store.getState().removeArea(selectedId);
          },
          { disabled: !selectedId },
        )}
        {button('type', openCoordinateEntry)}
        {button('undo', undo, { disabled: !canUndo })}
        {button('redo', redo, { disabled: !canRedo })}
      </div>
      <div className="draw-status" role="status">
        {loading ? t('draw.loading') : tool && tool !== 'select' ? t('draw.drawingHint') : ''}
      </div>
      {message ? (
        <div className={`draw-message draw-message-${message.level}`} role="alert">
          {t(message.code, message.params)}
        </div>
      ) : null}
    </section>
  );
}
