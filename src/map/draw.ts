import type { Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  type GeoJSONStoreFeatures,
  type HexColor,
  TerraDraw,
  TerraDrawCircleMode,
  TerraDrawFreehandMode,
  TerraDrawModeUndoRedo,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Area } from '../state/areas-slice';
import { store } from '../state/store';
import { prepareAreaAnalysis } from './area-analysis';
import { setEditedAreaIds } from './areas-layer';
import { cleanedPolygon, formatRdPoint, rdAreaHa, selfIntersections } from './draw-geometry';
import type { DrawMessage, DrawTool } from './draw-host';
import { checkEditedShape } from './draw-shape-check';

export interface DrawController {
  setTool: (tool: DrawTool | null) => void;
  /** Esc: cancels the shape in progress, or leaves the tool when nothing is in progress. */
  cancel: () => void;
  isDrawingShape: () => boolean;
  /** Takes back the last vertex of the shape in progress; false when there is none to take back. */
  undoVertex: () => boolean;
  /** Puts back a vertex taken back; false when there is none. */
  redoVertex: () => boolean;
  destroy: () => void;
}

interface ControllerHooks {
  newAreaName: (index: number) => string;
  onTool: (tool: DrawTool | null) => void;
  onMessage: (message: DrawMessage | null) => void;
  /** The shape in progress (null: none), with whether it has a vertex to take or put back. */
  onShape: (shape: { undo: boolean; redo: boolean } | null) => void;
}

const DRAWING_MODES = new Set<string>(['polygon', 'rectangle', 'circle', 'freehand']);
/** Decimals of degrees terra-draw keeps (1e-9° is about 0.1 mm); it refuses features with more. */
const COORDINATE_DECIMALS = 9;
const roundDegrees = (value: number) => Number(value.toFixed(COORDINATE_DECIMALS));
/** A polygon with its coordinates rounded to what terra-draw accepts (imports may carry more). */
const forDraw = (polygon: Polygon): Polygon => ({
  type: 'Polygon',
  coordinates: polygon.coordinates.map((ring) =>
    ring.map((position) => [
      roundDegrees(position[0] as number),
      roundDegrees(position[1] as number),
    ]),
  ),
});
/** A pointer still for this long while drawing is taken as about to click there. */
const POINTER_REST_MS = 120;
const INK: HexColor = '#1a5fb4';
const colorOf = (feature: GeoJSONStoreFeatures): HexColor => {
  const color = feature.properties.color;
  return typeof color === 'string' && color.startsWith('#') ? (color as HexColor) : INK;
};
const shapeStyles = { fillColor: INK, outlineColor: INK, fillOpacity: 0.15, outlineWidth: 2 };

/**
 * True for a shape without area (fewer than three distinct vertices, or all on one line), such as
 * a rectangle whose corners share an x or y, or a circle of radius zero; cleaning those throws.
 */
function flatOrEmpty(polygon: Polygon): boolean {
  try {
    const ring = cleanedPolygon(polygon).coordinates[0] ?? [];
    return ring.length < 4 || rdAreaHa({ type: 'Polygon', coordinates: [ring] }) <= 0;
  } catch {
    return true;
  }
}

/** Accepts the app's area ids (UUIDs when drawn, anything when imported). */
const idStrategy = {
  isValidId: (id: unknown) => typeof id === 'string' && id.length > 0,
  getId: () => crypto.randomUUID(),
};

/**
 * Drawing and editing with terra-draw on the map. New shapes become areas in the store (and the
 * selected area); in Select, the visible areas are handed to terra-draw for moving and vertex editing
 * and every finished edit is written back as one undoable step. Self-intersecting shapes are refused
 * with the place of the crossing (RD x, y); the other areas are untouched.
 */
export function createDrawController(map: MapLibreMap, hooks: ControllerHooks): DrawController {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: COORDINATE_DECIMALS }),
    idStrategy,
    // Vertex by vertex undo while a shape is drawn; finished areas have the store's own history.
    undoRedo: { modeLevel: new TerraDrawModeUndoRedo() },
    modes: [
      new TerraDrawPolygonMode({
        styles: { ...shapeStyles, fillColor: colorOf, outlineColor: colorOf },
      }),
      new TerraDrawRectangleMode({ styles: shapeStyles }),
      new TerraDrawCircleMode({ styles: shapeStyles }),
      new TerraDrawFreehandMode({ styles: shapeStyles }),
      new TerraDrawSelectMode({
        flags: {
          polygon: {
            feature: {
              draggable: true,
              coordinates: { midpoints: true, draggable: true, deletable: true },
            },
          },
        },
      }),
    ],
  });
  draw.start();
  let tool: DrawTool | null = null;
  let syncing = false;

  const live = document.createElement('div');
  live.className = 'kk-live-area';
  live.hidden = true;
  map.getContainer().append(live);
  let pointer: { x: number; y: number } = { x: 0, y: 0 };
  const onMove = (event: { point: { x: number; y: number } }) => {
    pointer = event.point;
    live.style.transform = `translate(${pointer.x + 16}px, ${pointer.y + 16}px)`;
  };
  map.on('mousemove', onMove);

  const showLiveArea = (polygon: Polygon | null) => {
    if (!polygon || (polygon.coordinates[0]?.length ?? 0) < 4) {
      live.hidden = true;
      return;
    }
    const language = store.getState().language === 'en' ? 'en-GB' : 'nl-NL';
    const hectares = new Intl.NumberFormat(language, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(rdAreaHa(polygon));
    live.textContent = `${hectares} ha`;
    live.hidden = false;
  };

  const refusal = (polygon: Polygon): DrawMessage | null => {
    const [crossing] = selfIntersections(polygon);
    return crossing
      ? {
          code: 'draw.selfIntersection',
          params: { where: formatRdPoint(crossing) },
          level: 'error',
        }
      : null;
  };

  /** A feature handed to terra-draw in Select: an area, or one part of a multipolygon area. */
  interface Owner {
    areaId: string;
    /** Index of the part in the area's MultiPolygon; null: the area is a Polygon. */
    part: number | null;
  }
  /** Areas handed to terra-draw in Select, with the geometry they were given and their features. */
  const synced = new Map<string, { geometry: Area['geometry']; featureIds: string[] }>();
  const owners = new Map<string, Owner>();

  /** terra-draw edits polygons only: a multipolygon goes in as one feature per part. */
  const featuresOf = (area: Area): GeoJSONStoreFeatures[] => {
    const parts: Polygon[] =
      area.geometry.type === 'Polygon'
        ? [area.geometry]
        : area.geometry.coordinates.map((rings) => ({ type: 'Polygon', coordinates: rings }));
    return parts.map((geometry, index) => ({
      id: area.geometry.type === 'Polygon' ? area.id : `${area.id}#part-${index + 1}`,
      type: 'Feature',
      geometry: forDraw(geometry),
      properties: { mode: 'polygon', color: area.color },
    }));
  };

  const unsync = (areaId: string) => {
    const known = synced.get(areaId);
    if (!known) return;
    const present = known.featureIds.filter((id) => draw.hasFeature(id));
    if (present.length) draw.removeFeatures(present);
    for (const id of known.featureIds) owners.delete(id);
    synced.delete(areaId);
  };

  /** Hands the visible areas to terra-draw, keeping it in step with the store. */
  const syncSelect = () => {
    syncing = true;
    try {
      const editable = store.getState().areas.filter((area) => area.visible);
      const wanted = new Set(editable.map((area) => area.id));
      for (const id of [...synced.keys()]) if (!wanted.has(id)) unsync(id);
      for (const area of editable) {
        if (synced.get(area.id)?.geometry === area.geometry) continue;
        unsync(area.id);
        const features = featuresOf(area);
        const checks = draw.addFeatures(features);
        const added = features.filter((_, index) => checks[index]?.valid).map((f) => `${f.id}`);
        if (added.length < features.length) {
          // Not editable here (terra-draw refused a part): the areas layer keeps drawing it.
          if (added.length) draw.removeFeatures(added);
          continue;
        }
        synced.set(area.id, { geometry: area.geometry, featureIds: added });
        added.forEach((id, index) => {
          owners.set(id, {
            areaId: area.id,
            part: area.geometry.type === 'Polygon' ? null : index,
          });
        });
      }
      setEditedAreaIds(new Set(synced.keys()));
      selectInDraw(store.getState().selectedId);
    } finally {
      syncing = false;
    }
  };

  /** The feature selected in terra-draw. */
  let selectedFeature: string | null = null;

  /** Selects an area's (first) feature in terra-draw, unless one of its parts is selected. */
  const selectInDraw = (areaId: string | null) => {
    tellNotEditable(areaId);
    if (selectedFeature && areaId && owners.get(selectedFeature)?.areaId === areaId) return;
    const first = areaId ? synced.get(areaId)?.featureIds[0] : undefined;
    if (first && draw.hasFeature(first)) draw.selectFeature(first);
  };

  let toldNotEditable = false;
  /** In Select, says so when the selected (visible) area is one terra-draw refused. */
  const tellNotEditable = (areaId: string | null) => {
    const area = areaId ? store.getState().areas.find((each) => each.id === areaId) : undefined;
    const refused = tool === 'select' && area?.visible === true && !synced.has(area.id);
    if (refused) hooks.onMessage({ code: 'draw.notEditable', level: 'notice' });
    else if (toldNotEditable) hooks.onMessage(null);
    toldNotEditable = refused;
  };

  const clearSelect = () => {
    syncing = true;
    for (const id of [...synced.keys()]) unsync(id);
    setEditedAreaIds(new Set());
    syncing = false;
  };

  /** The area's geometry with one part replaced (null: the part removed). */
  const withPart = (area: Area, part: number, polygon: Polygon | null): Area['geometry'] | null => {
    if (area.geometry.type !== 'MultiPolygon') return polygon;
    const parts = area.geometry.coordinates.flatMap((rings, index) =>
      index !== part ? [rings] : polygon ? [polygon.coordinates] : [],
    );
    if (parts.length === 0) return null;
    if (parts.length === 1)
      return { type: 'Polygon', coordinates: parts[0] as Polygon['coordinates'] };
    return { type: 'MultiPolygon', coordinates: parts };
  };

  /** The polygon of the shape being drawn (terra-draw marks it `currentlyDrawing`), if any. */
  const shapeInProgress = (): Polygon | null => {
    if (!isDrawing()) return null;
    for (const feature of draw.getSnapshot()) {
      if (feature.properties.currentlyDrawing === true && feature.geometry.type === 'Polygon') {
        return feature.geometry;
      }
    }
    return null;
  };

  let reportedShape = 'none';
  /** Tells the toolbar about the shape in progress (only when that changed). */
  const reportShape = () => {
    const shape = isDrawing() ? { undo: draw.canUndo(), redo: draw.canRedo() } : null;
    const key = shape ? `${shape.undo}:${shape.redo}` : 'none';
    if (key === reportedShape) return;
    reportedShape = key;
    hooks.onShape(shape);
  };

  /** Starts the analysis of the shape in progress as it is now (see prepareAreaAnalysis). */
  const prepareShape = (urgent: boolean) => {
    const shape = shapeInProgress();
    if (!shape) return;
    let candidate: Polygon;
    try {
      candidate = cleanedPolygon(shape);
    } catch {
      return; // fewer than three distinct vertices so far
    }
    if ((candidate.coordinates[0]?.length ?? 0) < 4 || selfIntersections(candidate).length) return;
    prepareAreaAnalysis(candidate, urgent);
  };
  let restTimer: ReturnType<typeof setTimeout> | undefined;

  // A rectangle, circle or freehand shape ends where the button goes up, nearly always where it went
  // down: start its analysis on the way down, some 100 ms before the click ends the shape.
  const onPointerDown = () => {
    if (tool && tool !== 'polygon' && isDrawing()) prepareShape(true);
  };
  map.getCanvasContainer().addEventListener('pointerdown', onPointerDown, { capture: true });

  draw.on('history', () => {
    reportShape();
    // A vertex was placed (or taken back): analyse the polygon of the vertices so far, so that its
    // numbers are ready when the user closes it there (first vertex, Enter).
    if (tool === 'polygon') prepareShape(true);
  });

  draw.on('change', (ids, type) => {
    if (syncing) return;
    if (tool === 'select' && type === 'delete') {
      for (const id of ids) {
        const owner = owners.get(`${id}`);
        const area = owner && store.getState().areas.find((each) => each.id === owner.areaId);
        if (!owner || !area) continue;
        owners.delete(`${id}`);
        const rest = owner.part === null ? null : withPart(area, owner.part, null);
        if (rest) store.getState().updateArea(area.id, { geometry: rest });
        else store.getState().removeArea(area.id);
      }
      return;
    }
    if (isDrawing()) {
      reportShape();
      showLiveArea(shapeInProgress());
      // When the pointer rests, analyse the shape as it would end with a click right there.
      clearTimeout(restTimer);
      restTimer = setTimeout(() => prepareShape(false), POINTER_REST_MS);
    }
  });

  draw.on('deselect', (id) => {
    if (selectedFeature === `${id}`) selectedFeature = null;
  });

  draw.on('select', (id) => {
    selectedFeature = `${id}`;
    const owner = owners.get(`${id}`);
    if (!syncing && owner) store.getState().selectArea(owner.areaId);
  });

  draw.on('finish', (id, context) => {
    const feature = draw.getSnapshotFeature(id);
    if (context.mode === 'select') {
      const owner = owners.get(`${id}`);
      const area = owner && store.getState().areas.find((each) => each.id === owner.areaId);
      if (!owner || !area || feature?.geometry.type !== 'Polygon') return;
      const edited =
        owner.part === null ? feature.geometry : withPart(area, owner.part, feature.geometry);
      // The whole area by the import's rules: holes inside their outline, parts not overlapping.
      const crossing = refusal(feature.geometry);
      const checked = !crossing && edited ? checkEditedShape(edited) : null;
      const refused =
        crossing ??
        (checked && !checked.ok
          ? { code: checked.code, params: { where: checked.where }, level: 'error' as const }
          : null);
      if (refused) {
        const before =
          area.geometry.type === 'Polygon'
            ? area.geometry
            : ({
                type: 'Polygon',
                coordinates: area.geometry.coordinates[owner.part ?? 0],
              } as Polygon);
        syncing = true;
        draw.updateFeatureGeometry(id, forDraw(before));
        syncing = false;
        hooks.onMessage(refused);
        return;
      }
      const notice = checked?.ok ? checked.notice : null;
      hooks.onMessage(
        notice ? { code: notice.code, params: { where: notice.where }, level: 'notice' } : null,
      );
      const geometry = checked?.ok ? checked.geometry : edited;
      if (!geometry) return;
      const known = synced.get(area.id);
      // A repaired shape (parts merged, a hole dropped) is handed to terra-draw again.
      if (known && geometry === edited) known.geometry = geometry;
      store.getState().updateArea(area.id, { geometry });
      return;
    }
    if (!DRAWING_MODES.has(context.mode)) return;
    live.hidden = true;
    clearTimeout(restTimer);
    reportShape();
    syncing = true;
    draw.removeFeatures([id]);
    syncing = false;
    if (feature?.geometry.type !== 'Polygon') return;
    const geometry = flatOrEmpty(feature.geometry) ? null : cleanedPolygon(feature.geometry);
    if (!geometry) {
      // A zero-width rectangle or zero-radius circle has no area: say so, keep the tool.
      hooks.onMessage({ code: 'draw.noArea', level: 'error' });
      return;
    }
    const refused = refusal(geometry);
    if (refused) {
      hooks.onMessage(refused);
      return;
    }
    const state = store.getState();
    state.addArea({
      id: crypto.randomUUID(),
      name: hooks.newAreaName(state.areas.length + 1),
      color: state.nextAreaColor(),
      visible: true,
      geometry,
    });
    hooks.onMessage(null);
    setTool(null);
  });

  const unsubscribe = store.subscribe((state, previous) => {
    if (tool !== 'select') return;
    if (state.areas !== previous.areas) syncSelect();
    else if (state.selectedId !== previous.selectedId) selectInDraw(state.selectedId);
  });

  function isDrawing(): boolean {
    return tool !== null && DRAWING_MODES.has(tool) && draw.getModeState() === 'drawing';
  }

  function setTool(next: DrawTool | null) {
    live.hidden = true;
    clearTimeout(restTimer);
    if (tool === 'select' && next !== 'select') clearSelect();
    tool = next;
    // A crosshair in the middle of the map shows where Space places a vertex (keyboard drawing).
    map.getContainer().classList.toggle('kk-drawing', next !== null && DRAWING_MODES.has(next));
    draw.setMode(next ?? 'static');
    if (next === 'select') syncSelect();
    hooks.onTool(next);
    reportShape();
  }

  return {
    setTool,
    isDrawingShape: isDrawing,
    cancel: () => {
      live.hidden = true;
      clearTimeout(restTimer);
      if (tool && DRAWING_MODES.has(tool) && draw.getModeState() === 'drawing') {
        // Restarting the mode drops the shape in progress and keeps the tool.
        draw.setMode(tool);
        reportShape();
      } else {
        setTool(null);
      }
    },
    undoVertex: () => {
      if (!isDrawing() || !draw.canUndo()) return false;
      draw.undo();
      reportShape();
      return true;
    },
    redoVertex: () => {
      if (!isDrawing() || !draw.canRedo()) return false;
      draw.redo();
      reportShape();
      return true;
    },
    destroy: () => {
      clearTimeout(restTimer);
      map.getCanvasContainer().removeEventListener('pointerdown', onPointerDown, { capture: true });
      unsubscribe();
      map.off('mousemove', onMove);
      live.remove();
      map.getContainer().classList.remove('kk-drawing');
      clearSelect();
      try {
        draw.stop();
      } catch {
        // The map may already be gone; nothing is left to clean.
      }
    },
  };
}
