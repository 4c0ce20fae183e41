/** Bar colours of the soil-group chart (a colour-blind safe set), by class name. */
const SOIL_GROUP_COLORS: Record<string, string> = {
  veen: '#5b3a29',
  moerig: '#8c6d46',
  zeeklei: '#4477aa',
  rivierklei: '#66ccee',
  zand: '#ccbb44',
  löss: '#ee6677',
};

export const CLASS_COLORS_FALLBACK = '#8a948f';

export function classColor(name: string): string | undefined {
  return SOIL_GROUP_COLORS[name];
}
