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
}

/** State of the drawing tools for the toolbar (not saved: a view of what the user is doing). */
export const drawState = createStore<DrawUiState>()(() => ({
  tool: null,
  loading: false,
  message: null,
}));

export interface DrawHooks {
  /** Name for a newly drawn area, 1-based number among the areas. */
  newAreaName: (index: number) => string;
}

let hooks: DrawHooks = { newAreaName: (index) => `Vlak ${index}` };
let controller: Promise<DrawController> | null = null;

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
      if (!map.loaded()) await map.once('load');
      return createDrawController(map, {
        newAreaName: (index) => hooks.newAreaName(index),
        onTool: (tool) => drawState.setState({ tool }),
        onMessage: (message) => drawState.setState({ message }),
      });
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

/** True while a shape is being drawn (Esc then cancels the shape first). */
export async function isDrawingShape(): Promise<boolean> {
  return controller ? (await controller).isDrawingShape() : false;
}

/** Forgets the controller when the map goes (React's strict mode mounts the map twice). */
export function detachDraw(): void {
  const current = controller;
  controller = null;
  drawState.setState({ tool: null, loading: false });
  void current?.then((loaded) => loaded.destroy()).catch(() => {});
}
