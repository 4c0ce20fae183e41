/** The `data` command line (DESIGN.md 8.4): options read, the build run, messages on stderr. */
import type { MessageParams } from '../../../src/core/result';
import { fetchLimitsFromEnv } from '../fetch-env';
import { type Language, messageOf, t } from '../messages';
import { type BuildOptions, buildPackage } from './build';
import { openExtraSource } from './open-extra';

const VALUE = [
  '--municipality',
  '--out',
  '--soil',
  '--bgt',
  '--brp',
  '--outline',
  '--lang',
  '--cache',
];
const FLAGS = ['--force', '--offline', '--help', '-h'];

type Parsed =
  | { ok: true; options: BuildOptions & { cache?: string }; language: Language; help: boolean }
  | { ok: false; code: string; params: MessageParams; language: Language };

export function parseDataArgs(args: readonly string[]): Parsed {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const langAt = args.indexOf('--lang');
  const language: Language = args[langAt + 1] === 'en' && langAt >= 0 ? 'en' : 'nl';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (FLAGS.includes(arg)) flags.add(arg);
    else if (VALUE.includes(arg)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) {
        return { ok: false, code: 'builder.optionValue', params: { option: arg }, language };
      }
      values[arg] = value;
      i++;
    } else return { ok: false, code: 'builder.optionUnknown', params: { option: arg }, language };
  }
  const help = flags.has('--help') || flags.has('-h');
  if (!help && (!values['--municipality'] || !values['--out'])) {
    return { ok: false, code: 'builder.usage', params: {}, language };
  }
  return {
    ok: true,
    help,
    language,
    options: {
      municipality: values['--municipality'] ?? '',
      out: values['--out'] ?? '',
      soil: values['--soil'],
      bgt: values['--bgt'],
      brp: values['--brp'],
      outline: values['--outline'],
      force: flags.has('--force'),
      offline: flags.has('--offline'),
      cache: values['--cache'],
      command: `npm run -s data -- ${args.join(' ')}`,
    },
  };
}

/** Runs the command; returns the exit code. */
export async function runDataCommand(
  args: readonly string[],
  stderr: (text: string) => void,
): Promise<number> {
  const parsed = parseDataArgs(args);
  if (!parsed.ok) {
    stderr(`${t(parsed.language, parsed.code, parsed.params)}\n`);
    if (parsed.code !== 'builder.usage') stderr(`${t(parsed.language, 'builder.usage')}\n`);
    return 2;
  }
  const { language } = parsed;
  if (parsed.help) {
    stderr(`${t(language, 'builder.usage')}\n`);
    return 0;
  }
  const limits = fetchLimitsFromEnv(process.env);
  if (!limits.ok) {
    stderr(`${messageOf(language, limits.error)}\n`);
    return 2;
  }
  try {
    const started = performance.now();
    const built = await buildPackage({
      ...parsed.options,
      progress: (line) => stderr(`data: ${line}\n`),
      openOther: (location, id, layer) =>
        openExtraSource(location, id, layer, {
          offline: parsed.options.offline === true,
          cacheDir: parsed.options.cache,
          limits: limits.value,
          progress: (line) => stderr(`data: ${line}\n`),
        }),
    });
    if (!built.ok) {
      for (const problem of built.failure.problems) {
        stderr(`${t(language, problem.code, problem.params)}\n`);
      }
      return built.failure.kind === 'internal' ? 1 : 2;
    }
    stderr(
      `${t(language, 'builder.done', {
        name: built.report.municipality.name,
        code: built.report.municipality.code,
        out: parsed.options.out,
        files: built.files.length,
        seconds: ((performance.now() - started) / 1000).toFixed(1),
      })}\n`,
    );
    return 0;
  } catch (error) {
    stderr(`internal: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
