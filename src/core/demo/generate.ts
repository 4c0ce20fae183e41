import type { Catalogue, CatalogueSource } from '../raster/catalogue-types';
import { writeCog } from '../raster/cog-writer';
import type { BroProfile } from '../soil/bro-tables';
import { classifyCells } from './classify';
import { buildContext, buildOutline } from './context';
import { demoCatalogue } from './demo-catalogue';
import { DEMO_GRID } from './grid';
import { buildLandscape, DEMO_BOX } from './landscape';
import { omDistributions, organicMatterCells } from './organic-matter';

/**
 * The demo dataset of the fictional municipality "Klaverwaard (fictief)": five COGs, the vector
 * context and the catalogue, as file name -> bytes. Pure and deterministic: the same BRO profiles
 * give byte-identical files.
 */
export interface DemoDataset {
  files: Map<string, Uint8Array>;
  catalogue: Catalogue;
}

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 1)}\n`);
}

/**
 * Generates every file of data/demo/ from the BRO profiles; `sources` (the files read, with their
 * checksums) go into the catalogue as DESIGN 8.1 asks.
 */
export function generateDemo(
  profiles: readonly BroProfile[],
  sources: CatalogueSource[] = [],
): DemoDataset {
  const grid = DEMO_GRID;
  const landscape = buildLandscape();
  const classes = classifyCells(grid, landscape);
  const om = organicMatterCells(
    grid,
    classes.soilGroup,
    classes.landUse,
    classes.sealed,
    omDistributions(profiles),
  );
  const georef = {
    width: grid.width,
    height: grid.height,
    originX: grid.originX,
    originY: grid.originY,
    cellSize: grid.cellSize,
  };
  const catalogue = demoCatalogue(
    [DEMO_BOX.minX, DEMO_BOX.minY, DEMO_BOX.maxX, DEMO_BOX.maxY],
    sources,
  );
  const files = new Map<string, Uint8Array>();
  files.set(
    'organic-matter.tif',
    writeCog({
      ...georef,
      data: om.organicMatter,
      sampleType: 'uint16',
      nodata: 65535,
      resampling: 'average',
    }),
  );
  files.set(
    'carbon-stock.tif',
    writeCog({
      ...georef,
      data: om.carbonStock,
      sampleType: 'uint16',
      nodata: 65535,
      resampling: 'average',
    }),
  );
  files.set(
    'sealed.tif',
    writeCog({
      ...georef,
      data: classes.sealed,
      sampleType: 'uint8',
      nodata: 255,
      resampling: 'average',
    }),
  );
  files.set(
    'soil-group.tif',
    writeCog({
      ...georef,
      data: classes.soilGroup,
      sampleType: 'uint8',
      nodata: 255,
      resampling: 'mode',
    }),
  );
  files.set(
    'land-use.tif',
    writeCog({
      ...georef,
      data: classes.landUse,
      sampleType: 'uint8',
      nodata: 255,
      resampling: 'mode',
    }),
  );
  files.set('context.geojson', json(buildContext(landscape)));
  files.set('outline.geojson', json(buildOutline(landscape)));
  files.set('catalogue.json', json(catalogue));
  return { files, catalogue };
}
