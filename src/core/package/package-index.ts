import type { Catalogue, Localized } from '../raster/catalogue-types';
import { fail, ok, type Result } from '../result';

/**
 * One line of data/packages/index.json (DESIGN 8.1): what a static host offers, so the app can
 * list packages without opening them. `catalogue` is the catalogue's URL relative to index.json.
 */
export interface PackageIndexEntry {
  id: string;
  title: Localized;
  municipality: { code: string; name: string } | null;
  bbox_rd: [number, number, number, number];
  catalogue: string;
}

/** The index entry of a package whose catalogue is at `cataloguePath` (relative to the index). */
export function packageIndexEntry(catalogue: Catalogue, cataloguePath: string): PackageIndexEntry {
  return {
    id: catalogue.id,
    title: catalogue.title,
    municipality: catalogue.municipality ?? null,
    bbox_rd: catalogue.bbox_rd,
    catalogue: cataloguePath,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a parsed index.json; an entry that is not well formed makes the whole index unreadable. */
export function parsePackageIndex(value: unknown): Result<PackageIndexEntry[]> {
  const bad = (at: number) =>
    fail<PackageIndexEntry[]>('unreadable', 'packages.indexInvalid', { at });
  if (!Array.isArray(value)) return bad(0);
  for (const [i, entry] of value.entries()) {
    const box = isRecord(entry) ? entry.bbox_rd : null;
    const good =
      isRecord(entry) &&
      typeof entry.id === 'string' &&
      isRecord(entry.title) &&
      typeof entry.title.nl === 'string' &&
      typeof entry.title.en === 'string' &&
      (entry.municipality === null || isRecord(entry.municipality)) &&
      Array.isArray(box) &&
      box.length === 4 &&
      box.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
      typeof entry.catalogue === 'string';
    if (!good) return bad(i + 1);
  }
  return ok(value as PackageIndexEntry[]);
}

/** Whether two RD boxes [minX, minY, maxX, maxY] overlap (touching edges do not count). */
export function boxesOverlap(
  a: readonly [number, number, number, number],
  b: readonly [number, number, number, number],
): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/**
 * The packages whose data box overlaps an area's RD box, in index order: the packages to name
 * when an area lies outside the active package's data.
 */
export function packagesCovering<T extends { bbox_rd: [number, number, number, number] }>(
  packages: readonly T[],
  areaBoxRd: readonly [number, number, number, number],
): T[] {
  return packages.filter((entry) => boxesOverlap(entry.bbox_rd, areaBoxRd));
}
