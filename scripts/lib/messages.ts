import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppError, ErrorKind, MessageParams, NoticeKind } from '../../src/core/result';

export type Language = 'nl' | 'en';

const I18N_DIR = fileURLToPath(new URL('../../src/i18n/', import.meta.url));
const cache = new Map<Language, Record<string, unknown>>();

/** All namespaces of one language: src/i18n/<lang>/<namespace>.json, as the app loads them. */
function texts(language: Language): Record<string, unknown> {
  const cached = cache.get(language);
  if (cached) return cached;
  const out: Record<string, unknown> = {};
  for (const file of readdirSync(`${I18N_DIR}${language}`)) {
    if (!file.endsWith('.json')) continue;
    out[file.slice(0, -5)] = JSON.parse(readFileSync(`${I18N_DIR}${language}/${file}`, 'utf8'));
  }
  cache.set(language, out);
  return out;
}

/** Replaces `{{name}}` (spaces allowed inside the braces) as i18next does; unknown names stay. */
export function interpolate(text: string, params: MessageParams = {}): string {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The text of `key` (`namespace.key`, nested with dots), or null when there is none. */
export function lookup(language: Language, key: string): string | null {
  let node: unknown = texts(language);
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : null;
}

/** The text of `key` with its parameters filled in; falls back to the key itself. */
export function t(language: Language, key: string, params?: MessageParams): string {
  const text = lookup(language, key) ?? pluralLookup(language, key, params?.count);
  return text === null ? key : interpolate(text, params);
}

/** i18next plural keys (`key_one`, `key_other`) chosen by `count`, as the app's i18next does. */
function pluralLookup(language: Language, key: string, count: unknown): string | null {
  if (typeof count !== 'number') return null;
  const form = new Intl.PluralRules(language).select(count);
  return lookup(language, `${key}_${form}`) ?? lookup(language, `${key}_other`);
}

/** `self-intersection` -> `errors.selfIntersection`: the generic message of a kind. */
export function kindKey(kind: ErrorKind | NoticeKind): string {
  return `errors.${kind.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}`;
}

/** Localized message of an error or note: its own code, else the generic text of its kind. */
export function messageOf(
  language: Language,
  error: Pick<AppError, 'code' | 'params'> & { kind: ErrorKind | NoticeKind },
): string {
  const own = lookup(language, error.code);
  const text = own ?? lookup(language, kindKey(error.kind)) ?? error.code;
  return interpolate(text, error.params);
}
