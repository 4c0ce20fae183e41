import { parseScenario } from '../../core/estimate/scenario-file';
import { DEFAULT_LIMITS } from '../../core/parse/limits';
import type { AppError } from '../../core/result';
import { classifyJson, looksLikeWorkshopFile } from '../../core/session/workshop-json';
import { sharedMessage } from '../../state/shared-view';
import { store } from '../../state/store';
import { openWorkshopText } from './share-open';

/** A .json this large or smaller is read whole to see whether it is a scenario file. */
const MAX_SCENARIO_BYTES = 1024 * 1024;
const MB = 1024 * 1024;

/**
 * Opens a `.json` that is a workshop file (its state beside the own work) or a scenario file (the
 * scenario on screen). Returns false for anything else, which the areas import reads as GeoJSON
 * (DESIGN.md 9); null when the file was opened; the error when it was refused (nothing changed).
 */
export async function importSpecialJson(file: File): Promise<AppError | null | false> {
  const head = await file.slice(0, 4096).text();
  let kind = looksLikeWorkshopFile(head) ? 'workshop' : 'geojson';
  let value: unknown;
  if (kind === 'geojson' && file.size <= MAX_SCENARIO_BYTES) {
    try {
      value = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
      kind = classifyJson(value);
    } catch {
      return false;
    }
  }
  if (kind === 'geojson') return false;
  const name = file.name;
  if (kind === 'scenario') {
    const parsed = parseScenario(value);
    if (!parsed.ok) return parsed.error;
    store.getState().setScenario(parsed.value);
    sharedMessage('share.scenarioLoaded', { file: name });
    return null;
  }
  if (file.size > DEFAULT_LIMITS.maxBytes) {
    return {
      kind: 'too-large',
      code: 'import.fileTooLarge',
      params: {
        sizeMb: Math.ceil(file.size / MB),
        maxMb: Math.floor(DEFAULT_LIMITS.maxBytes / MB),
      },
    };
  }
  return openWorkshopText(await file.text(), name);
}
