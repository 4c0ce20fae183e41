import { formatWorkshopFile, WORKSHOP_EXTENSION } from '../../core/session/workshop-file';
import { sessionOf } from '../../state/persist';
import type { AppState } from '../../state/store';

/** `koolstofkaart-workshop-<date>.koolstofkaart.json` (DESIGN.md 9). */
export function workshopFileName(now = new Date()): string {
  return `koolstofkaart-workshop-${now.toISOString().slice(0, 10)}${WORKSHOP_EXTENSION}`;
}

/** The workshop file of the session on screen, as UTF-8 JSON text. */
export function workshopFileText(state: AppState): string {
  return formatWorkshopFile(sessionOf(state));
}
