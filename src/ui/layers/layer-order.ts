import type { LayerId } from '../../core/raster/classes';

/**
 * Moves a layer one step in a bottom-first drawing order: +1 draws it above its neighbour, -1
 * below. At either end the order comes back unchanged.
 */
export function moveLayer(order: readonly LayerId[], id: LayerId, step: 1 | -1): LayerId[] {
  const index = order.indexOf(id);
  const target = index + step;
  if (index < 0 || target < 0 || target >= order.length) return [...order];
  const next = [...order];
  next[index] = next[target] as LayerId;
  next[target] = id;
  return next;
}
