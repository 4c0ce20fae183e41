/**
 * `npm run -s analyze -- <areas file> [--layer <id>=<GeoTIFF>]... [--scenario <file>]
 * [--format json|csv|table] [--lang nl|en] [--out <file>]` (DESIGN.md 7.1). Stdout holds only the
 * result; progress and messages go to stderr.
 */
import { run } from './lib/run';

const outcome = await run(process.argv.slice(2), {
  onStderr: (text) => process.stderr.write(text),
});
process.stdout.write(outcome.stdout, () => process.exit(outcome.code));
