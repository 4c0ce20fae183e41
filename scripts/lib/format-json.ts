import type { Output } from './output-types';
import type { Provenance } from './package-layers';

/** Each layer's statistics with its `source` text (DESIGN 8.1), when there is provenance. */
function withSources(layers: Output['areas'][number]['layers'], provenance?: Provenance) {
  if (!provenance) return layers;
  return Object.fromEntries(
    Object.entries(layers).map(([id, stats]) => [
      id,
      { ...stats, source: provenance.layerSources[id] ?? '' },
    ]),
  );
}

/**
 * The 7.1 JSON, fields in the order of the contract; with provenance also the top-level
 * `package` and a `source` per layer (DESIGN 8.1).
 */
export function formatJson(output: Output, provenance?: Provenance): string {
  const areas = output.areas.map((area) => ({
    id: area.id,
    name: area.name,
    area_ha: area.area_ha,
    layers: withSources(area.layers, provenance),
    ...(area.cross ? { cross: area.cross } : {}),
    estimate: area.estimate,
  }));
  const warnings = output.warnings.map((w) => ({
    kind: w.kind,
    message: w.message,
    feature: w.feature,
  }));
  const head = provenance ? { package: provenance.package } : {};
  return `${JSON.stringify({ ...head, areas, warnings })}\n`;
}

/** `{"error":{"kind","message"}}` for every non-zero exit with --format json. */
export function formatJsonError(kind: string, message: string): string {
  return `${JSON.stringify({ error: { kind, message } })}\n`;
}
