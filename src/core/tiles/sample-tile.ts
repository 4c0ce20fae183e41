import proj4 from 'proj4';
import { CRS_DEFS, crsTransform, isGeographic, type RasterCrsCode } from '../projection/raster-crs';
import { lonLatToMercator, rdToWgs84 } from '../projection/rd';
import type { CatalogueLayer } from '../raster/catalogue-types';
import { cellHeightOf, chooseLevel, crsOf, type Raster } from '../raster/raster-source';
import { layerCoding } from '../zonal/zonal-stats';
import { readCachedWindow, throwIfAborted } from './block-cache';
import { Lru } from './lru';
import { TILE_SIZE, tileBoundsMercator } from './mercator';
import { interpolatePixelCentres, type TilePixelsRd, tileRdGrid } from './reproject-grid';

/** A raster layer as the tile code needs it: the open raster and its catalogue entry. */
export interface TileLayer {
  raster: Raster;
  meta: CatalogueLayer;
}

/**
 * The geometry of one tile in a raster CRS (RD New unless `crs` says otherwise), shared by every
 * layer in that CRS drawn on it. `pixels`, `bbox` and `metresPerPixel` are in the CRS's units.
 */
export interface TileGeometry {
  z: number;
  x: number;
  y: number;
  crs?: RasterCrsCode;
  pixels: TilePixelsRd;
  /** RD bounds of all pixel centres: [minX, minY, maxX, maxY]. */
  bbox: [number, number, number, number];
  /** Ground size of one pixel in RD metres, at the tile's centre. */
  metresPerPixel: number;
}

const geometries = new Lru<string, TileGeometry>(24);

const wgs84Converters = new Map<RasterCrsCode, (lonLat: [number, number]) => [number, number]>();

/** WGS84 degrees → a raster CRS: identity for geographic CRSs, proj4 otherwise. */
function fromWgs84(crs: RasterCrsCode): (lonLat: [number, number]) => [number, number] {
  const cached = wgs84Converters.get(crs);
  if (cached) return cached;
  const converter = isGeographic(crs)
    ? (lonLat: [number, number]) => lonLat
    : (() => {
        crsTransform(crs); // registers igh with proj4
        const forward = proj4(CRS_DEFS['EPSG:4326'], CRS_DEFS[crs]);
        return (lonLat: [number, number]) => forward.forward(lonLat) as [number, number];
      })();
  wgs84Converters.set(crs, converter);
  return converter;
}

/**
 * The position of every pixel centre of tile (z, x, y) in RD New, or in `crs` for rasters in
 * another CRS (DESIGN.md 8.2: the same grid of exact nodes, interpolated), from a cache.
 */
export function tileGeometry(
  z: number,
  x: number,
  y: number,
  crs: RasterCrsCode = 'EPSG:28992',
): TileGeometry {
  const rd = crs === 'EPSG:28992';
  const key = rd ? `${z}/${x}/${y}` : `${z}/${x}/${y}/${crs}`;
  const cached = geometries.get(key);
  if (cached) return cached;
  const grid = rd ? tileRdGrid(z, x, y) : tileRdGrid(z, x, y, undefined, fromWgs84(crs));
  const middle = Math.floor(grid.side / 2) * grid.side + Math.floor(grid.side / 2);
  const metresPerPixel =
    Math.hypot(
      (grid.xs[middle + 1] as number) - (grid.xs[middle] as number),
      (grid.ys[middle + 1] as number) - (grid.ys[middle] as number),
    ) / grid.step;
  const geometry: TileGeometry = {
    z,
    x,
    y,
    ...(rd ? {} : { crs }),
    pixels: interpolatePixelCentres(grid),
    bbox: grid.bbox,
    metresPerPixel,
  };
  geometries.set(key, geometry);
  return geometry;
}

const mercatorExtents = new WeakMap<Raster, [number, number, number, number]>();

/**
 * Web Mercator bounds of a raster, from its RD outline sampled along the edges, with a margin of
 * 1 % so that curved edges stay inside. Lets tiles far from the data be refused without proj4.
 */
function mercatorExtentOf(raster: Raster): [number, number, number, number] {
  const cached = mercatorExtents.get(raster);
  if (cached) return cached;
  const { originX, originY, cellSize, width, height } = raster;
  const cellHeight = cellHeightOf(raster);
  const toRd = crsTransform(crsOf(raster) ?? 'EPSG:28992').toRd;
  const extent: [number, number, number, number] = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  const steps = 8;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      if (i !== 0 && i !== steps && j !== 0 && j !== steps) continue;
      const rd: [number, number] = [
        originX + (i / steps) * width * cellSize,
        originY - (j / steps) * height * cellHeight,
      ];
      const [mx, my] = lonLatToMercator(rdToWgs84(toRd(rd)));
      if (!(Number.isFinite(mx) && Number.isFinite(my))) continue;
      extent[0] = Math.min(extent[0], mx);
      extent[1] = Math.min(extent[1], my);
      extent[2] = Math.max(extent[2], mx);
      extent[3] = Math.max(extent[3], my);
    }
  }
  const margin = 0.01 * Math.max(extent[2] - extent[0], extent[3] - extent[1]) + 100;
  const padded: [number, number, number, number] = [
    extent[0] - margin,
    extent[1] - margin,
    extent[2] + margin,
    extent[3] + margin,
  ];
  mercatorExtents.set(raster, padded);
  return padded;
}

/** True when tile (z, x, y) may overlap the raster (cheap test in Web Mercator). */
export function tileMayOverlap(raster: Raster, z: number, x: number, y: number): boolean {
  const [minX, minY, maxX, maxY] = tileBoundsMercator(z, x, y);
  const extent = mercatorExtentOf(raster);
  return minX < extent[2] && maxX > extent[0] && minY < extent[3] && maxY > extent[1];
}

/**
 * Physical values of a layer at every pixel centre of a tile: the nearest cell of the COG level
 * whose cells are at most one pixel (chooseLevel), read as one window from cached blocks; then
 * stored value x scale + offset. NaN where there is no data. Null when the tile misses the raster.
 */
export async function sampleTile(
  layer: TileLayer,
  geometry: TileGeometry,
  signal?: AbortSignal,
): Promise<Float32Array | null> {
  const { raster, meta } = layer;
  const crs = crsOf(raster) ?? 'EPSG:28992';
  if ((geometry.crs ?? 'EPSG:28992') !== crs) {
    // A raster in another CRS gets the tile's pixel centres in its own CRS (DESIGN.md 8.2).
    geometry = tileGeometry(geometry.z, geometry.x, geometry.y, crs);
  }
  const levelIndex = chooseLevel(raster, geometry.metresPerPixel);
  const level = raster.levels[levelIndex];
  if (!level) return null;
  const cellSize = level.cellSize;
  const cellHeight = cellHeightOf(level);
  const [minX, minY, maxX, maxY] = geometry.bbox;
  // Tiles of the whole world (zoom 0-1) reach where the RD projection breaks down.
  if (![minX, minY, maxX, maxY].every(Number.isFinite)) return null;
  const window = await readCachedWindow(
    raster,
    levelIndex,
    [
      Math.floor((minX - raster.originX) / cellSize),
      Math.floor((raster.originY - maxY) / cellHeight),
      Math.floor((maxX - raster.originX) / cellSize) + 1,
      Math.floor((raster.originY - minY) / cellHeight) + 1,
    ],
    signal,
  );
  if (!window) return null;
  throwIfAborted(signal);
  const { data, width, height } = window;
  // Fractional column of RD x in the window: (x - originX) / cellSize - col0.
  const inverse = 1 / cellSize;
  const inverseV = 1 / cellHeight;
  const colOffset = raster.originX * inverse + window.col0;
  const rowOffset = raster.originY * inverseV - window.row0;
  // The engine's coding: nodata in the sample type, GDAL scale/offset then the catalogue's.
  const coding = layerCoding(meta, raster);
  const storedNodata = coding.nodata[0] ?? Number.NaN;
  const rasterNodata = coding.nodata[1] ?? storedNodata;
  const scale = coding.scale;
  const offset = coding.offset;
  const xs = geometry.pixels.xs;
  const ys = geometry.pixels.ys;
  const out = new Float32Array(TILE_SIZE * TILE_SIZE);
  for (let i = 0; i < out.length; i++) {
    const col = Math.floor((xs[i] as number) * inverse - colOffset);
    const row = Math.floor(rowOffset - (ys[i] as number) * inverseV);
    if (col < 0 || row < 0 || col >= width || row >= height) {
      out[i] = Number.NaN;
      continue;
    }
    const stored = data[row * width + col] as number;
    out[i] =
      stored === storedNodata || stored === rasterNodata || Number.isNaN(stored)
        ? Number.NaN
        : stored * scale + offset;
  }
  return out;
}
