/**
 * The package builder (DESIGN.md 8.4): validates every source, then streams their features into
 * the per-cell rules of src/core/builder and writes a data package (8.1): COGs, catalogue.json,
 * outline.geojson and build-report.json.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MultiPolygon } from 'geojson';
import {
  BRP_CLASS,
  BUILDER_CELL_M,
  builderGrid,
  CLASS_NODATA,
  ClassCells,
  ContinuousCells,
  CoverageWalker,
  FLOAT_NODATA,
  gridBox,
  LAND_USE_CODE,
  landUseCells,
  outlineMask,
  SealedCells,
} from '../../../src/core/builder/cell-rules';
import {
  BGT_COLLECTIONS,
  bgtFilterReason,
  brpClassOf,
  LAND_USE_MAPPING,
  landUseOf,
  SEALED_WEIGHTS,
  sealedWeightOf,
  type Unmapped,
} from '../../../src/core/builder/mappings';
import { readMapAreaTable, SoilJoin } from '../../../src/core/builder/soil-join';
import { boxOf, polygonsToRd } from '../../../src/core/builder/source-geometry';
import { demoLayers } from '../../../src/core/demo/demo-catalogue';
import { geometryToRd } from '../../../src/core/engine/session';
import type { RdMultiPolygonCoordinates } from '../../../src/core/parse/types';
import { municipalityCodeOf } from '../../../src/core/places/municipalities';
import { parseMunicipalityOutlines } from '../../../src/core/places/municipality-index';
import { rdToWgs84 } from '../../../src/core/projection/rd';
import { validateCatalogue } from '../../../src/core/raster/catalogue';
import type {
  Catalogue,
  CatalogueLayer,
  CatalogueSource,
  Localized,
} from '../../../src/core/raster/catalogue-types';
import { writeCog } from '../../../src/core/raster/cog-writer';
import type { MessageParams } from '../../../src/core/result';
import { readBroTables } from '../../../src/core/soil/bro-tables';
import { preparePolygon } from '../../../src/core/zonal/coverage-fractions';
import { MUNICIPALITY_OUTLINES } from '../municipalities';
import type { GeoJsonFeature } from './geojson-file';
import { type BuilderSource, openGeoJsonSource, type SourceProblem } from './sources';

const repo = resolve(import.meta.dirname, '../../..');
const TABLES = join(repo, 'data/reference/bro-bodemkaart-tables');
const VERSION = (
  JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }
).version;
export const BUILDER = { name: 'koolstofkaart npm run data', version: VERSION };

export interface BuildOptions {
  municipality: string;
  out: string;
  soil?: string;
  bgt?: string;
  brp?: string;
  outline?: string;
  force?: boolean;
  offline?: boolean;
  /** The command line, for `request` of the sources. */
  command?: string;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
  /** Opens a source given as something other than a GeoJSON file (GeoPackage, URL). */
  openOther?: (location: string, id: string, layer: string) => Promise<OpenOutcome | null>;
  now?: () => Date;
}

export type OpenOutcome =
  | { source: BuilderSource; problems: [] }
  | { source: null; problems: SourceProblem[] };

/** A failed build: the kind (7.2) and one problem per message. */
export interface BuildFailure {
  kind: 'usage' | 'unreadable' | 'unsupported' | 'unreachable' | 'internal';
  problems: SourceProblem[];
}

export interface SourceReport {
  id: string;
  file?: string;
  url?: string;
  features_read: number;
  features_used: number;
  outside_grid: number;
  filtered: Record<string, number>;
  skipped: Record<string, number>;
  repaired: number;
  no_profile?: number;
  seconds: number;
}

export interface BuildReport {
  municipality: { code: string; name: string };
  created: string;
  builder: { name: string; version: string };
  grid: { crs: 'EPSG:28992'; cell_m: number; bbox_rd: number[]; width: number; height: number };
  cells: { total: number; with_data: number };
  sources: SourceReport[];
  unmapped: Array<Unmapped & { count: number }>;
  assumptions: { sealed_weights: unknown; land_use_mapping: unknown };
  timings: Record<string, number>;
}

type Built =
  | { ok: true; report: BuildReport; files: string[] }
  | { ok: false; failure: BuildFailure };

const failure = (kind: BuildFailure['kind'], code: string, params: MessageParams = {}): Built => ({
  ok: false,
  failure: { kind, problems: [{ code, params }] },
});

interface OutlineInfo {
  code: string;
  name: string;
  rd: RdMultiPolygonCoordinates;
  wgs84: MultiPolygon;
  source: CatalogueSource;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The outline: the shipped CBS outline of the code, or a GeoJSON file (RD or CRS84). */
async function readOutline(
  options: BuildOptions,
  code: string,
  read: string,
): Promise<{ ok: true; outline: OutlineInfo } | { ok: false; built: Built }> {
  const cbsBytes = readFileSync(MUNICIPALITY_OUTLINES);
  const parsed = parseMunicipalityOutlines(JSON.parse(cbsBytes.toString('utf8')));
  if (!parsed.ok) return { ok: false, built: failure('internal', 'places.outlinesUnavailable') };
  const shipped = parsed.value.find((outline) => outline.code === code);
  if (!options.outline) {
    if (!shipped) return { ok: false, built: failure('usage', 'places.unknownCode', { code }) };
    return {
      ok: true,
      outline: {
        code,
        name: shipped.name,
        rd: geometryToRd(shipped.geometry),
        wgs84: shipped.geometry,
        source: {
          id: 'cbs-gemeenten-2022',
          title: 'CBS/Kadaster gemeentegrenzen 2022 (gegeneraliseerd)',
          file: 'data/reference/cbs-gemeenten/gemeenten-2022.geojson',
          sha256: sha256(cbsBytes),
          read,
          licence: 'CC BY 4.0 CBS/Kadaster',
          request: options.command ?? 'npm run data',
        },
      },
    };
  }
  const opened = await openGeoJsonSource(options.outline, 'outline', 'outline');
  if (!opened.source)
    return {
      ok: false,
      built: { ok: false, failure: { kind: 'usage', problems: opened.problems } },
    };
  const source = opened.source;
  const rd: RdMultiPolygonCoordinates = [];
  const summary = await source.read([0, 0, 0, 0], (feature) => {
    const polygons = polygonsToRd(feature.geometry, source.crs);
    if (polygons.ok) rd.push(...polygons.coordinates);
  });
  if (rd.length === 0) {
    return {
      ok: false,
      built: failure('usage', 'builder.outlineEmpty', { file: options.outline }),
    };
  }
  const wgs84: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: rd.map((polygon) =>
      polygon.map((ring) =>
        ring.map((point) => {
          const [lon, lat] = rdToWgs84(point);
          return [round6(lon), round6(lat)];
        }),
      ),
    ),
  };
  return {
    ok: true,
    outline: {
      code,
      name: shipped?.name ?? code,
      rd,
      wgs84,
      source: {
        id: 'outline',
        title: 'Outline (--outline)',
        file: options.outline,
        sha256: summary.sha256,
        read,
        licence: 'as given by the user',
        request: options.command ?? 'npm run data',
      },
    },
  };
}

/** Opens a source: a GeoJSON file here, else the `openOther` adapter (GeoPackage, URL). */
async function openSource(
  options: BuildOptions,
  location: string,
  id: string,
  layer: string,
): Promise<OpenOutcome> {
  if (options.openOther) {
    const other = await options.openOther(location, id, layer);
    if (other) return other;
  }
  return openGeoJsonSource(location, id, layer);
}

/** The BGT collections present in a folder as `<collection>.geojson`. */
function bgtFiles(folder: string): Array<{ collection: string; path: string }> {
  const names = new Set(readdirSync(folder));
  return BGT_COLLECTIONS.filter((collection) => names.has(`${collection}.geojson`)).map(
    (collection) => ({ collection, path: join(folder, `${collection}.geojson`) }),
  );
}

class Counter {
  private readonly counts = new Map<string, { item: Unmapped; count: number }>();
  add(item: Unmapped | null): void {
    if (!item) return;
    const key = `${item.collection}\u0000${item.attribute}\u0000${item.value}`;
    const entry = this.counts.get(key) ?? { item, count: 0 };
    entry.count++;
    this.counts.set(key, entry);
  }
  list(): Array<Unmapped & { count: number }> {
    return [...this.counts.values()]
      .map(({ item, count }) => ({ ...item, count }))
      .sort((a, b) => b.count - a.count);
  }
}

const LICENCES: Record<string, string> = {
  soil: 'BRO open data, attribution Basisregistratie Ondergrond',
  bgt: 'CC0 1.0 (BGT, Kadaster, via PDOK)',
  brp: 'CC0 1.0 (BRP gewaspercelen, RVO, via PDOK)',
};
const TITLES: Record<string, string> = {
  soil: 'BRO Bodemkaart 1:50.000 (soilarea)',
  bgt: 'BGT',
  brp: 'BRP gewaspercelen',
};

/** Builds the package. Every source is validated before any cell is computed. */
export async function buildPackage(options: BuildOptions): Promise<Built> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const progress = options.progress ?? (() => {});
  const now = (options.now ?? (() => new Date()))();
  const read = now.toISOString();
  const code = municipalityCodeOf(options.municipality);
  if (!code) return failure('usage', 'places.unknownCode', { code: options.municipality });
  if (!options.soil && !options.bgt && !options.brp) return failure('usage', 'builder.noSources');
  const out = resolve(options.out);
  if (existsSync(out) && !options.force) return failure('usage', 'builder.outExists', { out });

  // 1. Validate everything before work.
  const outlineRead = await readOutline(options, code, read);
  if (!outlineRead.ok) return outlineRead.built;
  const outline = outlineRead.outline;
  const problems: SourceProblem[] = [];
  const sources: BuilderSource[] = [];
  if (options.soil) {
    const opened = await openSource(options, options.soil, 'bro-bodemkaart', 'soil');
    if (opened.source) sources.push(opened.source);
    else problems.push(...opened.problems);
  }
  if (options.bgt) {
    const isUrl = /^https?:\/\//.test(options.bgt);
    if (!isUrl && !existsSync(options.bgt)) {
      problems.push({ code: 'builder.fileMissing', params: { file: options.bgt, layer: 'bgt' } });
    } else if (isUrl) {
      for (const collection of BGT_COLLECTIONS) {
        const opened = await openSource(options, options.bgt, `bgt-${collection}`, collection);
        if (opened.source) sources.push(opened.source);
        else problems.push(...opened.problems);
      }
    } else {
      const files = bgtFiles(options.bgt);
      if (files.length === 0) {
        problems.push({
          code: 'builder.bgtFolderEmpty',
          params: { file: options.bgt, collections: BGT_COLLECTIONS.join(', ') },
        });
      }
      for (const { collection, path } of files) {
        const opened = await openGeoJsonSource(path, `bgt-${collection}`, collection);
        if (opened.source) sources.push(opened.source);
        else problems.push(...opened.problems);
      }
    }
  }
  if (options.brp) {
    const opened = await openSource(options, options.brp, 'brp-gewaspercelen', 'brp');
    if (opened.source) sources.push(opened.source);
    else problems.push(...opened.problems);
  }
  let soilJoin: SoilJoin | null = null;
  const tableSources: CatalogueSource[] = [];
  if (options.soil) {
    const names = ['SoilProfiles.csv', 'SoilHorizons.csv', 'SoilProfiles_MapAreaID.csv'];
    const bytes = names.map((name) => readFileSync(join(TABLES, name)));
    const [profilesBytes, horizonsBytes, areasBytes] = bytes as [Buffer, Buffer, Buffer];
    const profiles = readBroTables(profilesBytes.toString('utf8'), horizonsBytes.toString('utf8'));
    const areas = readMapAreaTable(areasBytes.toString('utf8'));
    if (!profiles.ok || !areas.ok) return failure('internal', 'soil.tablesEmpty');
    soilJoin = new SoilJoin(areas.value, profiles.value);
    names.forEach((name, i) => {
      tableSources.push({
        id: `bro-${name.replace('.csv', '').toLowerCase()}`,
        title: `BRO Bodemkaart: ${name.replace('.csv', '')} (SGM 2025-01)`,
        file: `data/reference/bro-bodemkaart-tables/${name}`,
        sha256: sha256(bytes[i] as Buffer),
        read,
        licence: LICENCES.soil as string,
        request: options.command ?? 'npm run data',
      });
    });
  }
  if (problems.length > 0) {
    const kind = problems.some((p) => p.code === 'builder.crsUnsupported')
      ? 'unsupported'
      : 'usage';
    return { ok: false, failure: { kind, problems } };
  }
  timings.validate_s = (performance.now() - started) / 1000;

  // 2. Grid and outline mask.
  const grid = builderGrid(boxOf(outline.rd));
  const box = gridBox(grid);
  const walker = new CoverageWalker(grid);
  const mask = outlineMask(walker, preparePolygon(outline.rd));
  let withData = 0;
  for (const value of mask) withData += value;
  progress(
    `grid: ${grid.width} x ${grid.height} cells of ${BUILDER_CELL_M} m, ${withData} with data`,
  );

  const om = soilJoin ? new ContinuousCells(walker) : null;
  const stock = soilJoin ? new ContinuousCells(walker) : null;
  const soilClasses = soilJoin ? new ClassCells(walker, 6) : null;
  const hasBgt = sources.some((s) => s.id.startsWith('bgt-'));
  const sealed = hasBgt ? new SealedCells(walker) : null;
  const land = hasBgt ? new ClassCells(walker, 7) : null;
  const brp = sources.some((s) => s.layer === 'brp') ? new ClassCells(walker, 2) : null;
  const unmapped = new Counter();
  const reports: SourceReport[] = [];
  const catalogueSources: CatalogueSource[] = [outline.source];

  // 3. Stream each source into the cells.
  for (const source of sources) {
    const t0 = performance.now();
    const report: SourceReport = {
      id: source.id,
      ...(source.file ? { file: source.file } : {}),
      ...(source.url ? { url: source.url } : {}),
      features_read: 0,
      features_used: 0,
      outside_grid: 0,
      filtered: {},
      skipped: {},
      repaired: 0,
      seconds: 0,
    };
    if (source.layer === 'soil') report.no_profile = 0;
    let lastProgress = t0;
    const onFeature = (feature: GeoJsonFeature) => {
      report.features_read++;
      const nowMs = performance.now();
      if (nowMs - lastProgress > 2000) {
        lastProgress = nowMs;
        progress(
          `${source.id}: ${report.features_read} features read, ${((nowMs - t0) / 1000).toFixed(1)} s`,
        );
      }
      const isBgt = source.id.startsWith('bgt-');
      if (isBgt) {
        const reason = bgtFilterReason(feature.properties);
        if (reason) {
          report.filtered[reason] = (report.filtered[reason] ?? 0) + 1;
          return;
        }
      }
      const polygons = polygonsToRd(feature.geometry, source.crs);
      if (!polygons.ok) {
        report.skipped[polygons.reason] = (report.skipped[polygons.reason] ?? 0) + 1;
        return;
      }
      const b = boxOf(polygons.coordinates);
      if (b[2] <= box[0] || b[0] >= box[2] || b[3] <= box[1] || b[1] >= box[3]) {
        report.outside_grid++;
        return;
      }
      if (polygons.repaired) report.repaired++;
      const prepared = preparePolygon(polygons.coordinates);
      report.features_used++;
      if (source.layer === 'soil' && soilJoin && om && stock && soilClasses) {
        const values = soilJoin.lookup(feature.properties.maparea_id);
        if (!values) {
          report.no_profile = (report.no_profile ?? 0) + 1;
          return;
        }
        om.add(prepared, values.organicMatterPct);
        stock.add(prepared, values.stockTonnesCPerHa);
        soilClasses.add(prepared, values.soilGroupCode);
      } else if (source.layer === 'brp' && brp) {
        const category = brpClassOf(feature.properties);
        unmapped.add(category.unmapped);
        if (category.code === BRP_CLASS.akker || category.code === BRP_CLASS.grasland) {
          brp.add(prepared, category.code);
        }
      } else if (isBgt && sealed && land) {
        const weight = sealedWeightOf(source.layer, feature.properties);
        unmapped.add(weight.unmapped);
        sealed.add(prepared, weight.weight);
        const use = landUseOf(source.layer, feature.properties, weight.weight);
        unmapped.add(use.unmapped);
        if (use.land) land.add(prepared, LAND_USE_CODE[use.land]);
      }
    };
    let summary: Awaited<ReturnType<BuilderSource['read']>>;
    try {
      summary = await source.read(box, onFeature);
    } catch (error) {
      const failed = error as Error & { builderFailure?: BuildFailure };
      if (failed.builderFailure) return { ok: false, failure: failed.builderFailure };
      return failure('unreadable', 'builder.sourceUnreadable', {
        file: source.file ?? source.url ?? source.id,
        detail: failed.message,
      });
    }
    report.seconds = (performance.now() - t0) / 1000;
    reports.push(report);
    progress(
      `${source.id}: ${report.features_read} features read, ${report.features_used} used, ${report.seconds.toFixed(1)} s`,
    );
    const kind = source.layer === 'soil' ? 'soil' : source.layer === 'brp' ? 'brp' : 'bgt';
    catalogueSources.push({
      id: source.id,
      title: kind === 'bgt' ? `BGT ${source.layer}` : (TITLES[kind] as string),
      ...(source.url ? { url: source.url } : { file: source.file ?? '' }),
      sha256: summary.sha256,
      read,
      licence: LICENCES[kind] as string,
      request: options.command ?? 'npm run data',
    });
  }
  catalogueSources.push(...tableSources);

  // 4. Cells and files.
  const t4 = performance.now();
  const georef = {
    width: grid.width,
    height: grid.height,
    originX: grid.originX,
    originY: grid.originY,
    cellSize: grid.cellSize,
  };
  const files = new Map<string, Uint8Array>();
  const float = (data: Float32Array) =>
    writeCog({
      ...georef,
      data,
      sampleType: 'float32',
      nodata: FLOAT_NODATA,
      resampling: 'average',
    });
  const classes = (data: Uint8Array) =>
    writeCog({ ...georef, data, sampleType: 'uint8', nodata: CLASS_NODATA, resampling: 'mode' });
  if (om && stock && soilClasses) {
    files.set('organic-matter.tif', float(om.finish(mask)));
    files.set('carbon-stock.tif', float(stock.finish(mask)));
    files.set('soil-group.tif', classes(soilClasses.finish(mask)));
  }
  if (sealed && land) {
    files.set('sealed.tif', float(sealed.finish(mask)));
    files.set('land-use.tif', classes(landUseCells(mask, land, brp)));
  }
  progress(`cells: ${grid.width * grid.height} written per layer, ${files.size} layers`);
  timings.cells_s = (performance.now() - t4) / 1000;

  const date = read.slice(0, 10);
  const catalogue: Catalogue = {
    id: `${code.toLowerCase()}-${date}`,
    title: { nl: `${outline.name} (${code})`, en: `${outline.name} (${code})` },
    crs: 'EPSG:28992',
    bbox_rd: box,
    synthetic: false,
    attribution: {
      nl: 'BRO Bodemkaart (Basisregistratie Ondergrond), BGT (Kadaster), BRP (RVO), gemeentegrens CBS/Kadaster (CC BY 4.0)',
      en: 'BRO soil map (Basisregistratie Ondergrond), BGT (Kadaster), BRP (RVO), municipal boundary CBS/Kadaster (CC BY 4.0)',
    },
    layers: packageLayers(date, new Set(files.keys()), catalogueSources),
    municipality: { code, name: outline.name },
    created: date,
    builder: BUILDER,
    outline: 'outline.geojson',
    sources: catalogueSources,
  };
  const valid = validateCatalogue(catalogue, { package: true });
  if (!valid.ok) {
    return failure('internal', 'builder.catalogueInvalid', {
      detail: `${valid.error.params?.path}: ${valid.error.params?.expected}`,
    });
  }
  const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 1)}\n`);
  files.set('catalogue.json', json(catalogue));
  files.set(
    'outline.geojson',
    json({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code, name: outline.name }, geometry: outline.wgs84 },
      ],
    }),
  );
  timings.total_s = (performance.now() - started) / 1000;
  const report: BuildReport = {
    municipality: { code, name: outline.name },
    created: read,
    builder: BUILDER,
    grid: {
      crs: 'EPSG:28992',
      cell_m: BUILDER_CELL_M,
      bbox_rd: box,
      width: grid.width,
      height: grid.height,
    },
    cells: { total: grid.width * grid.height, with_data: withData },
    sources: reports,
    unmapped: unmapped.list(),
    assumptions: { sealed_weights: SEALED_WEIGHTS, land_use_mapping: LAND_USE_MAPPING },
    timings,
  };
  files.set('build-report.json', json(report));
  mkdirSync(out, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(out, name), bytes);
  return { ok: true, report, files: [...files.keys()] };
}

function sourceText(ids: string[], sources: CatalogueSource[], extra: Localized): Localized {
  const names = sources
    .filter((source) => ids.some((id) => source.id.startsWith(id)))
    .map((source) => (typeof source.title === 'string' ? source.title : source.title.en));
  const list = [...new Set(names)].join('; ');
  return { nl: `${list}. ${extra.nl}`, en: `${list}. ${extra.en}` };
}

function weightsText(): string {
  const table = SEALED_WEIGHTS.fysiek_voorkomen as Record<string, number>;
  return [
    `pand ${SEALED_WEIGHTS.pand}`,
    ...Object.entries(table)
      .filter(([, weight]) => weight > 0)
      .map(([value, weight]) => `${value} ${weight}`),
  ].join(', ');
}

function mappingText(): string {
  const table = LAND_USE_MAPPING.begroeidterreindeel as Record<string, string>;
  return Object.entries(table)
    .map(([value, land]) => `${value} → ${land}`)
    .join(', ');
}

/** The package's layers: the demo's metadata with real sources, Float32 values and classes. */
function packageLayers(
  date: string,
  files: Set<string>,
  sources: CatalogueSource[],
): CatalogueLayer[] {
  const soil = sourceText(['bro-'], sources, {
    nl: 'Per polygoon het normale bodemprofiel (0–30 cm, eigen dichtheden van de horizonten); per cel van 25 m het naar bedekking gewogen gemiddelde.',
    en: 'Per polygon the normal soil profile (0–30 cm, the horizons’ own densities); per 25 m cell the coverage-weighted mean.',
  });
  const sealedText = sourceText(['bgt-'], sources, {
    nl: `Aanname (geen officiële indeling): gewichten ${weightsText()}; verhard % = min(100, 100 × Σ bedekking × gewicht).`,
    en: `Assumption (not an official classification): weights ${weightsText()}; sealed % = min(100, 100 × Σ coverage × weight).`,
  });
  const landText = sourceText(['bgt-', 'brp-'], sources, {
    nl: `Aanname (geen officiële indeling): waterdeel → water; pand en verharding (gewicht ≥ 0,5) → bebouwd; begroeidterreindeel: ${mappingText()}; BRP Bouwland/Grasland verdeelt het landbouwdeel.`,
    en: `Assumption (not an official classification): waterdeel → water; pand and paving (weight ≥ 0.5) → built-up; begroeidterreindeel: ${mappingText()}; BRP Bouwland/Grasland splits the agricultural share.`,
  });
  const bySource: Record<string, Localized> = {
    'organic-matter': soil,
    'carbon-stock': soil,
    'soil-group': soil,
    sealed: sealedText,
    'land-use': landText,
  };
  const licenceOf: Record<string, string> = {
    'organic-matter': LICENCES.soil as string,
    'carbon-stock': LICENCES.soil as string,
    'soil-group': LICENCES.soil as string,
    sealed: LICENCES.bgt as string,
    'land-use': sources.some((source) => source.id.startsWith('brp-'))
      ? `${LICENCES.bgt}; ${LICENCES.brp}`
      : (LICENCES.bgt as string),
  };
  const hasSoil = files.has('organic-matter.tif');
  const out: CatalogueLayer[] = [];
  for (const layer of demoLayers()) {
    const common = { date, synthetic: false, resolution_m: BUILDER_CELL_M };
    if (layer.kind === 'derived') {
      if (!hasSoil) continue;
      out.push({ ...layer, ...common, source: soil, licence: LICENCES.soil as string });
      continue;
    }
    if (!layer.file || !files.has(layer.file)) continue;
    const next: CatalogueLayer = {
      ...layer,
      ...common,
      source: bySource[layer.id] as Localized,
      licence: licenceOf[layer.id] as string,
    };
    if (layer.kind === 'continuous') {
      next.scale = 1;
      next.offset = 0;
      next.nodata = FLOAT_NODATA;
    }
    if (layer.id === 'carbon-stock') {
      next.stock_range = [0.87, 1.15];
      delete next.derived_from;
    }
    out.push(next);
  }
  return out;
}
