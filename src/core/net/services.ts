/**
 * Every online service the product reads, in one place (DESIGN.md section 4). Code asks
 * `serviceUrls()` at the moment it builds a request, so `setServiceUrls` can point it elsewhere: tests
 * at a local server on 127.0.0.1, a workshop at a mirror. Bases carry no trailing slash.
 */
export interface ServiceUrls {
  /** PDOK BRT basemap, vector style (Mapbox style JSON; tile URLs are {z}/{y}/{x}). */
  pdokBasemapStyle: string;
  /** PDOK BRT basemap, raster WMTS in Web Mercator; `{layer}` is e.g. `standaard`. */
  pdokBasemapWmts: string;
  /** PDOK Locatieserver; endpoints `/suggest`, `/lookup`, `/free`. */
  locatieserver: string;
  /** Kadaster BRK bestuurlijke gebieden OGC API (municipality outlines). */
  brkBestuurlijkeGebieden: string;
  /** BGT OGC API (sealed surface). */
  bgt: string;
  /** BRO Bodemkaart WMS (layer `soilarea`). */
  broBodemkaartWms: string;
  /** RIVM Atlas Natuurlijk Kapitaal GeoServer; services `/wms` and `/wcs`. */
  rivmAnk: string;
  /** ISRIC SoilGrids WCS for organic carbon stocks (coverage `ocs_0-30cm_mean`). */
  isricSoilGrids: string;
}

export const DEFAULT_SERVICE_URLS: Readonly<ServiceUrls> = Object.freeze({
  pdokBasemapStyle:
    'https://api.pdok.nl/kadaster/brt-achtergrondkaart/ogc/v1/styles/standaard__webmercatorquad?f=mapbox',
  pdokBasemapWmts:
    'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/{layer}/EPSG:3857/{z}/{x}/{y}.png',
  locatieserver: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1',
  brkBestuurlijkeGebieden: 'https://api.pdok.nl/kadaster/brk-bestuurlijke-gebieden/ogc/v1',
  bgt: 'https://api.pdok.nl/lv/bgt/ogc/v1',
  broBodemkaartWms: 'https://service.pdok.nl/bzk/bro-bodemkaart/wms/v1_0',
  rivmAnk: 'https://data.rivm.nl/geo/ank',
  isricSoilGrids: 'https://maps.isric.org/mapserv?map=/map/ocs.map',
});

let current: ServiceUrls = { ...DEFAULT_SERVICE_URLS };

/** The service URLs in use now. */
export function serviceUrls(): Readonly<ServiceUrls> {
  return current;
}

/** Points some services elsewhere (tests, mirrors); the others keep their URL. */
export function setServiceUrls(overrides: Partial<ServiceUrls>): void {
  const next = { ...current };
  for (const [key, value] of Object.entries(overrides) as [keyof ServiceUrls, unknown][]) {
    if (typeof value === 'string') next[key] = value;
  }
  current = next;
}

/** Back to DEFAULT_SERVICE_URLS. */
export function resetServiceUrls(): void {
  current = { ...DEFAULT_SERVICE_URLS };
}

/** The PDOK WMTS tile template of one layer, with {z}/{x}/{y} left for the map. */
export function pdokWmtsTemplate(layer = 'standaard'): string {
  return current.pdokBasemapWmts.replace('{layer}', layer);
}
