import { BASE_LAYER_IDS, type BaseLayerId } from '../../src/core/raster/classes';
import { takesUnit, unitFactor } from '../../src/core/raster/user-units';
import { fail, ok, type Result } from '../../src/core/result';
import type { Language } from './messages';

export type OutputFormat = 'json' | 'csv' | 'table';
const FORMATS: readonly OutputFormat[] = ['json', 'csv', 'table'];
const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** One `--layer <id>=<path or URL>`, with its `--unit` and `--band` (DESIGN.md 8.2). */
export interface LayerArgument {
  id: BaseLayerId;
  location: string;
  /** `--unit <id>=<token>`: a unit token of 8.2 (continuous roles only). */
  unit?: string;
  /** `--band <id>=<n>`: 1-based band of a multi-band raster. */
  band?: number;
}

/** The command line of DESIGN.md 7.1, read. */
export interface CliOptions {
  /** The areas file; null when only `--municipality` areas are analysed. */
  areasFile: string | null;
  /** `--municipality <code>` (repeatable): shipped 2022 CBS outlines (DESIGN.md 8.3). */
  municipalities: string[];
  layers: LayerArgument[];
  /** `--package <dir|zip|url>`: a data package (DESIGN 8.1); null for the demo. */
  package: string | null;
  scenarioFile: string | null;
  format: OutputFormat;
  language: Language;
  out: string | null;
}

/** Options and the format/language to report in, even when the options are wrong. */
export interface ParsedCommandLine {
  format: OutputFormat;
  language: Language;
  /** `--help` or `-h`: print the usage and stop. */
  help: boolean;
  options: Result<CliOptions>;
}

const VALUE_OPTIONS: Record<string, string> = {
  '--layer': 'carbon-stock=voorraad.tif',
  '--scenario': 'scenario.json',
  '--format': 'json',
  '--lang': 'en',
  '--out': 'resultaat.json',
  '--municipality': 'GM0344',
  '--package': 'pakket.zip',
  '--unit': 'carbon-stock=kg/m2',
  '--band': 'carbon-stock=1',
};

/** Splits `--name=value` and `--name value` into pairs; positional arguments keep name null. */
function tokens(argv: readonly string[]): Result<Array<[name: string | null, value: string]>> {
  const out: Array<[string | null, string]> = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (!arg.startsWith('--') || arg === '-') {
      out.push([null, arg]);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    const example = VALUE_OPTIONS[name];
    if (example === undefined) return fail('usage', 'errors.usageUnknownOption', { option: name });
    if (equals > 0) {
      out.push([name, arg.slice(equals + 1)]);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) {
      return fail('usage', 'errors.usageMissingValue', { option: name, example });
    }
    out.push([name, value]);
    i++;
  }
  return ok(out);
}

function lastValue(argv: readonly string[], name: string): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === name) found = argv[i + 1];
    else if (arg.startsWith(`${name}=`)) found = arg.slice(name.length + 1);
  });
  return found;
}

/** Reads the command line; errors are kind `usage` (exit 2). */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const requestedFormat = lastValue(argv, '--format');
  const requestedLanguage = lastValue(argv, '--lang');
  const format = FORMATS.find((f) => f === requestedFormat) ?? 'table';
  const language = LANGUAGES.find((l) => l === requestedLanguage) ?? 'nl';
  const help = argv.includes('--help') || argv.includes('-h');
  return { format, language, help, options: readOptions(argv, format, language) };
}

function readOptions(
  argv: readonly string[],
  format: OutputFormat,
  language: Language,
): Result<CliOptions> {
  const pairs = tokens(argv);
  if (!pairs.ok) return pairs;
  const positional: string[] = [];
  const layers: LayerArgument[] = [];
  const municipalities: string[] = [];
  let scenarioFile: string | null = null;
  let out: string | null = null;
  let packageLocation: string | null = null;
  const extras: Array<{ option: '--unit' | '--band'; id: string; value: string; raw: string }> = [];
  for (const [name, value] of pairs.value) {
    switch (name) {
      case null:
        positional.push(value);
        break;
      case '--format':
        if (!FORMATS.includes(value as OutputFormat)) {
          return fail('usage', 'errors.usageFormat', { value });
        }
        break;
      case '--lang':
        if (!LANGUAGES.includes(value as Language))
          return fail('usage', 'errors.usageLang', { value });
        break;
      case '--scenario':
        scenarioFile = value;
        break;
      case '--out':
        out = value;
        break;
      case '--municipality':
        municipalities.push(value);
        break;
      case '--package':
        packageLocation = value;
        break;
      case '--unit':
      case '--band': {
        const equals = value.indexOf('=');
        if (equals <= 0 || equals === value.length - 1) {
          return fail(
            'usage',
            name === '--unit' ? 'errors.usageUnitSyntax' : 'errors.usageBandSyntax',
            {
              value,
            },
          );
        }
        extras.push({
          option: name,
          id: value.slice(0, equals),
          value: value.slice(equals + 1),
          raw: value,
        });
        break;
      }
      case '--layer': {
        const layer = readLayer(value);
        if (!layer.ok) return layer;
        if (layers.some((l) => l.id === layer.value.id)) {
          return fail('usage', 'errors.duplicateLayer', { id: layer.value.id });
        }
        layers.push(layer.value);
        break;
      }
      default:
        return fail('usage', 'errors.usageUnknownOption', { option: name });
    }
  }
  if (positional.length === 0 && municipalities.length === 0) {
    return fail('usage', 'errors.usageAreasFile');
  }
  if (positional.length > 1) {
    return fail('usage', 'errors.usageExtraArgument', { argument: positional[1] as string });
  }
  const withExtras = applyUnitsAndBands(layers, extras);
  if (!withExtras.ok) return withExtras;
  const areasFile = positional[0] ?? null;
  return ok({
    areasFile,
    municipalities,
    layers,
    package: packageLocation,
    scenarioFile,
    format,
    language,
    out,
  });
}

function readLayer(value: string): Result<LayerArgument> {
  const equals = value.indexOf('=');
  if (equals <= 0 || equals === value.length - 1) {
    return fail('usage', 'errors.usageLayerSyntax', { value });
  }
  const id = value.slice(0, equals);
  if (!(BASE_LAYER_IDS as readonly string[]).includes(id)) {
    return fail('usage', 'errors.unknownLayer', { id, known: BASE_LAYER_IDS.join(', ') });
  }
  return ok({ id: id as BaseLayerId, location: value.slice(equals + 1) });
}

/** Puts each `--unit` and `--band` on its `--layer`; a unit on a class layer is a usage error. */
function applyUnitsAndBands(
  layers: LayerArgument[],
  extras: ReadonlyArray<{ option: '--unit' | '--band'; id: string; value: string; raw: string }>,
): Result<LayerArgument[]> {
  for (const extra of extras) {
    if (!(BASE_LAYER_IDS as readonly string[]).includes(extra.id)) {
      return fail('usage', 'errors.unknownLayer', {
        id: extra.id,
        known: BASE_LAYER_IDS.join(', '),
      });
    }
    const layer = layers.find((candidate) => candidate.id === extra.id);
    if (extra.option === '--unit') {
      if (!takesUnit(extra.id as BaseLayerId)) {
        return fail('usage', 'errors.usageUnitOnClassLayer', { id: extra.id });
      }
      if (unitFactor(extra.id as BaseLayerId, extra.value) === null) {
        return fail('usage', 'errors.usageUnitSyntax', { value: extra.raw });
      }
    } else if (!/^[1-9][0-9]{0,3}$/.test(extra.value)) {
      return fail('usage', 'errors.usageBandSyntax', { value: extra.raw });
    }
    if (!layer) {
      return fail('usage', 'errors.usageOptionWithoutLayer', {
        option: extra.option,
        id: extra.id,
      });
    }
    if (extra.option === '--unit') layer.unit = extra.value;
    else layer.band = Number(extra.value);
  }
  return ok(layers);
}
