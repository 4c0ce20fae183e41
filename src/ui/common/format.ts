import {
  type CatalogueLayer,
  type Localized,
  localizedText,
} from '../../core/raster/catalogue-types';
import { i18next } from '../../i18n';
import type { Language } from '../../state/settings-slice';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A number in the page language's format with a fixed number of decimals. */
export function formatNumber(value: number, language: Language, decimals: number): string {
  return new Intl.NumberFormat(LOCALES[language], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** Decimals that show a layer value to about three significant digits. */
export function decimalsFor(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return 0;
  if (magnitude >= 10) return 1;
  return 2;
}

/** Decimals for legend labels a `step` apart: whole numbers from a step of 5 up. */
export function labelDecimalsFor(step: number): number {
  const magnitude = Math.abs(step);
  if (magnitude >= 5) return 0;
  if (magnitude >= 0.5) return 1;
  return 2;
}

/**
 * A layer's value as shown: class title for categorical layers, number and unit otherwise;
 * null for no data.
 */
export function formatLayerValue(
  layer: CatalogueLayer,
  value: number | null | undefined,
  language: Language,
): string | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  if (layer.kind === 'categorical') {
    const entry = layer.classes?.find((item) => item.code === value);
    return entry ? entry.title[language] : null;
  }
  return `${formatNumber(value, language, decimalsFor(value))} ${unitText(layer.unit, language)}`;
}

type Texts = Record<string, unknown>;

/**
 * A catalogue unit in the page language: catalogues write units in English ("t CO2/ha/yr",
 * "class"); their words go through `layers.unitWord` (nl: "t CO2/ha/jr", "klasse").
 */
export function unitText(unit: string | Localized, language: Language): string {
  return localizedText(unit, language).replace(/[A-Za-z]{2,}/g, (word) => {
    // No fallback to another language: a word without its own translation stays as written.
    // (The resource store exists once i18next is initialised.)
    const words = (i18next.store?.data[language]?.translation as Texts | undefined)?.layers;
    const text = (words as Texts | undefined)?.unitWord as Texts | undefined;
    const translated = text?.[word];
    return typeof translated === 'string' ? translated : word;
  });
}
