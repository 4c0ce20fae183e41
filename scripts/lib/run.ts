import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { analyzeAreas } from '../../src/core/engine/analyze';
import type { AnalysisArea } from '../../src/core/engine/types';
import type { Scenario } from '../../src/core/estimate/scenario';
import { DEFAULT_SCENARIO } from '../../src/core/estimate/scenario';
import { decodeScenarioBytes, parseScenario } from '../../src/core/estimate/scenario-file';
import { FetchError } from '../../src/core/net/fetch-error';
import { DEFAULT_LIMITS, parseAreasFile } from '../../src/core/parse/index';
import type { ParsedFile } from '../../src/core/parse/types';
import { RasterRefusal } from '../../src/core/raster/raster-limits';
import { type AppError, fail, ok, type Result } from '../../src/core/result';
import { formatCsv } from './format-csv';
import { formatJson, formatJsonError } from './format-json';
import { formatTable } from './format-table';
import { argumentLayers, catalogueLayers, DEMO_CATALOGUE, type LoadedLayers } from './layers';
import { type Language, messageOf, t } from './messages';
import { municipalityAreas } from './municipalities';
import { type CliOptions, parseCommandLine } from './options';
import { checkOutTarget } from './out-target';
import type { Output, OutputWarning, RunContext } from './output-types';
import { packageLayers } from './package-layers';
import { readBounded } from './read-bounded';
import { terminalText } from './terminal-text';

/** What a run printed and how it ended (exit code of DESIGN.md 7.1). */
export interface RunOutcome {
  stdout: string;
  stderr: string;
  code: 0 | 1 | 2;
}

export interface RunEnvironment {
  /** Receives stderr text as it is written (progress), besides collecting it. */
  onStderr?: (text: string) => void;
  /** Catalogue used without --layer; default data/demo/catalogue.json. */
  catalogue?: string;
}

class Failure extends Error {
  constructor(readonly error: AppError) {
    super(error.code);
  }
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Failure(result.error);
  return result.value;
}

/** A scenario file is a few hundred bytes; 1 MiB is ample. */
const MAX_SCENARIO_BYTES = 1024 * 1024;

async function readScenario(file: string | null): Promise<Result<Scenario>> {
  if (file === null) return ok(DEFAULT_SCENARIO);
  // Bounded like the areas file: `--scenario /dev/zero` must not grow without end.
  const read = await readBounded(
    file,
    MAX_SCENARIO_BYTES,
    'errors.scenarioUnreadable',
    'errors.scenarioTooLarge',
  );
  if (!read.ok) {
    const { kind, code, params } = read.error;
    return kind === 'too-large'
      ? fail(kind, code, params)
      : fail('usage', 'errors.scenarioUnreadable', { file });
  }
  const text = decodeScenarioBytes(read.value);
  if (!text.ok) return fail('usage', text.error.code, { file });
  let json: unknown;
  try {
    json = JSON.parse(text.value);
  } catch {
    return fail('usage', 'errors.scenarioJson', { file });
  }
  return parseScenario(json);
}

/** The areas file, refused as too-large before it is read beyond the import limit. */
function readAreas(file: string): Promise<Result<Uint8Array>> {
  return readBounded(file, DEFAULT_LIMITS.maxBytes, 'errors.areasUnreadable');
}

/**
 * `npm run analyze` in-process: reads the areas, the layers (demo or --layer) and the scenario,
 * runs the engine and formats the result. Never throws; faults become exit 1.
 */
export async function run(argv: readonly string[], env: RunEnvironment = {}): Promise<RunOutcome> {
  const commandLine = parseCommandLine(argv);
  const { format, language } = commandLine;
  let stderr = '';
  const log = (text: string) => {
    // Names and file names reach stderr through messages: no escape sequences (terminal-text.ts).
    const line = `${terminalText(text)}\n`;
    stderr += line;
    env.onStderr?.(line);
  };
  if (commandLine.help) return { stdout: `${t(language, 'cli.help')}\n`, stderr: '', code: 0 };
  try {
    const options = unwrap(commandLine.options);
    const stdout = await analyze(options, env, log);
    return { stdout, stderr, code: 0 };
  } catch (caught) {
    // A URL that fails while the rasters are read (after opening) is the user's input: exit 2.
    const fetchError = caught instanceof FetchError ? caught.appError : null;
    // So is a raster refused while it is read (damaged or cut-off data, too large a window).
    const rasterError: AppError | null =
      caught instanceof RasterRefusal
        ? { kind: caught.kind, code: caught.code, params: caught.params }
        : null;
    const error: AppError =
      caught instanceof Failure
        ? caught.error
        : (fetchError ??
          rasterError ?? {
            kind: 'internal',
            code: 'errors.internal',
            params: { detail: caught instanceof Error ? caught.message : String(caught) },
          });
    const detail = error.kind === 'internal' ? error.params?.detail : undefined;
    const message = messageOf(language, error) + (detail ? ` (${detail})` : '');
    log(message);
    if (error.kind === 'internal' && caught instanceof Error && caught.stack) log(caught.stack);
    const code = error.kind === 'internal' ? 1 : 2;
    return { stdout: format === 'json' ? formatJsonError(error.kind, message) : '', stderr, code };
  }
}

/** The areas file read and parsed, or no areas when only `--municipality` is given. */
async function readAreasFile(
  file: string | null,
  language: Language,
  log: (text: string) => void,
): Promise<Pick<ParsedFile, 'areas' | 'notes'>> {
  if (file === null) return { areas: [], notes: [] };
  log(t(language, 'cli.reading', { file }));
  const bytes = unwrap(await readAreas(file));
  return unwrap(await parseAreasFile({ name: basename(file), bytes }));
}

async function analyze(
  options: CliOptions,
  env: RunEnvironment,
  log: (text: string) => void,
): Promise<string> {
  const { language } = options;
  const started = performance.now();
  unwrap(await checkOutTarget(options));
  const scenario = unwrap(await readScenario(options.scenarioFile));
  const parsed = await readAreasFile(options.areasFile, language, log);
  // Shipped outlines after the file's areas; checked before any layer is opened.
  const municipal = unwrap(
    await municipalityAreas(
      options.municipalities,
      parsed.areas.reduce((last, area) => Math.max(last, area.feature), 0) + 1,
    ),
  );
  const loaded: LoadedLayers = unwrap(
    options.package !== null
      ? await packageLayers(
          options.package,
          unwrap(await argumentLayers(options.layers, language)).layers,
          language,
        )
      : options.layers.length > 0
        ? await argumentLayers(options.layers, language)
        : await catalogueLayers(resolve(env.catalogue ?? DEMO_CATALOGUE), language),
  );
  const areas: AnalysisArea[] = parsed.areas.map((area) => ({
    id: area.id,
    name: area.name,
    rd: area.rd,
    feature: area.feature,
  }));
  areas.push(...municipal);
  const layerIds = loaded.layers.map((layer) => layer.id);
  log(t(language, 'cli.analysing', { count: areas.length, layers: layerIds.join(', ') }));
  let reported = 0;
  const result = await analyzeAreas(areas, loaded.layers, scenario, {
    onProgress: (done, total) => {
      const percent = total > 0 ? Math.floor((done / total) * 4) * 25 : 100;
      if (percent > reported && percent < 100) {
        reported = percent;
        log(t(language, 'cli.progress', { percent }));
      }
    },
  });
  const warnings: OutputWarning[] = [...parsed.notes, ...result.warnings].map((note) => ({
    kind: note.kind,
    message: messageOf(language, note),
    feature: note.feature ?? null,
  }));
  const output: Output = { areas: result.areas, warnings };
  const context: RunContext = {
    layerIds,
    method: scenario.method,
    horizonYears: scenario.horizon_years,
    source: loaded.source,
    synthetic: loaded.synthetic,
    provenance: loaded.provenance,
  };
  const text = render(output, context, options.format, language);
  log(t(language, 'cli.done', { seconds: ((performance.now() - started) / 1000).toFixed(1) }));
  if (options.out === null) return text;
  try {
    await writeFile(options.out, text, 'utf8');
  } catch {
    throw new Failure({
      kind: 'usage',
      code: 'errors.outUnwritable',
      params: { file: options.out },
    });
  }
  log(t(language, 'cli.written', { file: options.out }));
  return '';
}

function render(
  output: Output,
  context: RunContext,
  format: CliOptions['format'],
  language: Language,
): string {
  switch (format) {
    case 'json':
      return formatJson(output, context.provenance);
    case 'csv':
      return formatCsv(output, context, language);
    case 'table':
      return formatTable(output, context, language);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
