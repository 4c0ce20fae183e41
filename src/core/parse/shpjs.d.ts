/** The parts of shpjs (lib/index.js) the importer uses; shpjs ships no types. */
declare module 'shpjs' {
  /** Geometries of a .shp file; without `prj` the coordinates stay as written. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): unknown[];
  /** Records of a .dbf file, decoded with the `encoding` (a .cpg text such as "UTF-8"). */
  export function parseDbf(
    dbf: ArrayBuffer | ArrayBufferView,
    encoding?: string,
  ): Array<Record<string, unknown>>;
}
