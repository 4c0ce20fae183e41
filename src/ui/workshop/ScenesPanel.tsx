import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../core/session/types';
import { store } from '../../state/store';
import { useAppState } from '../../state/use-app-state';
import { saveCurrentScene, showScene } from './scene-actions';
import './scenes.css';

/** Which control of which scene gets the focus after a change of the list. */
interface FocusTarget {
  id: string;
  control: string;
}

function SceneRow({
  scene,
  index,
  count,
  current,
  onMove,
  onDelete,
}: {
  scene: Scene;
  index: number;
  count: number;
  current: boolean;
  onMove: (scene: Scene, delta: number, control: string) => void;
  onDelete: (scene: Scene) => void;
}) {
  const { t } = useTranslation();
  const name = scene.name || t('workshop.defaultName', { index: index + 1 });
  // Alt+ArrowUp / Alt+ArrowDown anywhere in the row move the scene (the keyboard's reorder).
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const control = (event.target as HTMLElement).dataset.control ?? 'name';
    onMove(scene, event.key === 'ArrowUp' ? -1 : 1, control);
  };
  return (
    <li
      className="scene-row"
      data-scene-id={scene.id}
      aria-current={current ? 'step' : undefined}
      onKeyDown={onKeyDown}
    >
      <span className="scene-number" aria-hidden="true">
        {index + 1}
      </span>
      <input
        className="scene-name"
        data-control="name"
        aria-label={t('workshop.sceneName', { index: index + 1 })}
        value={scene.name}
        onChange={(event) => store.getState().renameScene(scene.id, event.target.value)}
      />
      <span className="scene-summary">
        {t('workshop.summary', { count: scene.areaIds.length })}
      </span>
      <span className="scene-actions">
        <button
          type="button"
          data-control="show"
          aria-label={t('workshop.showLabel', { name })}
          onClick={() => showScene(scene.id)}
        >
          {t('workshop.show')}
        </button>
        <button
          type="button"
          data-control="up"
          aria-label={t('workshop.moveUp', { name })}
          aria-keyshortcuts="Alt+ArrowUp"
          aria-disabled={index === 0}
          onClick={() => index > 0 && onMove(scene, -1, 'up')}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          data-control="down"
          aria-label={t('workshop.moveDown', { name })}
          aria-keyshortcuts="Alt+ArrowDown"
          aria-disabled={index === count - 1}
          onClick={() => index < count - 1 && onMove(scene, 1, 'down')}
        >
          <span aria-hidden="true">↓</span>
        </button>
        <button
          type="button"
          data-control="delete"
          aria-label={t('workshop.delete', { name })}
          onClick={() => onDelete(scene)}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </span>
    </li>
  );
}

/**
 * The scenes of the session (DESIGN.md 9): save the current view as a scene, rename, reorder (also
 * Alt+ArrowUp/Down), show and delete. A non-modal dialog beside the map: the map stays usable to
 * set up the next view. Esc closes it.
 */
export function ScenesPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const scenes = useAppState((state) => state.scenes);
  const currentId = useAppState((state) => state.currentSceneId);
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<FocusTarget | null>(null);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.querySelector<HTMLElement>('.scenes-save')?.focus(), []);
  // React moves rows by moving DOM nodes, which can drop the focus: put it back where it was.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each change of the list
  useLayoutEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    panel.current
      ?.querySelector<HTMLElement>(
        `[data-scene-id="${target.id}"] [data-control="${target.control}"]`,
      )
      ?.focus();
  }, [scenes]);

  const nameOf = (scene: Scene) =>
    scene.name || t('workshop.defaultName', { index: scenes.indexOf(scene) + 1 });
  const save = () => {
    const scene = saveCurrentScene(t('workshop.defaultName', { index: scenes.length + 1 }));
    focusAfter.current = { id: scene.id, control: 'name' };
    setAnnouncement(t('workshop.saved', { name: scene.name }));
  };
  const move = (scene: Scene, delta: number, control: string) => {
    const from = scenes.indexOf(scene);
    const to = Math.min(scenes.length - 1, Math.max(0, from + delta));
    if (to === from) return;
    focusAfter.current = { id: scene.id, control };
    store.getState().moveScene(scene.id, delta);
    setAnnouncement(
      t('workshop.moved', { name: nameOf(scene), position: to + 1, count: scenes.length }),
    );
  };
  const remove = (scene: Scene) => {
    const index = scenes.indexOf(scene);
    const next = scenes[index + 1] ?? scenes[index - 1];
    focusAfter.current = next ? { id: next.id, control: 'delete' } : null;
    store.getState().removeScene(scene.id);
    setAnnouncement(t('workshop.deleted', { name: nameOf(scene) }));
    if (!next) panel.current?.querySelector<HTMLElement>('.scenes-save')?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  return (
    <section
      ref={panel}
      id={id}
      className="scenes-panel"
      role="dialog"
      aria-labelledby={`${id}-title`}
      onKeyDown={onKeyDown}
    >
      <div className="scenes-head">
        <h2 id={`${id}-title`} className="panel-title">
          {t('workshop.scenesTitle')}
        </h2>
        <button type="button" className="scenes-close" onClick={onClose}>
          {t('workshop.close')}
        </button>
      </div>
      <button type="button" className="scenes-save" onClick={save}>
        {t('workshop.saveScene')}
      </button>
      {scenes.length === 0 ? <p className="muted">{t('workshop.empty')}</p> : null}
      <ol className="scenes-list">
        {scenes.map((scene, index) => (
          <SceneRow
            key={scene.id}
            scene={scene}
            index={index}
            count={scenes.length}
            current={scene.id === currentId}
            onMove={move}
            onDelete={remove}
          />
        ))}
      </ol>
      <p className="muted scenes-hint">{t('workshop.hint')}</p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
