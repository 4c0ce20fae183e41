/**
 * Bulk density and carbon stock of the topsoil (0-30 cm) from organic matter.
 * Formulas: DESIGN.md section 3; every number and its source: coefficients.json in this folder.
 */
import { CO2_PER_C_RATIO, COEFFICIENTS } from './coefficients';

const STOCK = COEFFICIENTS.stock;

/** Which bulk-density pedotransfer to use: the BRO fit (default) or the Open Bodem Index one. */
export type BulkDensityMethod = 'bro-fit' | 'obic';

/** Soil texture class for the OBIC pedotransfer. */
export type Texture = 'sand' | 'clay' | 'peat';

/** Topsoil depth of every stock in this product, cm. */
export const TOPSOIL_DEPTH_CM = STOCK.topsoil_depth_cm.value;

/**
 * Default bulk density (g/cm3) from organic matter (mass %): 1/BD = 0.618 + 0.0436 OM,
 * fitted to the 1,568 horizons of the BRO soil map tables (median absolute error 6 %).
 */
export function bulkDensityBroFit(organicMatterPct: number): number {
  const { a, b } = STOCK.bulk_density_bro_fit.value;
  return 1 / (a + b * organicMatterPct);
}

/**
 * OBIC bulk density (g/cm3): sand and loess 1/(0.02525 OM + 0.6541); clay a quartic held constant
 * above 40 % OM. Peat falls back to the BRO fit: the clay polynomial overstates peat 1.4-2.8x.
 */
export function bulkDensityObic(organicMatterPct: number, texture: Texture): number {
  if (texture === 'sand') {
    const { a, b } = STOCK.bulk_density_obic_sand.value;
    return 1 / (b * organicMatterPct + a);
  }
  if (texture === 'peat') return bulkDensityBroFit(organicMatterPct);
  const { c4, c3, c2, c1, c0, om_cap_pct } = STOCK.bulk_density_obic_clay.value;
  const om = Math.min(organicMatterPct, om_cap_pct);
  return c4 * om ** 4 + c3 * om ** 3 + c2 * om ** 2 + c1 * om + c0;
}

/** Bulk density (g/cm3) by the chosen method. */
export function bulkDensity(
  organicMatterPct: number,
  method: BulkDensityMethod = 'bro-fit',
  texture: Texture = 'sand',
): number {
  return method === 'obic'
    ? bulkDensityObic(organicMatterPct, texture)
    : bulkDensityBroFit(organicMatterPct);
}

/**
 * Carbon stock 0-30 cm in t C/ha: OM (%) x f_C x BD (g/cm3) x 30 (cm).
 * (1 % of 1 g/cm3 over 1 cm on 1 ha is 1 t; f_C default 0.5, option 0.58.)
 */
export function stockFromOrganicMatter(
  organicMatterPct: number,
  carbonFraction = STOCK.carbon_fraction.value.central,
  method: BulkDensityMethod = 'bro-fit',
  texture: Texture = 'sand',
): number {
  return (
    organicMatterPct *
    carbonFraction *
    bulkDensity(organicMatterPct, method, texture) *
    TOPSOIL_DEPTH_CM
  );
}

/** Organic matter (%) that gives `stock` t C/ha: the inverse of the BRO-fit stock formula. */
export function organicMatterForStock(
  stockTonnesCPerHa: number,
  carbonFraction = STOCK.carbon_fraction.value.central,
): number {
  // stock = OM f 30 / (a + b OM)  =>  OM = a s / (30 f - b s)
  const { a, b } = STOCK.bulk_density_bro_fit.value;
  const s = stockTonnesCPerHa;
  return (a * s) / (TOPSOIL_DEPTH_CM * carbonFraction - b * s);
}

/** Tonnes CO2 per tonne C (molar masses 44/12). */
export const CO2_PER_C = CO2_PER_C_RATIO;
