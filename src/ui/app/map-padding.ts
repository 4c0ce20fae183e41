/** A screen rectangle (DOMRect's fields that matter here), CSS pixels. */
export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

type Side = keyof Padding;

/** The least free width and height left to the fitted shape, CSS pixels. */
const MIN_FREE = 120;

/**
 * Padding for `fitBounds` that keeps a shape clear of what floats over the map: the top bar above,
 * a panel at the left and at the right (or a sheet below, on a small screen), the overlays below,
 * plus a margin. Panels that cover too much of a small screen are ignored one side at a time, so
 * there is always room.
 */
export function paddingAround(
  map: ScreenRect,
  covers: {
    top?: ScreenRect | null;
    left?: ScreenRect | null;
    right?: ScreenRect | null;
    bottom?: ScreenRect | null;
  },
  margin = 24,
  bottom = 36,
): Padding {
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  const padding: Padding = {
    top: Math.max(0, (covers.top?.bottom ?? map.top) - map.top) + margin,
    left: Math.max(0, (covers.left?.right ?? map.left) - map.left) + margin,
    right: Math.max(0, map.right - (covers.right?.left ?? map.right)) + margin,
    bottom: Math.max(bottom, map.bottom - (covers.bottom?.top ?? map.bottom)) + margin,
  };
  if (width - padding.left - padding.right < MIN_FREE) {
    // Too narrow for both panels: keep the larger free side.
    const side = padding.left > padding.right ? 'left' : 'right';
    padding[side] = margin;
    if (width - padding.left - padding.right < MIN_FREE) {
      padding.left = Math.max(0, Math.min(margin, (width - MIN_FREE) / 2));
      padding.right = padding.left;
    }
  }
  if (height - padding.top - padding.bottom < MIN_FREE) {
    padding.top = Math.max(0, Math.min(margin, (height - MIN_FREE) / 2));
    padding.bottom = padding.top;
  }
  return padding;
}

/** How much of the map's width or height a cover takes away when counted against each side. */
function lossOf(map: ScreenRect, cover: ScreenRect): Record<Side, number> {
  return {
    top: cover.bottom - map.top,
    bottom: map.bottom - cover.top,
    left: cover.right - map.left,
    right: map.right - cover.left,
  };
}

/**
 * Sorts the things covering the map by the side of the map they belong to: each goes to the side
 * where it takes the least room (the top bar to the top, a side panel to its side, a bottom sheet
 * to the bottom), and each side keeps its deepest cover.
 */
export function coversBySide(
  map: ScreenRect,
  covers: ScreenRect[],
): Partial<Record<Side, ScreenRect>> {
  const deepest: Partial<Record<Side, { rect: ScreenRect; loss: number }>> = {};
  for (const cover of covers) {
    // Only what overlaps the map counts.
    if (cover.right <= map.left || cover.left >= map.right) continue;
    if (cover.bottom <= map.top || cover.top >= map.bottom) continue;
    const losses = lossOf(map, cover);
    const side = (Object.keys(losses) as Side[]).reduce((best, each) =>
      losses[each] < losses[best] ? each : best,
    );
    const known = deepest[side];
    if (!known || losses[side] > known.loss) deepest[side] = { rect: cover, loss: losses[side] };
  }
  const bySide: Partial<Record<Side, ScreenRect>> = {};
  for (const side of Object.keys(deepest) as Side[]) {
    const entry = deepest[side];
    if (entry) bySide[side] = entry.rect;
  }
  return bySide;
}

/**
 * What covers the map on screen: the top bar's controls, the drawing toolbar and the badge, the
 * side panels or the bottom sheet with its tabs, and the overlays at the bottom.
 */
export const MAP_COVERS = [
  '.top-bar > *',
  '.draw-toolbar',
  '.overlay-top > *',
  '.panel',
  '.sheet-tabs',
  '.basemap-switch',
  '.inspect-panel',
  '.map-notice',
].join(', ');

function visibleRects(selector: string): ScreenRect[] {
  const rects: ScreenRect[] = [];
  for (const element of document.querySelectorAll(selector)) {
    const rect = element.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) rects.push(rect);
  }
  return rects;
}

/** Padding from the panels and overlays as they are on screen now, for the map in `container`. */
export function panelPadding(container: HTMLElement): Padding {
  const map = container.getBoundingClientRect();
  return paddingAround(map, coversBySide(map, visibleRects(MAP_COVERS)));
}
