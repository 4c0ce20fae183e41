import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

/** Every message key the parser can return exists in Dutch and English, with the same parameters. */
const here = import.meta.dirname;
const i18n = resolve(here, '../../i18n');
const nl: Record<string, string> = JSON.parse(readFileSync(`${i18n}/nl/import.json`, 'utf8'));
const en: Record<string, string> = JSON.parse(readFileSync(`${i18n}/en/import.json`, 'utf8'));

const source = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => readFileSync(`${here}/${file}`, 'utf8'))
  .join('\n');
const used = new Set([...source.matchAll(/'import\.(\w+)'/g)].map((match) => match[1] as string));

/** i18next plural suffixes: a key used as `x` may be written as `x_one` and `x_other`. */
const PLURAL = /_(zero|one|two|few|many|other)$/;

function hasText(texts: Record<string, string>, key: string): boolean {
  if (typeof texts[key] === 'string') return true;
  return typeof texts[`${key}_one`] === 'string' && typeof texts[`${key}_other`] === 'string';
}

test('every key the parser uses exists in both languages', () => {
  expect(used.size).toBeGreaterThan(30);
  for (const key of used) {
    expect(hasText(nl, key), `nl import.${key}`).toBe(true);
    expect(hasText(en, key), `en import.${key}`).toBe(true);
  }
});

test('no text is left unused', () => {
  expect(Object.keys(nl).filter((key) => !used.has(key.replace(PLURAL, '')))).toEqual([]);
});

test('both languages interpolate the same parameters', () => {
  const parameters = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(nl)) {
    expect({ key, en: parameters(en[key] ?? '') }).toEqual({ key, en: parameters(nl[key] ?? '') });
  }
});
