import { createStore } from 'zustand/vanilla';
import type { DrawController } from './draw';

export const DRAW_TOOLS = ['polygon', 'rectangle', 'circle', 'freehand', 'select'] as const;
export type DrawTool = (typeof DRAW_TOOLS)[number];

/** A message of the drawing tools: an i18n key of the `draw` namespace and its parameters. */
export interface DrawMessage {
  code: string;
  params?: Record<string, string | number>;
  /** Errors stay until the next action; notices may fade. */
  level: 'error' | 'notice';
}

export interface DrawUiState {
  /** The active tool; null: the map pans and a click selects an area. */
  tool: DrawTool | null;
  /** True while the drawing library loads (on first use). */
  loading: boolean;
  message: DrawMessage | null;
  /**
   * The shape in progress, if any, and whether it has a vertex to take back or to put back: while a
   * shape is drawn, undo and redo work on its vertices, not on the areas.
   */
  shape: { undo: boolean; redo: boolean } | null;
}

/** State of the drawing tools for the toolbar (not saved: a view of what the user is doing). */
export const drawState = createStore<DrawUiState>()(() => ({
  tool: null,
  loading: false,
  message: null,
  shape: null,
}));

export interface DrawHooks {
  /** Name for a newly drawn area, 1-based number among the areas. */
  newAreaName: (index: number) => string;
}

let hooks: DrawHooks = { newAreaName: (index) => `Vlak ${index}` };
let controller: Promise<DrawController> | null = null;
/** The controller once loaded, for keys that must act at once. */
let loadedController: DrawController | null = null;

/** Sets how new areas are named (the UI passes its translated name). */
export function setDrawHooks(next: DrawHooks): void {
  hooks = next;
}

/** The drawing controller, loaded on first use so terra-draw stays out of the first bundle. */
function loadController(): Promise<DrawController> | null {
  if (controller) return controller;
  controller = (async () => {
    drawState.setState({ loading: true });
    try {
      const [{ createDrawController }, { plannerMap }] = await Promise.all([
        import('./draw'),
        import('./areas-layer'),
      ]);
      const map = plannerMap();
      if (!map) throw new Error('drawing needs the map');
      // terra-draw starts only once the style is in; `loaded()` is also false while tiles load,
      // after the one 'load' event has passed, so it cannot be the test.
      if (!map.isStyleLoaded()) await Promise.race([map.once('load'), map.once('idle')]);
      loadedController = createDrawController(map, {
        newAreaName: (index) => hooks.newAreaName(index),
        onTool: (tool) => drawState.setState({ tool }),
        onMessage: (message) => drawState.setState({ message }),
        onShape: (shape) => drawState.setState({ shape }),
      });
      return loadedController;
    } finally {
      drawState.setState({ loading: false });
    }
  })();
  controller.catch(() => {
    controller = null;
  });
  return controller;
}

/** Chooses a drawing tool (null: none). Loads terra-draw the first time. */
export async function chooseTool(tool: DrawTool | null): Promise<void> {
  drawState.setState({ message: null });
  if (tool === null && !controller) return;
  const loaded = await loadController();
  loaded?.setTool(tool);
}

/** Esc: cancels the shape in progress; without one, leaves the tool. */
export function cancelDrawing(): void {
  void controller?.then((loaded) => loaded.cancel());
}

/**
 * Undo: takes back the last vertex of the shape in progress, if there is one; otherwise the last
 * change to the areas.
 */
export function undoDrawing(undoAreas: () => void): void {
  if (loadedController?.isDrawingShape()) loadedController.undoVertex();
  else undoAreas();
}

/** Redo: puts back a vertex of the shape in progress, if one was taken back; otherwise redoes areas. */
export function redoDrawing(redoAreas: () => void): void {
  if (loadedController?.isDrawingShape()) loadedController.redoVertex();
  else redoAreas();
}

/** True while a shape is being drawn (Esc then cancels the shape first). */
export async function isDrawingShape(): Promise<boolean> {
  return controller ? (await controller).isDrawingShape() : false;
}

/** Forgets the controller when the map goes (React's strict mode mounts the map twice). */
export function detachDraw(): void {
  const current = controller;
  controller = null;
  loadedController = null;
  drawState.setState({ tool: null, loading: false, shape: null });
  void current?.then((loaded) => loaded.destroy()).catch(() => {});
}
