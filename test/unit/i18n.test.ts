import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../src/i18n');

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

function load(language: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of readdirSync(join(root, language)).filter((f) => f.endsWith('.json'))) {
    out[file] = keys(JSON.parse(readFileSync(join(root, language, file), 'utf8'))).sort();
  }
  return out;
}

test('Dutch and English have the same files and the same keys', () => {
  const nl = load('nl');
  const en = load('en');
  expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  for (const file of Object.keys(nl)) {
    expect({ file, keys: en[file] }).toEqual({ file, keys: nl[file] });
  }
});

test('no text is empty', () => {
  for (const language of ['nl', 'en']) {
    for (const file of readdirSync(join(root, language))) {
      const texts = JSON.parse(readFileSync(join(root, language, file), 'utf8'));
      const walk = (value: unknown): void => {
        if (typeof value === 'string') expect(value.trim().length).toBeGreaterThan(0);
        else if (value && typeof value === 'object') Object.values(value).forEach(walk);
      };
      walk(texts);
    }
  }
});
