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

/** The least free width and height left to the fitted shape, CSS pixels. */
const MIN_FREE = 120;

/**
 * Padding for `fitBounds` that keeps a shape clear of the panels floating over the map: the top
 * bar above, a panel at the left and at the right, the attribution below, plus a margin. Panels
 * that cover too much of a small screen are ignored one side at a time, so there is always room.
 */
export function paddingAround(
  map: ScreenRect,
  covers: { top?: ScreenRect | null; left?: ScreenRect | null; right?: ScreenRect | null },
  margin = 24,
  bottom = 36,
): Padding {
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  const padding: Padding = {
    top: Math.max(0, (covers.top?.bottom ?? map.top) - map.top) + margin,
    left: Math.max(0, (covers.left?.right ?? map.left) - map.left) + margin,
    right: Math.max(0, map.right - (covers.right?.left ?? map.right)) + margin,
    bottom: bottom + margin,
  };
  if (width - padding.left - padding.right < MIN_FREE) {
    // Too narrow for both panels (a phone): keep the larger free side.
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

function visibleRect(selector: string): ScreenRect | null {
  const element = document.querySelector(selector);
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 ? rect : null;
}

/** Padding from the panels as they are on screen now, for the map in `container`. */
export function panelPadding(container: HTMLElement): Padding {
  return paddingAround(container.getBoundingClientRect(), {
    top: visibleRect('.top-bar'),
    left: visibleRect('.panel-left'),
    right: visibleRect('.panel-right'),
  });
}
