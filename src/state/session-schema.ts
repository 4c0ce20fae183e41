import type { Scenario } from '../core/estimate/scenario';
import type { ErrorKind, MessageParams } from '../core/result';
import { checkSavedGeometry } from '../core/session/saved-geometry';
import { checkSavedScenario } from '../core/session/saved-scenario';
import { readUserLayers } from '../core/session/saved-user-layers';
import type {
  LayerSetting,
  MapView,
  Scene,
  SessionArea,
  SessionContent,
  SessionPackage,
  UserLayer,
} from '../core/session/types';

import { SESSION_SCHEMA_VERSION } from './session-version';

export { SESSION_SCHEMA_VERSION };

/** The saved session, schema version 2 (DESIGN.md 9, first point). */
export interface SavedSession extends SessionContent {
  version: typeof SESSION_SCHEMA_VERSION;
  /** When it was written, ISO 8601: the newer of the journal and IndexedDB wins. */
  savedAt: string;
}

/** An area left out on restore, and why (an import's error kind and message key). */
export interface DroppedArea {
  /** 1-based position in the saved list. */
  index: number;
  name: string;
  kind: ErrorKind;
  code: string;
  params?: MessageParams;
}

/** What a restore left out or changed; empty lists when the session was read as saved. */
export interface RestoreReport {
  droppedAreas: DroppedArea[];
  /** Names of areas whose geometry was repaired (closed, cleaned, split). */
  repairedAreas: string[];
  /** Areas that shared an id with an earlier one and got a new id. */
  renamedIds: number;
  /** Scenario fields that fell back to their default, e.g. `f_c`. */
  scenarioFields: string[];
  /** Other parts that were invalid and left out or reset: `view`, `layers.<id>`, `scenes`, … */
  otherFields: string[];
  /** A newer journal (the last change before the page went) was invalid and set aside. */
  ignoredJournal?: boolean;
}

/** What was found under the session key. */
export type ReadSession =
  | { kind: 'ok'; session: SavedSession; report: RestoreReport }
  /** Saved by a newer version of the app: left alone, never overwritten without asking. */
  | { kind: 'newer'; version: number; savedAt: string | null }
  /** Not a session at all. */
  | { kind: 'invalid' };

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const finiteIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

/** True when the report says that something was left out or changed. */
export function reportHasFindings(report: RestoreReport): boolean {
  return (
    report.droppedAreas.length > 0 ||
    report.repairedAreas.length > 0 ||
    report.renamedIds > 0 ||
    report.scenarioFields.length > 0 ||
    report.otherFields.length > 0 ||
    report.ignoredJournal === true
  );
}

function emptyReport(): RestoreReport {
  return {
    droppedAreas: [],
    repairedAreas: [],
    renamedIds: 0,
    scenarioFields: [],
    otherFields: [],
  };
}

function readPackage(value: unknown): SessionPackage | null | undefined {
  if (value === null || value === undefined) return null;
  if (!isRecord(value) || typeof value.id !== 'string') return undefined;
  if (value.url !== null && value.url !== undefined && typeof value.url !== 'string')
    return undefined;
  return { id: value.id, url: typeof value.url === 'string' ? value.url : null };
}

/** A map view, or undefined when it is not one MapLibre can show. */
export function readView(value: unknown): MapView | null | undefined {
  if (value === null || value === undefined) return null;
  if (!isRecord(value) || !Array.isArray(value.center)) return undefined;
  const [lon, lat] = value.center as unknown[];
  const { zoom, bearing = 0, pitch = 0 } = value;
  if (!finiteIn(lon, -180, 180) || !finiteIn(lat, -85, 85) || !finiteIn(zoom, 0, 24)) {
    return undefined;
  }
  if (!finiteIn(bearing, -360, 360) || !finiteIn(pitch, 0, 85)) return undefined;
  return { center: [lon, lat], zoom, bearing, pitch };
}

function readLayers(
  value: unknown,
  report: RestoreReport,
  prefix: string,
): Record<string, LayerSetting> {
  const layers: Record<string, LayerSetting> = {};
  if (value === undefined || value === null) return layers;
  if (!isRecord(value)) {
    report.otherFields.push(prefix);
    return layers;
  }
  for (const [id, setting] of Object.entries(value)) {
    if (
      isRecord(setting) &&
      typeof setting.visible === 'boolean' &&
      finiteIn(setting.opacity, 0, 1) &&
      finiteIn(setting.order, 0, 1000)
    ) {
      layers[id] = { visible: setting.visible, opacity: setting.opacity, order: setting.order };
    } else report.otherFields.push(`${prefix}.${id}`);
  }
  return layers;
}

const COLOR = /^#[0-9a-f]{6}$/i;
const DEFAULT_COLOR = '#0072b2';

/** The saved areas that pass an import's checks, with ids made unique (first one keeps its id). */
function readAreas(value: unknown, report: RestoreReport): SessionArea[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report.otherFields.push('areas');
    return [];
  }
  const areas: SessionArea[] = [];
  // Every saved id is taken, so a renamed duplicate never takes the id of a later area.
  const taken = new Set<string>(
    value.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : [])),
  );
  const ids = new Set<string>();
  for (const [position, item] of value.entries()) {
    const index = position + 1;
    const record = isRecord(item) ? item : {};
    const name = typeof record.name === 'string' ? record.name : `${index}`;
    const checked = checkSavedGeometry(record.geometry);
    if (!checked.ok) {
      const dropped: DroppedArea = { index, name, kind: checked.kind, code: checked.code };
      if (checked.params) dropped.params = checked.params;
      report.droppedAreas.push(dropped);
      continue;
    }
    if (checked.repaired) report.repairedAreas.push(name);
    let id = typeof record.id === 'string' && record.id !== '' ? record.id : `area-${index}`;
    if (ids.has(id)) {
      report.renamedIds += 1;
      let n = 2;
      while (taken.has(`${id}-${n}`)) n += 1;
      id = `${id}-${n}`;
      taken.add(id);
    }
    ids.add(id);
    const area: SessionArea = {
      id,
      name,
      color:
        typeof record.color === 'string' && COLOR.test(record.color) ? record.color : DEFAULT_COLOR,
      visible: record.visible !== false,
      geometry: checked.geometry,
    };
    if (isRecord(record.properties)) area.properties = record.properties;
    areas.push(area);
  }
  return areas;
}

function readScenario(value: unknown, report: RestoreReport, prefix = ''): Scenario {
  const checked = checkSavedScenario(value);
  report.scenarioFields.push(...checked.dropped.map((field) => `${prefix}${field}`));
  return checked.scenario;
}

function readScenes(value: unknown, areaIds: Set<string>, report: RestoreReport): Scene[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report.otherFields.push('scenes');
    return [];
  }
  const scenes: Scene[] = [];
  for (const [index, item] of value.entries()) {
    const view = isRecord(item) ? readView(item.view) : undefined;
    if (!isRecord(item) || typeof item.id !== 'string' || view === undefined) {
      report.otherFields.push(`scenes.${index + 1}`);
      continue;
    }
    // A scene refers to the session's areas: a deleted or dropped area leaves the scene.
    const ids = Array.isArray(item.areaIds)
      ? item.areaIds.filter((id): id is string => typeof id === 'string' && areaIds.has(id))
      : [];
    const selectedId =
      typeof item.selectedId === 'string' && ids.includes(item.selectedId) ? item.selectedId : null;
    scenes.push({
      id: item.id,
      name: typeof item.name === 'string' ? item.name : item.id,
      view,
      layers: readLayers(item.layers, report, `scenes.${index + 1}.layers`),
      areaIds: ids,
      selectedId,
      scenario: readScenario(item.scenario, report, `scenes.${index + 1}.`),
    });
  }
  return scenes;
}

/**
 * Reads a saved session of any known version into schema version 2, checking every part with the
 * rules of an import and a scenario file: what is invalid is left out or reset to its default, the
 * rest is kept, and the report says what. Version 1 kept language and basemap under `settings` and
 * had no package, view, layers, user layers or scenes.
 */
export function readSession(raw: unknown): ReadSession {
  if (!isRecord(raw) || typeof raw.version !== 'number' || !Number.isInteger(raw.version)) {
    return { kind: 'invalid' };
  }
  if (raw.version > SESSION_SCHEMA_VERSION) {
    return {
      kind: 'newer',
      version: raw.version,
      savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : null,
    };
  }
  if (raw.version < 1) return { kind: 'invalid' };
  const report = emptyReport();
  const v1 = raw.version === 1;
  const settings = v1 && isRecord(raw.settings) ? raw.settings : raw;
  const packageValue = v1 ? null : readPackage(raw.package);
  if (packageValue === undefined) report.otherFields.push('package');
  const view = v1 ? null : readView(raw.view);
  if (view === undefined) report.otherFields.push('view');
  const layers = v1 ? {} : readLayers(raw.layers, report, 'layers');
  let userLayers: UserLayer[] = [];
  if (!v1 && raw.userLayers !== undefined) {
    if (Array.isArray(raw.userLayers)) {
      const read = readUserLayers(raw.userLayers);
      userLayers = read.layers;
      report.otherFields.push(...read.dropped.map((index) => `userLayers.${index}`));
    } else report.otherFields.push('userLayers');
  }
  const areas = readAreas(raw.areas, report);
  const areaIds = new Set(areas.map((area) => area.id));
  const selectedId =
    typeof raw.selectedId === 'string' && areaIds.has(raw.selectedId) ? raw.selectedId : null;
  const session: SavedSession = {
    version: SESSION_SCHEMA_VERSION,
    savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : new Date(0).toISOString(),
    package: packageValue ?? null,
    view: view ?? null,
    layers,
    userLayers,
    areas,
    selectedId,
    scenario: readScenario(raw.scenario, report),
    scenes: v1 ? [] : readScenes(raw.scenes, areaIds, report),
    language: settings.language === 'en' ? 'en' : 'nl',
    basemap: settings.basemap === 'pdok' ? 'pdok' : 'offline',
  };
  return { kind: 'ok', session, report };
}
