/**
 * `npm run -s data -- --municipality <GM code> --out <dir> [--soil …] [--bgt …] [--brp …]
 * [--outline …] [--force] [--offline] [--lang nl|en]` (DESIGN.md 8.4): builds a data package for
 * one municipality from the official open data. Progress and messages on stderr; exit 0 on
 * success, 2 when anything given cannot be used, 1 for an internal fault (as 7.1).
 */
import { resolve } from 'node:path';
import { runDataCommand } from './lib/builder/data-command';

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const code = await runDataCommand(process.argv.slice(2), (text) => process.stderr.write(text));
  process.exit(code);
}
