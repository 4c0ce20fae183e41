/**
 * GeoPackage sources of the builder (DESIGN.md 8.4): the BRO Bodemkaart (`soilarea`) and BRP
 * GeoPackages, opened read-only with better-sqlite3 (GDAL-made files carry triggers that need
 * spatial functions, so nothing is ever written), features selected through the file's own R-tree
 * `rtree_<table>_<column>` and geometries decoded by src/core/builder/gpkg-geometry.ts.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { decodeGpkgGeometry } from '../../../src/core/builder/gpkg-geometry';
import type { SourceCrs } from '../../../src/core/builder/source-geometry';
import { rdToWgs84 } from '../../../src/core/projection/rd';
import type { OpenOutcome } from './build';
import { missingColumns, type SourceProblem } from './sources';

/** The layer a role reads: `soilarea` for soil; for BRP the one features layer (or a gewas one). */
function layerFor(role: string, layers: string[]): string | null {
  if (role === 'soil') return layers.includes('soilarea') ? 'soilarea' : null;
  if (layers.length === 1) return layers[0] as string;
  return layers.find((name) => /gewas|brp/i.test(name)) ?? null;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function fileSha256(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Opens and validates a GeoPackage as the source of `role` (`soil` or `brp`). */
export function openGpkgSource(path: string, id: string, role: string): OpenOutcome {
  const file = basename(path);
  const problem = (code: string, params: Record<string, string>): OpenOutcome => ({
    source: null,
    problems: [{ code: `builder.${code}`, params: { file, layer: role, ...params } }],
  });
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM gpkg_contents').get();
  } catch (error) {
    return problem('notGeoPackage', { detail: (error as Error).message });
  }
  try {
    const layers = (
      db
        .prepare("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")
        .all() as Array<{
        table_name: string;
      }>
    ).map((row) => row.table_name);
    const layer = layerFor(role, layers);
    if (!layer) {
      return problem('layerMissing', {
        layer: role === 'soil' ? 'soilarea' : 'brp',
        layers: layers.join(', ') || '-',
      });
    }
    const geometryColumn = db
      .prepare('SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?')
      .get(layer) as { column_name: string; srs_id: number } | undefined;
    if (!geometryColumn) return problem('layerMissing', { layer, layers: layers.join(', ') });
    const srs = db
      .prepare(
        'SELECT organization, organization_coordsys_id, srs_name FROM gpkg_spatial_ref_sys WHERE srs_id = ?',
      )
      .get(geometryColumn.srs_id) as
      | { organization: string; organization_coordsys_id: number; srs_name: string }
      | undefined;
    const problems: SourceProblem[] = [];
    let crs: SourceCrs | null = null;
    const org = srs?.organization.toUpperCase();
    if (org === 'EPSG' && srs?.organization_coordsys_id === 28992) crs = 'rd';
    // GeoPackage stores x = longitude, so EPSG:4326 is read as CRS84.
    else if ((org === 'EPSG' && srs?.organization_coordsys_id === 4326) || org === 'OGC') {
      crs = 'crs84';
    } else {
      problems.push({
        code: 'builder.crsUnsupported',
        params: {
          file,
          layer,
          crs: srs
            ? `${srs.organization}:${srs.organization_coordsys_id}`
            : `srs_id ${geometryColumn.srs_id}`,
        },
      });
    }
    const info = db.prepare(`PRAGMA table_info(${quote(layer)})`).all() as Array<{
      name: string;
      pk: number;
    }>;
    const present = Object.fromEntries(info.map((column) => [column.name, true]));
    const missing = missingColumns(role, present);
    if (missing.length > 0) {
      problems.push({
        code: 'builder.columnsMissing',
        params: { file, layer, columns: missing.join(', ') },
      });
    }
    if (problems.length > 0 || crs === null) return { source: null, problems };
    const pk = info.find((column) => column.pk === 1)?.name ?? 'rowid';
    const rtree = `rtree_${layer}_${geometryColumn.column_name}`;
    const hasRtree =
      db.prepare("SELECT name FROM sqlite_master WHERE name = ? AND type = 'table'").get(rtree) !==
      undefined;
    const sourceCrs = crs;
    db.close();
    return {
      source: {
        id,
        layer: role,
        file: path,
        crs: sourceCrs,
        async read(bbox, onFeature) {
          const [minX, minY, maxX, maxY] = selectionBox(bbox, sourceCrs);
          const reader = new Database(path, { readonly: true, fileMustExist: true });
          try {
            const sql = hasRtree
              ? `SELECT t.* FROM ${quote(layer)} t JOIN ${quote(rtree)} r ON t.${quote(pk)} = r.id WHERE r.maxx >= ? AND r.minx <= ? AND r.maxy >= ? AND r.miny <= ?`
              : `SELECT * FROM ${quote(layer)}`;
            const statement = reader.prepare(sql);
            const rows = hasRtree ? statement.iterate(minX, maxX, minY, maxY) : statement.iterate();
            let features = 0;
            for (const row of rows as Iterable<Record<string, unknown>>) {
              features++;
              const blob = row[geometryColumn.column_name];
              const { [geometryColumn.column_name]: _geometry, ...properties } = row;
              const decoded =
                blob instanceof Uint8Array ? decodeGpkgGeometry(blob) : { ok: false as const };
              onFeature({ properties, geometry: decoded.ok ? decoded.geometry : null });
            }
            const { sha256, bytes } = await fileSha256(path);
            return { sha256, features, bytes };
          } finally {
            reader.close();
          }
        },
      },
      problems: [],
    };
  } finally {
    if (db.open) db.close();
  }
}

/** The grid box in the source's CRS (for CRS84 the box of its corners, with a small margin). */
function selectionBox(
  bbox: readonly [number, number, number, number],
  crs: SourceCrs,
): [number, number, number, number] {
  if (crs === 'rd') return [bbox[0], bbox[1], bbox[2], bbox[3]];
  const corners = [
    rdToWgs84([bbox[0], bbox[1]]),
    rdToWgs84([bbox[2], bbox[1]]),
    rdToWgs84([bbox[0], bbox[3]]),
    rdToWgs84([bbox[2], bbox[3]]),
  ];
  const lons = corners.map((c) => c[0]);
  const lats = corners.map((c) => c[1]);
  const m = 0.001;
  return [
    Math.min(...lons) - m,
    Math.min(...lats) - m,
    Math.max(...lons) + m,
    Math.max(...lats) + m,
  ];
}
