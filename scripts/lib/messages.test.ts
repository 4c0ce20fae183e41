import { expect, test } from 'vitest';
import { interpolate, kindKey, lookup, messageOf, t } from './messages';

test('interpolates {{name}} as i18next does, spaces allowed, unknown names kept', () => {
  expect(interpolate('a {{x}} b {{ y }} c {{z}}', { x: 1, y: 'two' })).toBe('a 1 b two c {{z}}');
});

test('reads the namespaced JSON texts of both languages', () => {
  expect(t('nl', 'errors.usageFormat', { value: 'xml' })).toContain('xml');
  expect(t('nl', 'errors.usageFormat', { value: 'xml' })).toContain('Kies json, csv of table');
  expect(t('en', 'errors.usageFormat', { value: 'xml' })).toContain('Choose json, csv or table');
  expect(t('en', 'cli.units.potentialHorizon', { years: 20 })).toBe('t CO2/20 yr');
  expect(lookup('en', 'errors.noSuchKey')).toBeNull();
});

test('every error and notice kind has a message of its own in both languages', () => {
  const kinds = [
    'empty',
    'no-polygons',
    'self-intersection',
    'unclosed-ring',
    'out-of-area',
    'unreadable',
    'unsupported',
    'too-large',
    'partial',
    'usage',
    'internal',
    'no-data',
    'reprojected',
    'ring-closed',
    'axes-swapped',
    'repaired',
    'cross-omitted',
  ] as const;
  for (const kind of kinds) {
    for (const language of ['nl', 'en'] as const) {
      expect({ kind, language, text: lookup(language, kindKey(kind)) !== null }).toEqual({
        kind,
        language,
        text: true,
      });
    }
  }
});

test('a code without a text falls back to the message of its kind', () => {
  const message = messageOf('en', { kind: 'no-polygons', code: 'import.notHereYet' });
  expect(message).toBe(t('en', 'errors.noPolygons'));
  expect(
    messageOf('nl', {
      kind: 'usage',
      code: 'errors.unknownLayer',
      params: { id: 'x', known: 'y' },
    }),
  ).toBe('Onbekende kaartlaag x. Kies een van: y.');
});

test('plural keys are chosen by count, as i18next does (issue 14)', () => {
  expect(t('nl', 'import.ringClosed', { count: 1 })).toMatch(/\(1 ring\)/);
  expect(t('nl', 'import.ringClosed', { count: 2 })).toMatch(/\(2 ringen\)/);
  expect(t('en', 'import.ringClosed', { count: 2 })).toMatch(/\(2 rings\)/);
});
