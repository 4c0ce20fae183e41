import { deflateSync, Inflate } from 'fflate';
import { fail, ok, type Result } from '../result';
import type { SessionArea } from './types';
import type { WorkshopFile } from './workshop-file';

/**
 * The share link of DESIGN.md 9: `#s=1.` + base64url (no padding) of the raw DEFLATE (RFC 1951)
 * of the UTF-8 JSON of the workshop object. Pure: no DOM, runs in Node for the benchmark.
 */

/** What a share fragment starts with. */
export const SHARE_PREFIX = '#s=';
/** Version of the link's encoding (the number before the dot). */
export const SHARE_LINK_VERSION = 1;
/** Longest link for which a QR code is offered (DESIGN.md 9). */
export const MAX_QR_LINK_CHARS = 2_000;
/**
 * Longest link the app offers (docs/reliability.md): longer ones are cut off by mail programs,
 * chat apps and some browsers; the workshop file is offered instead.
 */
export const MAX_SHARE_LINK_CHARS = 32_000;
/** Longest fragment read at all (a link pasted from elsewhere); longer is refused unread. */
export const MAX_SHARE_FRAGMENT_CHARS = 4 * 1024 * 1024;
/** Largest JSON a link may inflate to: inflating stops beyond it (a deflate bomb). */
export const MAX_SHARE_JSON_BYTES = 5 * 1024 * 1024;
/** Decimals of WGS84 coordinates in a link (about 1 cm). */
export const SHARE_DECIMALS = 7;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** base64url without padding (RFC 4648 section 5). */
export function base64UrlEncode(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const full = bytes.length - (bytes.length % 3);
  for (let i = 0; i < full; i += 3) {
    const n =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    chunk +=
      ALPHABET[(n >> 18) & 63] +
      ALPHABET[(n >> 12) & 63] +
      ALPHABET[(n >> 6) & 63] +
      ALPHABET[n & 63];
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = bytes.length - full;
  if (rest === 1) {
    const n = (bytes[full] as number) << 16;
    chunk += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = ((bytes[full] as number) << 16) | ((bytes[full + 1] as number) << 8);
    chunk += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  parts.push(chunk);
  return parts.join('');
}

/** Decodes base64url without padding; null when a character or the length cannot be base64url. */
export function base64UrlDecode(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? (DECODE[code] as number) : -1;
    if (digit < 0) return null;
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero in a canonical encoding: else the text was changed.
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return out.subarray(0, index);
}

const SCALE = 10 ** SHARE_DECIMALS;
const round = (value: number) => Math.round(value * SCALE) / SCALE;

function roundPositions(value: unknown): unknown {
  if (typeof value === 'number') return round(value);
  if (Array.isArray(value)) return value.map(roundPositions);
  return value;
}

/** An area with its WGS84 coordinates rounded to 7 decimals. */
function roundedArea(area: SessionArea): SessionArea {
  return {
    ...area,
    geometry: {
      ...area.geometry,
      coordinates: roundPositions(area.geometry.coordinates),
    } as SessionArea['geometry'],
  };
}

/** The workshop object as it goes into a link: coordinates (areas, views) to 7 decimals. */
export function roundedWorkshop(workshop: WorkshopFile): WorkshopFile {
  const roundView = <T extends { center: [number, number] } | null>(view: T): T =>
    view === null ? view : { ...view, center: [round(view.center[0]), round(view.center[1])] };
  return {
    ...workshop,
    view: roundView(workshop.view),
    areas: workshop.areas.map(roundedArea),
    scenes: workshop.scenes.map((scene) => ({ ...scene, view: roundView(scene.view) })),
  };
}

/** The link fragment (`#s=1.…`) of a workshop object. */
export function encodeShareFragment(workshop: WorkshopFile): string {
  const json = new TextEncoder().encode(JSON.stringify(roundedWorkshop(workshop)));
  const deflated = deflateSync(json, { level: 6 });
  return `${SHARE_PREFIX}${SHARE_LINK_VERSION}.${base64UrlEncode(deflated)}`;
}

/** True when a location's hash holds a share fragment. */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

class TooLarge extends Error {}

/** Raw DEFLATE, inflated only up to `maxBytes`; throws TooLarge beyond it, Error when corrupt. */
function boundedInflate(bytes: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw new TooLarge();
    chunks.push(chunk);
    if (final) ended = true;
  });
  inflate.push(bytes, true);
  // fflate may accept a stream cut at a block boundary: the last block must have been seen.
  if (!ended) throw new Error('truncated');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Reads a share fragment (`#s=1.…`, with or without the `#`) back into the JSON value it holds.
 * Tampered or truncated text, bad DEFLATE or bad JSON → `unreadable`; a later link version →
 * `unsupported`; over the limits → `too-large`. The value itself is checked by `readWorkshop`.
 */
export function decodeShareFragment(fragment: string): Result<unknown> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!text.startsWith('s=')) return fail('unreadable', 'share.linkUnreadable');
  if (text.length > MAX_SHARE_FRAGMENT_CHARS) {
    return fail('too-large', 'share.linkTooLarge', {
      max: MAX_SHARE_FRAGMENT_CHARS,
    });
  }
  const match = /^s=(\d{1,6})\.(.*)$/s.exec(text);
  if (!match) return fail('unreadable', 'share.linkUnreadable');
  const version = Number(match[1]);
  if (version > SHARE_LINK_VERSION) {
    return fail('unsupported', 'share.linkNewer', { version });
  }
  if (version !== SHARE_LINK_VERSION) return fail('unreadable', 'share.linkUnreadable');
  const bytes = base64UrlDecode(match[2] as string);
  if (!bytes || bytes.length === 0) return fail('unreadable', 'share.linkUnreadable');
  let json: Uint8Array;
  try {
    json = boundedInflate(bytes, MAX_SHARE_JSON_BYTES);
  } catch (error) {
    if (error instanceof TooLarge) {
      return fail('too-large', 'share.linkTooLarge', { max: MAX_SHARE_JSON_BYTES });
    }
    return fail('unreadable', 'share.linkUnreadable');
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return fail('unreadable', 'share.linkUnreadable');
  }
  return ok(value);
}
