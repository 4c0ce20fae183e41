import { openUserLayer, type UserLayerSpec } from '../engine/open-user-layer';
import { DEFAULT_SCENARIO, type Scenario } from '../estimate/scenario';
import { fetchBounded } from '../net/fetch';
import type { RdPoint } from '../projection/rd';
import type { Catalogue, CatalogueLayer } from '../raster/catalogue-types';
import type { BaseLayerId, DerivedLayerId, LayerId } from '../raster/classes';
import { DERIVED_LAYER_IDS } from '../raster/classes';
import { type ByteSource, openRaster, type Raster } from '../raster/raster-source';
import { type BaseValues, computeDerived, DERIVED_INPUTS, stockSourceFor } from './derived';
import { TILE_SIZE } from './mercator';
import { colorValues, renderTile, type TileLayer } from './render-tile';
import { sampleTile, tileGeometry, tileMayOverlap } from './sample-tile';
import { valueAt } from './value-at';

function isDerived(id: LayerId): id is DerivedLayerId {
  return (DERIVED_LAYER_IDS as readonly string[]).includes(id);
}

/** How the service gets its catalogue and rasters; the defaults use fetch and HTTP range requests. */
export interface TileServiceOptions {
  loadCatalogue?: (url: string, signal?: AbortSignal) => Promise<Catalogue>;
  /** Byte source of a layer file, already resolved against the catalogue URL. */
  sourceFor?: (fileUrl: string) => ByteSource;
}

/** Values under a point, per layer id: the physical value, or null without data. */
export type ValuesAt = Partial<Record<LayerId, number | null>>;

/** Reads a catalogue through the bounded fetch; a failure throws its FetchError (unreachable). */
async function fetchCatalogue(url: string, signal?: AbortSignal): Promise<Catalogue> {
  const response = await fetchBounded(url, { signal });
  const body: unknown = JSON.parse(await response.text());
  if (
    typeof body !== 'object' ||
    body === null ||
    !Array.isArray((body as { layers?: unknown }).layers)
  ) {
    throw new Error(`catalogue ${url}: no layers`);
  }
  return body as Catalogue;
}

/**
 * Raster layers of one catalogue for the map: opens the catalogue once and each COG on first use,
 * renders tiles and reads values. Runs in the tiles worker, and in Node for tests and benchmarks.
 */
export class TileService {
  readonly #loadCatalogue: NonNullable<TileServiceOptions['loadCatalogue']>;
  readonly #sourceFor: NonNullable<TileServiceOptions['sourceFor']>;
  #catalogueUrl: string | null = null;
  #catalogue: Promise<Catalogue> | null = null;
  readonly #layers = new Map<LayerId, Promise<TileLayer>>();
  readonly #user = new Map<string, Promise<TileLayer | null>>();
  #scenario: Scenario = DEFAULT_SCENARIO;

  constructor(options: TileServiceOptions = {}) {
    this.#loadCatalogue = options.loadCatalogue ?? fetchCatalogue;
    this.#sourceFor = options.sourceFor ?? ((url) => ({ kind: 'url', url }));
  }

  /** Opens a catalogue (an absolute URL); opening the same one again is free. */
  async open(catalogueUrl: string): Promise<Catalogue> {
    if (this.#catalogueUrl !== catalogueUrl || !this.#catalogue) {
      this.#catalogueUrl = catalogueUrl;
      this.#layers.clear();
      const loading = this.#loadCatalogue(catalogueUrl);
      loading.catch(() => {
        if (this.#catalogue === loading) this.#catalogue = null;
      });
      this.#catalogue = loading;
    }
    return this.#catalogue;
  }

  /** The open catalogue; one whose loading failed is tried again (the server may be back). */
  async #catalogueOrThrow(): Promise<Catalogue> {
    if (this.#catalogue) return this.#catalogue;
    if (this.#catalogueUrl) return this.open(this.#catalogueUrl);
    throw new Error('tile service: open a catalogue first');
  }

  /** The scenario derived layers are drawn with from now on. */
  setScenario(scenario: Scenario): void {
    this.#scenario = scenario;
  }

  get scenario(): Scenario {
    return this.#scenario;
  }

  /** The catalogue entry of a layer, or null when the catalogue has none. */
  async meta(layerId: LayerId): Promise<CatalogueLayer | null> {
    const catalogue = await this.#catalogueOrThrow();
    return catalogue.layers.find((layer) => layer.id === layerId) ?? null;
  }

  /**
   * The user's own rasters (DESIGN.md 8.2), drawn under their own ids (`user-…`) with their
   * role's palette; they replace the previous set. A raster that cannot be opened draws nothing.
   */
  setUserLayers(layers: ReadonlyArray<{ id: string; spec: UserLayerSpec }>): void {
    this.#user.clear();
    for (const { id, spec } of layers) {
      const opening = openUserLayer(spec).then((opened) =>
        opened.ok ? { raster: opened.value.raster, meta: opened.value.meta } : null,
      );
      opening.catch(() => undefined);
      this.#user.set(id, opening);
    }
  }

  /** A base layer with its raster opened (once), or null when the catalogue has no file for it. */
  async layer(layerId: LayerId): Promise<TileLayer | null> {
    const user = this.#user.get(layerId);
    if (user) return user;
    const meta = await this.meta(layerId);
    if (!meta?.file || !this.#catalogueUrl) return null;
    let opening = this.#layers.get(layerId);
    if (!opening) {
      const url = new URL(meta.file, this.#catalogueUrl).href;
      opening = openRaster(this.#sourceFor(url)).then((raster: Raster) => ({ raster, meta }));
      opening.catch(() => this.#layers.delete(layerId));
      this.#layers.set(layerId, opening);
    }
    return opening;
  }

  /** The input layers of a derived layer that the catalogue has, opened. */
  async #inputsOf(id: DerivedLayerId): Promise<Map<BaseLayerId, TileLayer>> {
    const inputs = new Map<BaseLayerId, TileLayer>();
    await Promise.all(
      DERIVED_INPUTS[id].map(async (inputId) => {
        const layer = await this.layer(inputId);
        if (layer) inputs.set(inputId, layer);
      }),
    );
    return inputs;
  }

  /**
   * RGBA tile of a layer, or null when the tile holds no data of it. Base layers come straight
   * from their COG; derived layers from their inputs' values on the same pixels and the scenario.
   */
  async renderTile(
    layerId: LayerId,
    z: number,
    x: number,
    y: number,
    signal?: AbortSignal,
  ): Promise<Uint8ClampedArray | null> {
    if (isDerived(layerId)) return this.#renderDerived(layerId, z, x, y, signal);
    const layer = await this.layer(layerId);
    if (!layer) return null;
    return renderTile(layer, z, x, y, signal);
  }

  async #renderDerived(
    id: DerivedLayerId,
    z: number,
    x: number,
    y: number,
    signal?: AbortSignal,
  ): Promise<Uint8ClampedArray | null> {
    const meta = await this.meta(id);
    if (!meta) return null;
    const scenario = this.#scenario;
    const inputs = await this.#inputsOf(id);
    const stockSource = stockSourceFor(new Set(inputs.keys()));
    if (!stockSource) return null;
    const overlapping = [...inputs].filter(([, layer]) => tileMayOverlap(layer.raster, z, x, y));
    if (overlapping.length === 0) return null;
    const geometry = tileGeometry(z, x, y);
    const values: BaseValues = {};
    await Promise.all(
      overlapping.map(async ([inputId, layer]) => {
        const sampled = await sampleTile(layer, geometry, signal);
        if (sampled) values[inputId] = sampled;
      }),
    );
    const stockInput = stockSource === 'organic-matter' ? 'organic-matter' : 'carbon-stock';
    if (!values[stockInput]) return null;
    return colorValues(
      meta,
      computeDerived(id, values, scenario, stockSource, TILE_SIZE * TILE_SIZE),
    );
  }

  /**
   * Values of the given layers at an RD point, from full resolution; derived layers from their
   * inputs' values there and the current scenario.
   */
  async valuesAt(
    point: RdPoint | readonly [number, number],
    layerIds: LayerId[],
  ): Promise<ValuesAt> {
    const base = new Map<BaseLayerId, Promise<number | null>>();
    const read = (id: BaseLayerId): Promise<number | null> => {
      let value = base.get(id);
      if (!value) {
        value = this.layer(id).then((layer) => (layer ? valueAt(layer, point) : null));
        base.set(id, value);
      }
      return value;
    };
    const values: ValuesAt = {};
    await Promise.all(
      layerIds.map(async (id) => {
        if (!isDerived(id)) {
          values[id] = await read(id);
          return;
        }
        if (!(await this.meta(id))) {
          values[id] = null;
          return;
        }
        const inputs = await this.#inputsOf(id);
        const stockSource = stockSourceFor(new Set(inputs.keys()));
        if (!stockSource) {
          values[id] = null;
          return;
        }
        const cell: BaseValues = {};
        for (const inputId of inputs.keys()) {
          const value = await read(inputId);
          cell[inputId] = Float32Array.of(value ?? Number.NaN);
        }
        const [result] = computeDerived(id, cell, this.#scenario, stockSource, 1);
        values[id] = result === undefined || Number.isNaN(result) ? null : result;
      }),
    );
    return values;
  }
}
