import type { CatalogueClass, CatalogueLayer, Localized } from '../raster/catalogue-types';
import { type BaseLayerId, LAND_USES, SOIL_GROUPS } from '../raster/classes';
import type { Raster } from '../raster/raster-source';

interface LayerKind {
  title: Localized;
  unit: string;
  kind: CatalogueLayer['kind'];
  palette: string;
  range: [number, number];
}

/** Layer roles of DESIGN.md section 2: the unit and kind follow from the id. */
const LAYER_KINDS: Record<BaseLayerId, LayerKind> = {
  'organic-matter': {
    title: { nl: 'Organische stof bovengrond', en: 'Topsoil organic matter' },
    unit: '%',
    kind: 'continuous',
    palette: 'organic-matter',
    range: [0, 30],
  },
  'carbon-stock': {
    title: { nl: 'Bodemkoolstofvoorraad 0–30 cm', en: 'Soil carbon stock 0–30 cm' },
    unit: 't C/ha',
    kind: 'continuous',
    palette: 'carbon-stock',
    range: [0, 300],
  },
  sealed: {
    title: { nl: 'Verhard oppervlak', en: 'Sealed surface' },
    unit: '%',
    kind: 'continuous',
    palette: 'sealed',
    range: [0, 100],
  },
  'soil-group': {
    title: { nl: 'Bodemgroep', en: 'Soil group' },
    unit: 'class',
    kind: 'categorical',
    palette: 'soil-group',
    range: [1, 6],
  },
  'land-use': {
    title: { nl: 'Landgebruik', en: 'Land use' },
    unit: 'class',
    kind: 'categorical',
    palette: 'land-use',
    range: [1, 7],
  },
};

const SOIL_GROUP_CLASSES: Array<[string, Localized, string]> = [
  [SOIL_GROUPS[1], { nl: 'Veen', en: 'Peat' }, '#6b4f2a'],
  [SOIL_GROUPS[2], { nl: 'Moerig', en: 'Peaty' }, '#a0785a'],
  [SOIL_GROUPS[3], { nl: 'Zeeklei', en: 'Marine clay' }, '#4f8fbf'],
  [SOIL_GROUPS[4], { nl: 'Rivierklei', en: 'River clay' }, '#7fb069'],
  [SOIL_GROUPS[5], { nl: 'Zand', en: 'Sand' }, '#e8d174'],
  [SOIL_GROUPS[6], { nl: 'Löss', en: 'Loess' }, '#d08c60'],
];
const LAND_USE_CLASSES: Array<[string, Localized, string]> = [
  [LAND_USES[1], { nl: 'Akker', en: 'Arable' }, '#e6c84f'],
  [LAND_USES[2], { nl: 'Grasland', en: 'Grassland' }, '#8cc665'],
  [LAND_USES[3], { nl: 'Bos', en: 'Forest' }, '#2e7d32'],
  [LAND_USES[4], { nl: 'Natuur', en: 'Nature' }, '#9c6fb5'],
  [LAND_USES[5], { nl: 'Stedelijk groen', en: 'Urban green' }, '#66bb6a'],
  [LAND_USES[6], { nl: 'Bebouwd', en: 'Built-up' }, '#9e9e9e'],
  [LAND_USES[7], { nl: 'Water', en: 'Water' }, '#4fc3f7'],
];

function classesOf(id: BaseLayerId): CatalogueClass[] | undefined {
  const table =
    id === 'soil-group' ? SOIL_GROUP_CLASSES : id === 'land-use' ? LAND_USE_CLASSES : null;
  return table?.map(([name, title, color], i) => ({ code: i + 1, name, title, color }));
}

/**
 * Catalogue entry for a user's GeoTIFF given with `--layer <id>=<file>`: stored values (after the
 * file's GDAL scale/offset) times the unit factor `scale` of `--unit` (DESIGN.md 8.2), nodata from
 * the file, a measured layer (no stock range), not synthetic.
 */
export function catalogueLayerFor(
  id: BaseLayerId,
  raster: Raster,
  file: string,
  scale = 1,
): CatalogueLayer {
  const kind = LAYER_KINDS[id];
  const classes = classesOf(id);
  return {
    id,
    title: kind.title,
    unit: kind.unit,
    kind: kind.kind,
    palette: kind.palette,
    scale,
    offset: 0,
    nodata: raster.nodata ?? Number.NaN,
    range: kind.range,
    ...(classes ? { classes } : {}),
    source: { nl: `Eigen bestand: ${file}`, en: `Own file: ${file}` },
    licence: '',
    resolution_m: raster.cellSize,
    date: '',
    synthetic: false,
    file,
  };
}
