import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeHostileInputs } from '../../../scripts/hostile-input';
import { parseAreasFile } from './index';

/** The bad-input corpus (test/fixtures/bad-input, made by scripts/make-bad-input.ts). */
const root = resolve(import.meta.dirname, '../../../test/fixtures/bad-input');
const i18n = resolve(import.meta.dirname, '../../i18n');

interface Expectation {
  file: string;
  outcome: 'error' | 'ok';
  kind: string | null;
  code: string | null;
  areas?: number;
  featureNotes?: Array<[number, string]>;
  attribute?: { field: string; value: string };
}

const corpus: Expectation[] = JSON.parse(readFileSync(`${root}/expected.json`, 'utf8'));
const texts = {
  nl: JSON.parse(readFileSync(`${i18n}/nl/import.json`, 'utf8')) as Record<string, string>,
  en: JSON.parse(readFileSync(`${i18n}/en/import.json`, 'utf8')) as Record<string, string>,
};

function expectMessage(code: string): void {
  const key = code.replace(/^import\./, '');
  expect(code.startsWith('import.'), code).toBe(true);
  for (const language of ['nl', 'en'] as const) {
    const dictionary = texts[language];
    // A counted message is written as i18next plurals: `key_one` and `key_other`.
    const text = dictionary[key] ?? dictionary[`${key}_other`];
    expect(text, `${language} ${code}`).toBeTypeOf('string');
  }
}

test('the corpus has at least 25 files', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(25);
});

describe('bad-input corpus', () => {
  for (const c of corpus) {
    test(c.file, async () => {
      const bytes = new Uint8Array(readFileSync(`${root}/${c.file}`));
      const result = await parseAreasFile({ name: c.file, bytes });
      if (c.outcome === 'error') {
        expect(result.ok ? 'ok' : result.error).toMatchObject({ kind: c.kind, code: c.code });
        if (!result.ok) expectMessage(result.error.code);
        return;
      }
      expect(result.ok, JSON.stringify(result.ok ? null : result.error)).toBe(true);
      if (!result.ok) return;
      expect(result.value.areas.length).toBe(c.areas);
      if (c.kind) {
        expect(result.notes.map((n) => [n.kind, n.code])).toContainEqual([c.kind, c.code]);
      } else {
        expect(result.notes).toEqual([]);
      }
      for (const [feature, kind] of c.featureNotes ?? []) {
        expect(result.notes.filter((n) => n.feature === feature).map((n) => n.kind)).toContain(
          kind,
        );
      }
      for (const note of result.notes) expectMessage(note.code);
      if (c.attribute) {
        expect(result.value.areas[0]?.properties[c.attribute.field]).toBe(c.attribute.value);
      }
    });
  }
});

describe('hostile part of the corpus (generated, not committed): refused or read within 5 s each', () => {
  test('every case of scripts/hostile-input.ts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kk-hostile-parse-'));
    try {
      for (const c of writeHostileInputs(dir)) {
        const started = performance.now();
        const bytes = new Uint8Array(readFileSync(join(dir, c.file)));
        const result = await parseAreasFile({ name: c.file, bytes });
        expect(performance.now() - started, c.file).toBeLessThan(5000);
        if (c.outcome === 'error') {
          expect(result.ok ? 'ok' : result.error, c.file).toMatchObject({
            kind: c.kind,
            code: c.code,
          });
          if (!result.ok) expectMessage(result.error.code);
          continue;
        }
        expect(result.ok && result.value.areas.length, c.file).toBe(c.areas);
        if (!result.ok) continue;
        for (const [feature, kind] of c.featureNotes ?? []) {
          expect(result.notes.filter((n) => n.feature === feature).map((n) => n.kind)).toContain(
            kind,
          );
        }
        for (const note of result.notes) expectMessage(note.code);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
