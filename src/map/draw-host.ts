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

let modules: Promise<[typeof import('./draw'), typeof import('./areas-layer')]> | null = null;
/** The drawing code; fetched once (at idle after the first map view, or on first use). */
function loadModules() {
  modules ??= Promise.all([import('./draw'), import('./areas-layer')]);
  modules.catch(() => {
    modules = null;
  });
  return modules;
}

/**
 * Fetches the drawing code when the browser is idle, so the first click after choosing a tool
 * does not land while terra-draw is still loading. Keeps it out of the first bundle all the same.
 */
export function preloadDrawing(): void {
  const load = () => void loadModules().catch(() => {});
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}

/** Map clicks (canvas pixels) made while the tool was loading; replayed once it is ready. */
let heldClicks: { x: number; y: number }[] = [];

/** Gives clicks held while loading to terra-draw, as the pointer events it listens to. */
function replayHeldClicks(canvas: HTMLCanvasElement): void {
  const clicks = heldClicks;
  heldClicks = [];
  for (const { x, y } of clicks) clickForDraw(canvas, x, y);
}

/**
 * Keyboard drawing: places a vertex (a corner, a centre) at the crosshair in the middle of the map.
 * The arrow keys move the map under the crosshair (MapLibre's own keyboard panning), Enter closes a
 * polygon and Esc cancels, as with the mouse. False when no drawing tool is active.
 */
export function placeVertexAtCentre(): boolean {
  const tool = drawState.getState().tool;
  const canvas = loadedCanvas;
  if (!canvas || tool === null || tool === 'select') return false;
  clickForDraw(canvas, canvas.clientWidth / 2, canvas.clientHeight / 2);
  return true;
}

/** The canvas of the loaded controller's map. */
let loadedCanvas: HTMLCanvasElement | null = null;

/** A click at canvas pixel (x, y), as the pointer events terra-draw listens to. */
function clickForDraw(canvas: HTMLCanvasElement, x: number, y: number): void {
  const box = canvas.getBoundingClientRect();
  const init = {
    bubbles: true,
    isPrimary: true,
    pointerId: 1,
    pointerType: 'mouse',
    button: 0,
    clientX: box.left + x,
    clientY: box.top + y,
  };
  canvas.dispatchEvent(new PointerEvent('pointermove', init));
  canvas.dispatchEvent(new PointerEvent('pointerdown', { ...init, buttons: 1 }));
  canvas.dispatchEvent(new PointerEvent('pointerup', init));
}

/** The drawing controller, loaded on first use so terra-draw stays out of the first bundle. */
function loadController(): Promise<DrawController> | null {
  if (controller) return controller;
  controller = (async () => {
    drawState.setState({ loading: true });
    heldClicks = [];
    try {
      const [{ createDrawController }, { plannerMap }] = await loadModules();
      const map = plannerMap();
      if (!map) throw new Error('drawing needs the map');
      // terra-draw starts only once the style is in; `loaded()` is also false while tiles load,
      // after the one 'load' event has passed, so it cannot be the test.
      if (!map.isStyleLoaded()) await Promise.race([map.once('load'), map.once('idle')]);
      loadedCanvas = map.getCanvas();
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

/**
 * Chooses a drawing tool (null: none). Loads terra-draw the first time; map clicks made while it
 * loads are held (they neither pin the inspector nor get lost) and placed once the tool is ready.
 */
export async function chooseTool(tool: DrawTool | null): Promise<void> {
  drawState.setState({ message: null });
  if (tool === null && !controller) return;
  const { plannerMap } = await import('./areas-layer');
  const map = loadedController ? null : plannerMap();
  const hold = (event: { point: { x: number; y: number } }) => {
    heldClicks.push({ x: event.point.x, y: event.point.y });
  };
  map?.on('click', hold);
  try {
    const loaded = await loadController();
    map?.off('click', hold);
    loaded?.setTool(tool);
    if (map && tool !== null && tool !== 'select') replayHeldClicks(map.getCanvas());
  } finally {
    map?.off('click', hold);
    heldClicks = [];
  }
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
  loadedCanvas = null;
  drawState.setState({ tool: null, loading: false, shape: null });
  void current?.then((loaded) => loaded.destroy()).catch(() => {});
}
