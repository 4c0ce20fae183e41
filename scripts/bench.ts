/**
 * Runs every benchmark in test/bench/*.bench.ts and prints a table, or with --json one JSON object
 * per line (DESIGN.md 7.3). Logs go to stderr. Usage: npm run bench [-- --json] [-- --only name,...]
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type PreviewServer, preview } from 'vite';
import { type BenchFigure, type Benchmark, ratioOf } from '../test/bench/bench-kit';

const root = resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? (process.argv[onlyIndex + 1] ?? '').split(',') : null;
const log = (message: string) => process.stderr.write(`${message}\n`);
const BENCH_PORT = Number(process.env.KK_BENCH_PORT ?? 4182);

async function loadBenchmarks(): Promise<Benchmark[]> {
  const dir = join(root, 'test/bench');
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
  const all: Benchmark[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as {
      benchmarks?: Benchmark[];
    };
    all.push(...(module.benchmarks ?? []));
  }
  return only ? all.filter((bench) => only.includes(bench.name)) : all;
}

function format(value: number | null): string {
  if (value === null) return '-';
  return Math.abs(value) >= 1000 ? value.toExponential(3) : value.toPrecision(4);
}

async function main(): Promise<void> {
  const benchmarks = await loadBenchmarks();
  let server: PreviewServer | undefined;
  if (benchmarks.some((bench) => bench.needsBuild)) {
    log('bench: building the production app');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
      cwd: root,
      stdio: ['ignore', 2, 2],
    });
    server = await preview({
      root,
      preview: { port: BENCH_PORT, strictPort: true, host: '127.0.0.1' },
      logLevel: 'error',
    });
  }
  const figures: BenchFigure[] = [];
  let failed = false;
  for (const bench of benchmarks) {
    log(`bench: ${bench.name}`);
    try {
      const results = await bench.run({ baseUrl: `http://127.0.0.1:${BENCH_PORT}`, log });
      for (const figure of results) {
        figures.push(figure);
        const line = {
          name: figure.name,
          value: figure.value,
          unit: figure.unit,
          baseline: figure.baseline,
          ratio: ratioOf(figure),
        };
        if (json) process.stdout.write(`${JSON.stringify(line)}\n`);
      }
    } catch (error) {
      failed = true;
      log(`bench: ${bench.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  await server?.close();
  if (!json) {
    const rows = figures.map((f) => [
      f.name,
      format(f.value),
      f.unit,
      format(f.baseline),
      format(ratioOf(f)),
      f.target ?? '',
      f.note ?? '',
    ]);
    const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'target', 'note'];
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)),
    );
    const print = (cells: string[]) =>
      process.stdout.write(`${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}\n`);
    print(header);
    for (const row of rows) print(row);
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
