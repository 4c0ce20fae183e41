import { unitTokens } from '../raster/user-units';
import type { UserLayer, UserLayerSource } from './types';

/** Roles a user raster can take (DESIGN.md 8.2). */
export const USER_LAYER_ROLES = [
  'carbon-stock',
  'organic-matter',
  'sealed',
  'soil-group',
  'land-use',
] as const satisfies readonly UserLayer['role'][];

/** Id of a user layer: also its map layer id and the host of its tile URL. */
export const USER_LAYER_ID = /^user-[a-z]{1,32}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function readSource(value: unknown): UserLayerSource | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'url') {
    if (typeof value.url !== 'string' || !/^https?:\/\//i.test(value.url)) return null;
    return { kind: 'url', url: value.url };
  }
  if (value.kind === 'file') {
    if (typeof value.name !== 'string' || value.name === '') return null;
    if (!finite(value.size) || value.size < 0) return null;
    return { kind: 'file', name: value.name, size: value.size, stored: value.stored === true };
  }
  return null;
}

/**
 * One saved user layer, checked (a restore never trusts the saved JSON): a known role, a unit of
 * that role (none for class layers), a positive whole band, a URL (http/https) or a file source,
 * opacity 0..1. Null when it cannot be used.
 */
export function readUserLayer(value: unknown): UserLayer | null {
  if (!isRecord(value)) return null;
  const { id, role } = value;
  if (typeof id !== 'string' || !USER_LAYER_ID.test(id)) return null;
  if (!(USER_LAYER_ROLES as readonly unknown[]).includes(role)) return null;
  const typedRole = role as UserLayer['role'];
  const units = unitTokens(typedRole);
  let unit: string | null = null;
  if (units.length > 0) {
    if (value.unit !== null && value.unit !== undefined) {
      if (typeof value.unit !== 'string' || !units.includes(value.unit)) return null;
      unit = value.unit;
    }
  } else if (value.unit !== null && value.unit !== undefined) return null;
  let band: number | null = null;
  if (value.band !== null && value.band !== undefined) {
    if (!(Number.isInteger(value.band) && (value.band as number) >= 1)) return null;
    band = value.band as number;
  }
  const source = readSource(value.source);
  if (!source) return null;
  const opacity =
    finite(value.opacity) && value.opacity >= 0 && value.opacity <= 1 ? value.opacity : 0.8;
  return {
    id,
    role: typedRole,
    unit,
    band,
    source,
    visible: value.visible !== false,
    opacity,
    crs: typeof value.crs === 'string' ? value.crs : '',
    cellWidth: finite(value.cellWidth) ? value.cellWidth : 0,
    cellHeight: finite(value.cellHeight) ? value.cellHeight : 0,
    cellUnit: value.cellUnit === 'degrees' ? 'degrees' : 'metres',
  };
}

/**
 * The saved list: each usable layer once (by id, and one per role: the later one wins, as adding
 * does), and the positions (1-based) of those left out.
 */
export function readUserLayers(value: unknown): { layers: UserLayer[]; dropped: number[] } {
  if (!Array.isArray(value)) return { layers: [], dropped: [] };
  const layers: UserLayer[] = [];
  const dropped: number[] = [];
  value.forEach((item, index) => {
    const layer = readUserLayer(item);
    if (!layer || layers.some((each) => each.id === layer.id)) {
      dropped.push(index + 1);
      return;
    }
    const sameRole = layers.findIndex((each) => each.role === layer.role);
    if (sameRole !== -1) {
      dropped.push(sameRole + 1);
      layers.splice(sameRole, 1);
    }
    layers.push(layer);
  });
  return { layers, dropped };
}
