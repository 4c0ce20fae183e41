import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fail, ok, type Result } from '../../src/core/result';
import type { CliOptions } from './options';

/** A --layer location that is a URL, not a file. */
const URL_LIKE = /^[a-z][a-z\d+.-]*:\/\//i;

/** The file's device and inode (the same through a symlink, a hard link or any path spelling). */
async function identity(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return null;
  }
}

/**
 * Refuses `--out` when it names one of the inputs (the areas file, a --layer file, the scenario
 * file, a --package zip), whether by the same path, another spelling (`./`, `..`), a symlink or a
 * hard link: writing the result would destroy the input. Checked before anything is read; kind
 * `usage`.
 */
export async function checkOutTarget(options: CliOptions): Promise<Result<null>> {
  if (options.out === null) return ok(null);
  const inputs: string[] = [
    ...(options.areasFile === null ? [] : [options.areasFile]),
    ...options.layers
      .filter((layer) => !URL_LIKE.test(layer.location))
      .map((layer) => layer.location),
    ...(options.scenarioFile === null ? [] : [options.scenarioFile]),
    ...(options.package === null || URL_LIKE.test(options.package) ? [] : [options.package]),
  ];
  const out = options.out;
  const outIdentity = await identity(out);
  for (const input of inputs) {
    const same =
      resolve(out) === resolve(input) ||
      (outIdentity !== null && outIdentity === (await identity(input)));
    if (same) return fail('usage', 'errors.outIsInput', { out, file: input });
  }
  return ok(null);
}
