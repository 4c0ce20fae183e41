import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';

/** Padding that keeps a fitted shape clear of what the page floats over the map's container. */
export type ViewPaddingProvider = (container: HTMLElement) => PaddingOptions;

let provider: ViewPaddingProvider | null = null;

/**
 * Lets the page say which part of the map is free: the first view of a package and "zoom to
 * area" fit into it. Without a provider the map uses a plain margin.
 */
export function setViewPaddingProvider(next: ViewPaddingProvider | null): void {
  provider = next;
}

/** The padding for `fitBounds` on this map now. */
export function viewPadding(map: MapLibreMap, fallback = 40): PaddingOptions | number {
  return provider ? provider(map.getContainer()) : fallback;
}
