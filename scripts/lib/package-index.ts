import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PackageIndexEntry, packageIndexEntry } from '../../src/core/package/package-index';
import { validateCatalogue } from '../../src/core/raster/catalogue';

/**
 * The packages shipped in data/: the demo (data/demo) first, then every data/packages/<id>/ with a
 * catalogue.json, by folder name. Catalogue paths are relative to data/packages/index.json.
 * A folder whose catalogue is not a valid package is an error: the build must not ship it.
 */
export function packageIndex(dataDir: string): PackageIndexEntry[] {
  const folders: [string, string][] = [['demo', '../demo/catalogue.json']];
  const packagesDir = join(dataDir, 'packages');
  if (existsSync(packagesDir))
    for (const name of readdirSync(packagesDir).sort())
      if (existsSync(join(packagesDir, name, 'catalogue.json')))
        folders.push([join('packages', name), `${name}/catalogue.json`]);
  return folders.map(([folder, path]) => {
    const file = join(dataDir, folder, 'catalogue.json');
    const checked = validateCatalogue(JSON.parse(readFileSync(file, 'utf8')), { package: true });
    if (!checked.ok)
      throw new Error(`${file} is not a valid package: ${JSON.stringify(checked.error.params)}`);
    return packageIndexEntry(checked.value, path);
  });
}

/** data/packages/index.json as written by the build. */
export function packageIndexJson(dataDir: string): string {
  return `${JSON.stringify(packageIndex(dataDir), null, 1)}\n`;
}
