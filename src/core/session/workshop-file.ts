import type { SessionContent } from './types';

/** `format` of a workshop file (DESIGN.md 9). */
export const WORKSHOP_FORMAT = 'koolstofkaart-workshop';
/** Version of the workshop file this app writes. */
export const WORKSHOP_FILE_VERSION = 1;
/** File name extension of a workshop file. */
export const WORKSHOP_EXTENSION = '.koolstofkaart.json';

/** The workshop file object, keys in the order DESIGN.md 9 lists them. */
export interface WorkshopFile {
  format: typeof WORKSHOP_FORMAT;
  version: typeof WORKSHOP_FILE_VERSION;
  package: SessionContent['package'];
  view: SessionContent['view'];
  layers: SessionContent['layers'];
  areas: SessionContent['areas'];
  selectedId: SessionContent['selectedId'];
  scenario: SessionContent['scenario'];
  scenes: SessionContent['scenes'];
  language: SessionContent['language'];
}

/** The workshop file of a session: what another planner needs to open the same work. */
export function workshopFileOf(session: SessionContent): WorkshopFile {
  return {
    format: WORKSHOP_FORMAT,
    version: WORKSHOP_FILE_VERSION,
    package: session.package,
    view: session.view,
    layers: session.layers,
    areas: session.areas,
    selectedId: session.selectedId,
    scenario: session.scenario,
    scenes: session.scenes,
    language: session.language,
  };
}

/**
 * The workshop file as UTF-8 JSON text, keys in the order of DESIGN.md 9 (`format` first, so the
 * first bytes say what the file is), one area per line so a large file stays readable.
 */
export function formatWorkshopFile(session: SessionContent): string {
  const { areas, selectedId, scenario, scenes, language, ...head } = workshopFileOf(session);
  const start = JSON.stringify(head).slice(0, -1);
  const end = JSON.stringify({ selectedId, scenario, scenes, language }).slice(1);
  const lines = areas.map((area) => JSON.stringify(area));
  return `${start},"areas":[\n${lines.join(',\n')}\n],${end}\n`;
}
