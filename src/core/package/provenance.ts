import type { Catalogue } from '../raster/catalogue-types';

/** Where one layer's numbers come from, in one language. */
export interface LayerProvenance {
  id: string;
  title: string;
  source: string;
  date: string;
  licence: string;
  synthetic: boolean;
}

/** The data package behind a result and, per layer analysed, its source, date and licence. */
export interface PackageProvenance {
  id: string;
  title: string;
  synthetic: boolean;
  layers: LayerProvenance[];
}

/**
 * The provenance of a catalogue's layers (those in `layerIds`, or every layer with a file), in
 * catalogue order. Synthetic is what the catalogue says: real data is never called synthetic.
 */
export function packageProvenance(
  catalogue: Catalogue,
  language: 'nl' | 'en',
  layerIds?: readonly string[],
): PackageProvenance {
  const layers = catalogue.layers.filter((layer) =>
    layerIds ? layerIds.includes(layer.id) : layer.file !== undefined,
  );
  return {
    id: catalogue.id,
    title: catalogue.title[language],
    synthetic: catalogue.synthetic,
    layers: layers.map((layer) => ({
      id: layer.id,
      title: layer.title[language],
      source: layer.source[language],
      date: layer.date,
      licence: layer.licence,
      synthetic: layer.synthetic,
    })),
  };
}

/**
 * The provenance in one line, for a CSV comment or a GeoJSON property: the package (with the word
 * for synthetic when it is), then each layer's title, source, date and licence.
 */
export function provenanceLine(provenance: PackageProvenance, syntheticWord: string): string {
  const head = `${provenance.title} (${provenance.id}${provenance.synthetic ? `, ${syntheticWord}` : ''})`;
  const layers = provenance.layers.map(
    (layer) =>
      `${layer.title}: ${layer.source} (${layer.date}; ${layer.licence}${
        layer.synthetic && !provenance.synthetic ? `; ${syntheticWord}` : ''
      })`,
  );
  return [head, ...layers].join(' — ');
}
