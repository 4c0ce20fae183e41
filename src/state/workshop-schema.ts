import { fail, ok, type Result } from '../core/result';
import { decodeShareFragment } from '../core/session/share-link';
import type { WorkshopFile } from '../core/session/workshop-file';
import { migrateWorkshop } from '../core/session/workshop-json';
import { type RestoreReport, readSession } from './session-schema';

export { reportHasFindings } from './session-schema';

import { SESSION_SCHEMA_VERSION } from './session-version';

/** A workshop object read and checked: its content, and what the checks left out or repaired. */
export interface ReadWorkshop {
  workshop: WorkshopFile;
  report: RestoreReport;
}

/**
 * Reads a workshop object (a link's or a workshop file's, DESIGN.md 9): format and version first
 * (older versions migrate, newer ones are refused), then every field with the readers of a saved
 * session, which check areas as an import does, the scenario as a scenario file, views, layers and
 * scenes. Invalid parts are left out and named in the report.
 */
export function readWorkshop(raw: unknown): Result<ReadWorkshop> {
  const migrated = migrateWorkshop(raw);
  if (!migrated.ok) return migrated;
  const value = migrated.value;
  // The workshop object is a session without the user's own layers and basemap.
  const read = readSession({
    ...value,
    version: SESSION_SCHEMA_VERSION,
    savedAt: undefined,
    userLayers: undefined,
    basemap: undefined,
  });
  if (read.kind !== 'ok') return fail('unreadable', 'share.notWorkshop');
  const { session, report } = read;
  return ok({
    workshop: {
      format: 'koolstofkaart-workshop',
      version: 1,
      package: session.package,
      view: session.view,
      layers: session.layers,
      areas: session.areas,
      selectedId: session.selectedId,
      scenario: session.scenario,
      scenes: session.scenes,
      language: session.language,
    },
    report,
  });
}

/** Reads a share link's fragment (`#s=1.…`) into a checked workshop object. */
export function readShareFragment(fragment: string): Result<ReadWorkshop> {
  const decoded = decodeShareFragment(fragment);
  if (!decoded.ok) return decoded;
  return readWorkshop(decoded.value);
}

/** Reads a workshop file's text into a checked workshop object. */
export function readWorkshopText(text: string): Result<ReadWorkshop> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('unreadable', 'share.fileUnreadable');
  }
  return readWorkshop(raw);
}
