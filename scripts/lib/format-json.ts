import type { Output } from './output-types';

/** The 7.1 JSON, fields in the order of the contract. */
export function formatJson(output: Output): string {
  const areas = output.areas.map((area) => ({
    id: area.id,
    name: area.name,
    area_ha: area.area_ha,
    layers: area.layers,
    ...(area.cross ? { cross: area.cross } : {}),
    estimate: area.estimate,
  }));
  const warnings = output.warnings.map((w) => ({
    kind: w.kind,
    message: w.message,
    feature: w.feature,
  }));
  return `${JSON.stringify({ areas, warnings })}\n`;
}

/** `{"error":{"kind","message"}}` for every non-zero exit with --format json. */
export function formatJsonError(kind: string, message: string): string {
  return `${JSON.stringify({ error: { kind, message } })}\n`;
}
