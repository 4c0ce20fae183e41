import { parseScenario } from '../../core/estimate/scenario-file';
import { DEFAULT_LIMITS } from '../../core/parse/limits';
import { classifyJson, looksLikeWorkshopFile } from '../../core/session/workshop-json';
import { sharedMessage } from '../../state/shared-view';
import { store } from '../../state/store';
import { importState } from '../import/import-run';
import { openWorkshopText } from './share-open';

/** A .json this large or smaller is read whole to see whether it is a scenario file. */
const MAX_SCENARIO_BYTES = 1024 * 1024;
const MB = 1024 * 1024;

/**
 * Opens a `.json` that is a workshop file (its state beside the own work) or a scenario file (the
 * scenario on screen); returns false for anything else, which the areas import reads as GeoJSON
 * (DESIGN.md 9). A refused file is reported in the import's status; nothing changes.
 */
export async function importSpecialJson(file: File): Promise<boolean> {
  const head = await file.slice(0, 4096).text();
  let kind: 'workshop' | 'scenario' | 'geojson' = looksLikeWorkshopFile(head)
    ? 'workshop'
    : 'geojson';
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
    if (!parsed.ok) {
      importState.setState(
        { phase: 'failed', file: name, error: parsed.error, canRepair: false },
        true,
      );
      return true;
    }
    store.getState().setScenario(parsed.value);
    importState.setState({ phase: 'idle' }, true);
    sharedMessage('share.scenarioLoaded', { file: name });
    return true;
  }
  if (file.size > DEFAULT_LIMITS.maxBytes) {
    const error = {
      kind: 'too-large' as const,
      code: 'import.fileTooLarge',
      params: {
        sizeMb: Math.ceil(file.size / MB),
        maxMb: Math.floor(DEFAULT_LIMITS.maxBytes / MB),
      },
    };
    importState.setState({ phase: 'failed', file: name, error, canRepair: false }, true);
    return true;
  }
  const error = await openWorkshopText(await file.text(), name);
  importState.setState(
    error ? { phase: 'failed', file: name, error, canRepair: false } : { phase: 'idle' },
    true,
  );
  return true;
}
