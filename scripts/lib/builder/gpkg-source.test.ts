import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { writeGpkg } from '../../../test/support/gpkg-writer';
import type { GeoJsonFeature } from './geojson-file';
import { openGpkgSource } from './gpkg-source';

const work = mkdtempSync(join(tmpdir(), 'kk-gpkg-'));

function square(x: number, y: number, side: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + side, y],
        [x + side, y + side],
        [x, y + side],
        [x, y],
      ],
    ],
  };
}

function soilGpkg(name: string, epsg = 28992, columns = { maparea_id: 'TEXT' as const }) {
  const path = join(work, name);
  writeGpkg(path, {
    table: 'soilarea',
    epsg,
    columns,
    features: [
      { properties: { maparea_id: 'V2025-1..soilarea.05485' }, geometry: square(1000, 1000, 100) },
      { properties: { maparea_id: 'V2025-1..soilarea.09940' }, geometry: square(1100, 1000, 100) },
      {
        properties: { maparea_id: 'V2025-1..soilarea.05713' },
        geometry: square(90_000, 90_000, 100),
      },
    ],
  });
  return path;
}

describe('GeoPackage source (BRO schema, written by the test)', () => {
  test('selects through the R-tree, decodes geometries, hashes the file, writes nothing', async () => {
    const path = soilGpkg('soil.gpkg');
    const before = createHash('sha256').update(readFileSync(path)).digest('hex');
    const opened = openGpkgSource(path, 'bro-bodemkaart', 'soil');
    expect(opened.problems).toEqual([]);
    if (!opened.source) throw new Error('not opened');
    expect(opened.source.crs).toBe('rd');
    const features: GeoJsonFeature[] = [];
    const summary = await opened.source.read([900, 900, 1500, 1500], (f) => features.push(f));
    // The third polygon lies far outside the box: the R-tree leaves it out.
    expect(summary.features).toBe(2);
    expect(features.map((f) => f.properties.maparea_id)).toEqual([
      'V2025-1..soilarea.05485',
      'V2025-1..soilarea.09940',
    ]);
    expect(features[0]?.geometry).toEqual(square(1000, 1000, 100));
    expect(summary.sha256).toBe(before);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
  });

  test('without an R-tree every feature is read', async () => {
    const path = join(work, 'no-rtree.gpkg');
    writeGpkg(path, {
      table: 'soilarea',
      epsg: 28992,
      columns: { maparea_id: 'TEXT' },
      features: [{ properties: { maparea_id: '1' }, geometry: square(0, 0, 10) }],
      rtree: false,
    });
    const opened = openGpkgSource(path, 'bro-bodemkaart', 'soil');
    const count = await opened.source?.read([500, 500, 600, 600], () => {});
    expect(count?.features).toBe(1);
  });

  test('a missing layer, another CRS and a missing column are refused by name', () => {
    const other = join(work, 'other.gpkg');
    writeGpkg(other, { table: 'percelen', epsg: 28992, columns: {}, features: [] });
    expect(openGpkgSource(other, 'bro-bodemkaart', 'soil').problems).toEqual([
      {
        code: 'builder.layerMissing',
        params: { file: 'other.gpkg', layer: 'soilarea', layers: 'percelen' },
      },
    ]);
    const mercator = soilGpkg('mercator.gpkg', 3857);
    expect(openGpkgSource(mercator, 'bro-bodemkaart', 'soil').problems[0]?.params.crs).toBe(
      'EPSG:3857',
    );
    const noColumn = soilGpkg('nocolumn.gpkg', 28992, { mapareaid: 'TEXT' } as never);
    expect(openGpkgSource(noColumn, 'bro-bodemkaart', 'soil').problems[0]).toEqual({
      code: 'builder.columnsMissing',
      params: { file: 'nocolumn.gpkg', layer: 'soilarea', columns: 'maparea_id' },
    });
    const notGpkg = join(work, 'text.gpkg');
    writeFileSync(notGpkg, 'hello');
    expect(openGpkgSource(notGpkg, 'bro-bodemkaart', 'soil').problems[0]?.code).toBe(
      'builder.notGeoPackage',
    );
  });
});
