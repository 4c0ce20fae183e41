import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { syntheticWorkshop } from '../../../test/support/synthetic-workshop';
import {
  base64UrlDecode,
  base64UrlEncode,
  decodeShareFragment,
  encodeShareFragment,
  MAX_SHARE_JSON_BYTES,
  roundedWorkshop,
} from './share-link';
import { classifyJson, looksLikeWorkshopFile, migrateWorkshop } from './workshop-json';

const workshop = syntheticWorkshop(3, 20, 2);

describe('base64url', () => {
  test.each([0, 1, 2, 3, 4, 5, 255, 1000])('round trip of %i bytes', (length) => {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);
    const text = base64UrlEncode(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(text).toBe(Buffer.from(bytes).toString('base64url'));
    expect(base64UrlDecode(text)).toEqual(bytes);
  });

  test('refuses characters outside the alphabet, padding and impossible lengths', () => {
    expect(base64UrlDecode('ab+c')).toBeNull();
    expect(base64UrlDecode('abc=')).toBeNull();
    expect(base64UrlDecode('abcde')).toBeNull();
    expect(base64UrlDecode('ab c')).toBeNull();
  });
});

describe('share link', () => {
  test('is #s=1. + base64url of the raw DEFLATE of the JSON, coordinates to 7 decimals', () => {
    const fragment = encodeShareFragment(workshop);
    expect(fragment).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/);
    const bytes = Buffer.from(fragment.slice('#s=1.'.length), 'base64url');
    const json = JSON.parse(new TextDecoder().decode(inflateSync(bytes)));
    expect(Object.keys(json)).toEqual([
      'format',
      'version',
      'package',
      'view',
      'layers',
      'areas',
      'selectedId',
      'scenario',
      'scenes',
      'language',
    ]);
    expect(json.format).toBe('koolstofkaart-workshop');
    const numbers = JSON.stringify(json.areas).match(/-?\d+\.\d+/g) ?? [];
    expect(numbers.length).toBeGreaterThan(100);
    for (const number of numbers) expect(number.split('.')[1]?.length).toBeLessThanOrEqual(7);
  });

  test('round trip gives the rounded workshop object', () => {
    const decoded = decodeShareFragment(encodeShareFragment(workshop));
    expect(decoded.ok && decoded.value).toEqual(roundedWorkshop(workshop));
    // Also without the '#'.
    const bare = decodeShareFragment(encodeShareFragment(workshop).slice(1));
    expect(bare.ok).toBe(true);
  });

  test('a changed character or a cut link is unreadable', () => {
    const fragment = encodeShareFragment(workshop);
    const middle = Math.floor(fragment.length / 2);
    const swap = fragment[middle] === 'A' ? 'B' : 'A';
    const tampered = fragment.slice(0, middle) + swap + fragment.slice(middle + 1);
    for (const bad of [
      tampered,
      fragment.slice(0, -10),
      fragment.slice(0, middle),
      `${fragment.slice(0, middle)}!${fragment.slice(middle + 1)}`,
      '#s=1.',
      '#s=',
      '#s=abc',
      '#x=1.abc',
    ]) {
      const result = decodeShareFragment(bad);
      expect(result.ok, bad.slice(0, 40)).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ kind: 'unreadable' });
    }
  });

  test('every single-character change is refused or decodes to different JSON, never throws', () => {
    const fragment = encodeShareFragment(syntheticWorkshop(1, 8, 1));
    for (let i = 5; i < fragment.length; i += 7) {
      const swap = fragment[i] === 'Q' ? 'R' : 'Q';
      const result = decodeShareFragment(fragment.slice(0, i) + swap + fragment.slice(i + 1));
      if (result.ok) expect(result.value).not.toEqual(syntheticWorkshop(1, 8, 1));
    }
  });

  test('a later link version is unsupported and names it', () => {
    const fragment = encodeShareFragment(workshop).replace('#s=1.', '#s=2.');
    expect(decodeShareFragment(fragment)).toEqual({
      ok: false,
      error: { kind: 'unsupported', code: 'share.linkNewer', params: { version: 2 } },
    });
  });

  test('JSON beyond the inflate limit is refused as too-large without inflating it all', () => {
    const bomb = new Uint8Array(MAX_SHARE_JSON_BYTES + 1024).fill(0x20);
    const fragment = `#s=1.${base64UrlEncode(deflateSync(bomb, { level: 9 }))}`;
    expect(fragment.length).toBeLessThan(20_000);
    const result = decodeShareFragment(fragment);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('too-large');
  });

  test('valid DEFLATE of something that is not JSON is unreadable', () => {
    const fragment = `#s=1.${base64UrlEncode(deflateSync(new TextEncoder().encode('not json')))}`;
    const result = decodeShareFragment(fragment);
    expect(!result.ok && result.error.kind).toBe('unreadable');
  });
});

describe('workshop JSON', () => {
  test('classifies a .json by its content', () => {
    expect(classifyJson(workshop)).toBe('workshop');
    expect(classifyJson({ f_c: 0.5, measures: {} })).toBe('scenario');
    expect(classifyJson({ type: 'FeatureCollection', features: [] })).toBe('geojson');
    expect(classifyJson({})).toBe('geojson');
    expect(classifyJson([1])).toBe('geojson');
    expect(classifyJson({ f_c: 0.5, type: 'Feature' })).toBe('geojson');
  });

  test('a workshop file says so in its first bytes', () => {
    expect(looksLikeWorkshopFile('\uFEFF{"format":"koolstofkaart-workshop","version":1')).toBe(
      true,
    );
    expect(looksLikeWorkshopFile('{"type":"FeatureCollection"')).toBe(false);
  });

  test('version 1 passes; later versions are refused naming the version; others unreadable', () => {
    expect(migrateWorkshop(workshop).ok).toBe(true);
    expect(migrateWorkshop({ ...workshop, version: 3 })).toEqual({
      ok: false,
      error: {
        kind: 'unsupported',
        code: 'share.workshopNewer',
        params: { version: 3, supported: 1 },
      },
    });
    for (const bad of [null, [], {}, { ...workshop, format: 'x' }, { ...workshop, version: '1' }]) {
      const result = migrateWorkshop(bad);
      expect(!result.ok && result.error.kind).toBe('unreadable');
    }
  });
});
