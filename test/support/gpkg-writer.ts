/**
 * Writes small GeoPackages for tests with better-sqlite3 (fresh machines have no GDAL): the gpkg
 * tables, one feature table, geometry blobs with the GeoPackage header and, optionally, the R-tree
 * `rtree_<table>_geom` that GDAL would make.
 */

import Database from 'better-sqlite3';
import type { MultiPolygon, Polygon } from 'geojson';
import { encodeGpkgGeometry } from '../../src/core/builder/gpkg-geometry';

export interface GpkgFeature {
  properties: Record<string, string | number | null>;
  geometry: Polygon | MultiPolygon;
}

export interface GpkgOptions {
  table: string;
  /** EPSG code of the geometry column (28992, 4326, or anything to test a refusal). */
  epsg: number;
  columns: Record<string, 'TEXT' | 'INTEGER' | 'REAL'>;
  features: GpkgFeature[];
  rtree?: boolean;
}

export function writeGpkg(path: string, options: GpkgOptions): void {
  const db = new Database(path);
  const { table, epsg } = options;
  db.exec(`
    PRAGMA application_id = 1196444487;
    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
      organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
      description TEXT);
    CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT,
      description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE,
      max_y DOUBLE, srs_id INTEGER);
    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
      geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL);
  `);
  db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)').run(
    `EPSG:${epsg}`,
    epsg,
    'EPSG',
    epsg,
    'undefined',
    null,
  );
  db.prepare(
    "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES (?, 'features', ?, ?)",
  ).run(table, table, epsg);
  db.prepare("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'MULTIPOLYGON', ?, 0, 0)").run(
    table,
    epsg,
  );
  const columns = Object.entries(options.columns)
    .map(([name, type]) => `"${name}" ${type}`)
    .join(', ');
  db.exec(
    `CREATE TABLE "${table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB${columns ? `, ${columns}` : ''})`,
  );
  const names = Object.keys(options.columns);
  const insert = db.prepare(
    `INSERT INTO "${table}" (geom${names.map((n) => `, "${n}"`).join('')}) VALUES (?${names.map(() => ', ?').join('')})`,
  );
  if (options.rtree !== false) {
    db.exec(`CREATE VIRTUAL TABLE "rtree_${table}_geom" USING rtree(id, minx, maxx, miny, maxy)`);
  }
  const rtree =
    options.rtree !== false
      ? db.prepare(`INSERT INTO "rtree_${table}_geom" VALUES (?, ?, ?, ?, ?)`)
      : null;
  const write = db.transaction(() => {
    for (const feature of options.features) {
      const blob = encodeGpkgGeometry(feature.geometry, epsg);
      const info = insert.run(
        Buffer.from(blob),
        ...names.map((n) => feature.properties[n] ?? null),
      );
      if (rtree) {
        const view = new DataView(blob.buffer, blob.byteOffset);
        rtree.run(
          info.lastInsertRowid,
          view.getFloat64(8, true),
          view.getFloat64(16, true),
          view.getFloat64(24, true),
          view.getFloat64(32, true),
        );
      }
    }
  });
  write();
  db.close();
}
