import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { wgs84ToRd } from '../../src/core/projection/rd';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** Texts of one i18n namespace, to compare what the page shows with. */
export function texts(language: 'nl' | 'en', namespace: string): Record<string, string> {
  const file = resolve(import.meta.dirname, `../../src/i18n/${language}/${namespace}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** A message template as a pattern: `{{name}}` placeholders match any text. */
export function messagePattern(template: string): RegExp {
  const parts = template
    .split(/\{\{\s*\w+\s*\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`, 's');
}

/** Planar area in RD New (hectares) of a WGS84 polygon, by the shoelace formula. */
export function rdAreaHectares(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let squareMetres = 0;
  for (const rings of polygons) {
    rings.forEach((ring, index) => {
      const points = ring.map((position) => wgs84ToRd([position[0] ?? 0, position[1] ?? 0]));
      let twice = 0;
      for (let i = 0; i < points.length - 1; i += 1) {
        const [x0, y0] = points[i] as [number, number];
        const [x1, y1] = points[i + 1] as [number, number];
        twice += x0 * y1 - x1 * y0;
      }
      squareMetres += (index === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return squareMetres / 10_000;
}

export interface StoreSnapshot {
  areas: { id: string; name: string; geometry: Polygon | MultiPolygon; properties?: unknown }[];
  selectedId: string | null;
}

/** The store's areas and selection, as plain data. */
export function storeSnapshot(page: Page): Promise<StoreSnapshot> {
  return page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    return JSON.parse(
      JSON.stringify({ areas: state?.areas ?? [], selectedId: state?.selectedId ?? null }),
    );
  });
}

/** Picks a file with the import button's file input. */
export async function pickFile(page: Page, path: string): Promise<void> {
  await page.locator('[data-testid="import-input"]').setInputFiles(path);
}

/** Waits for the import message to reach `phase` (done, failed, cancelled) and returns it. */
export async function importOutcome(page: Page, phase: 'done' | 'failed' | 'cancelled') {
  const status = page.locator(`[data-testid="import-status"][data-phase="${phase}"]`);
  await status.waitFor({ timeout: 30_000 });
  return status;
}

/** Drops a file on the map canvas through synthetic drag events, as a browser would send them. */
export async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ({ name, data }) => {
      const target = document.querySelector('[data-testid="map"] canvas') as HTMLElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name));
      for (const type of ['dragenter', 'dragover']) {
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { name, data: [...bytes] },
  );
  await page.locator('[data-testid="import-drop-zone"]').waitFor();
  await page.evaluate(
    ({ name, data }) => {
      const target = document.querySelector('[data-testid="map"] canvas') as HTMLElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name));
      target.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    },
    { name, data: [...bytes] },
  );
}

/** Parcels of `size` metres in a grid in RD New, as GeoJSON text with an RD `crs` member. */
export function parcelsGeoJson(count: number, size = 40): string {
  const columns = Math.ceil(Math.sqrt(count));
  const features: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const x = 120_000 + (index % columns) * (size + 10);
    const y = 440_000 + Math.floor(index / columns) * (size + 10);
    const ring = [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ];
    features.push(
      `{"type":"Feature","properties":{"perceel":${index + 1}},"geometry":{"type":"Polygon","coordinates":[${JSON.stringify(ring)}]}}`,
    );
  }
  return `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[${features.join(',\n')}]}`;
}
