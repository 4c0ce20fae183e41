import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lookup } from './lib/messages';
import { run } from './lib/run';

/**
 * The bad-input corpus (test/fixtures/bad-input/expected.json) through `npm run analyze`: every
 * refused file exits 2 with its DESIGN.md 7.2 kind and the corpus's message in the chosen language;
 * every awkward-but-usable file exits 0 with its areas and notices.
 */
const corpus = resolve(import.meta.dirname, '../test/fixtures/bad-input');

interface Case {
  file: string;
  outcome: 'error' | 'ok';
  kind?: string;
  code?: string;
  areas?: number;
}

const cases = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')) as Case[];

interface JsonOut {
  error?: { kind: string; message: string };
  areas?: unknown[];
  warnings?: { kind: string }[];
}

async function analyze(file: string, language: 'nl' | 'en') {
  const outcome = await run([join(corpus, file), '--format', 'json', '--lang', language]);
  return { code: outcome.code, json: JSON.parse(outcome.stdout) as JsonOut };
}

/** The fixed part of a message (before its first placeholder), to find it in the output. */
function stem(language: 'nl' | 'en', code: string): string {
  const text = lookup(language, code);
  expect(text, `${code} has a ${language} text`).not.toBeNull();
  return (text as string).split('{{')[0]?.trim().slice(0, 40) ?? '';
}

describe('refused files exit 2 with their kind and message', () => {
  for (const item of cases.filter((each) => each.outcome === 'error')) {
    test(item.file, async () => {
      for (const language of ['nl', 'en'] as const) {
        const { code, json } = await analyze(item.file, language);
        expect(code).toBe(2);
        expect(json.error?.kind).toBe(item.kind);
        const fixed = stem(language, item.code as string);
        expect(fixed.length).toBeGreaterThan(10);
        expect(json.error?.message).toContain(fixed);
      }
    });
  }
});

describe('awkward but usable files are analysed with their notices', () => {
  for (const item of cases.filter((each) => each.outcome === 'ok')) {
    test(item.file, async () => {
      const { code, json } = await analyze(item.file, 'en');
      expect(code).toBe(0);
      expect(json.areas?.length).toBe(item.areas);
      if (item.kind) expect(json.warnings?.map((w) => w.kind)).toContain(item.kind);
    });
  }
});
