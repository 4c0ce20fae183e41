import { DEFAULT_SCENARIO } from '../estimate/scenario';
import { fail, ok, type Result } from '../result';
import { WORKSHOP_FILE_VERSION, WORKSHOP_FORMAT } from './workshop-file';

/** What a `.json` file is (DESIGN.md 9): a workshop file, a scenario file, or else GeoJSON. */
export type JsonKind = 'workshop' | 'scenario' | 'geojson';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SCENARIO_KEYS = new Set([...Object.keys(DEFAULT_SCENARIO), 'measures']);

/**
 * A workshop file when `format` says so; a scenario when it is an object with scenario keys only
 * (at least one); else GeoJSON, which the areas import reads and refuses as it does.
 */
export function classifyJson(value: unknown): JsonKind {
  if (!isRecord(value)) return 'geojson';
  if (value.format === WORKSHOP_FORMAT) return 'workshop';
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((key) => SCENARIO_KEYS.has(key))) return 'scenario';
  return 'geojson';
}

/**
 * True when the start of a text file is a workshop file's: `format` is written first, so the
 * first few kilobytes say it without reading a large file whole.
 */
export function looksLikeWorkshopFile(head: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"koolstofkaart-workshop"/.test(head.replace(/^\uFEFF/, ''));
}

/**
 * Upgrades of older workshop files, by the version they upgrade from: each returns the object of
 * the next version. Version 1 is the first; a later version adds its step here.
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * Checks a workshop object's `format` and `version` and migrates it to the version this app reads
 * (WORKSHOP_FILE_VERSION). A newer version is refused as `unsupported`, naming it; anything that is
 * not a workshop object as `unreadable`. The fields are checked by `readWorkshop` (state).
 */
export function migrateWorkshop(raw: unknown): Result<Record<string, unknown>> {
  if (!isRecord(raw) || raw.format !== WORKSHOP_FORMAT) {
    return fail('unreadable', 'share.notWorkshop');
  }
  const { version } = raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('unreadable', 'share.notWorkshop');
  }
  if (version > WORKSHOP_FILE_VERSION) {
    return fail('unsupported', 'share.workshopNewer', {
      version,
      supported: WORKSHOP_FILE_VERSION,
    });
  }
  let current: Record<string, unknown> = raw;
  for (let from = version; from < WORKSHOP_FILE_VERSION; from++) {
    const step = MIGRATIONS[from];
    if (!step) return fail('unreadable', 'share.notWorkshop');
    current = { ...step(current), version: from + 1 };
  }
  return ok(current);
}
