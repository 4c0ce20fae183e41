import { kmlGen } from '@tmcw/togeojson';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { fail, ok, type Result } from '../result';
import { MAX_XML_DEPTH } from './limits';
import {
  fromGeoJsonGeometry,
  isRecord,
  type Position2,
  type RawFeature,
  type RawFile,
} from './raw';
import { plainText } from './text';

/** A GPX track or route is an area when its ends lie at most this far apart (metres). */
export const GPX_CLOSE_M = 10;

/**
 * The deepest element nesting of XML text, found in one pass without parsing (comments, CDATA,
 * declarations and processing instructions skipped); stops counting beyond `max`.
 */
export function xmlDepth(text: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    const next = text.charCodeAt(i + 1);
    let close: number;
    if (text.startsWith('<!--', i)) close = text.indexOf('-->', i + 4) + 2;
    else if (text.startsWith('<![CDATA[', i)) close = text.indexOf(']]>', i + 9) + 2;
    else if (next === 33 || next === 63) close = text.indexOf('>', i + 2);
    else {
      close = text.indexOf('>', i + 1);
      if (next === 47) depth--;
      else if (close < 0 || text.charCodeAt(close - 1) !== 47) depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    }
    if (close < 0) break;
    i = text.indexOf('<', close + 1);
  }
  return deepest;
}

/** Parses XML text; malformed XML (truncated files, HTML pages) is unreadable. */
export function parseXml(text: string): Result<Document> {
  if (xmlDepth(text, MAX_XML_DEPTH) > MAX_XML_DEPTH) {
    return fail('unreadable', 'import.xmlTooDeep', { max: MAX_XML_DEPTH });
  }
  try {
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml');
    if (!doc.documentElement) return fail('unreadable', 'import.xmlInvalid');
    return ok(doc);
  } catch {
    return fail('unreadable', 'import.xmlInvalid');
  }
}

function localName(element: Element): string {
  return (element.localName ?? element.nodeName).replace(/^.*:/, '').toLowerCase();
}

/** Reads an XML document by its root element: KML or GPX; anything else is named. */
export function readXml(doc: Document, format: 'kml' | 'kmz'): Result<RawFile> {
  const root = doc.documentElement as Element;
  const name = localName(root);
  if (name === 'kml') return readKml(doc, format);
  if (name === 'gpx') return readGpx(doc);
  if (name === 'html') return fail('unreadable', 'import.htmlPage');
  if (/featurecollection/.test(name) || root.namespaceURI?.includes('opengis.net/gml')) {
    return fail('unsupported', 'import.gml');
  }
  return fail('unsupported', 'import.xmlUnknown', { root: root.nodeName.slice(0, 40) });
}

function folderPath(element: Element): string {
  const names: string[] = [];
  for (let node = element.parentNode; node; node = node.parentNode) {
    if (node.nodeType === 1 && localName(node as Element) === 'folder') {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 1 && localName(child as Element) === 'name') {
          names.unshift((child.textContent ?? '').trim());
          break;
        }
      }
    }
  }
  return names.filter(Boolean).join(' / ');
}

/** KML properties as plain text: HTML descriptions lose their markup, styles are dropped. */
function kmlProperties(properties: unknown, folder: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isRecord(properties)) return out;
  for (const [key, value] of Object.entries(properties)) {
    if (
      /^(styleUrl|styleHash|styleMapHash|stroke|stroke-opacity|stroke-width|fill|fill-opacity|icon|visibility|open)$/.test(
        key,
      )
    )
      continue;
    if (key === 'description' && isRecord(value)) out[key] = plainText(String(value.value ?? ''));
    else if (typeof value === 'string')
      out[key] = key === 'name' || key === 'description' ? plainText(value) : value;
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  if (folder && out.folder === undefined) out.folder = folder;
  return out;
}

function readKml(doc: Document, format: 'kml' | 'kmz'): Result<RawFile> {
  const placemarks = Array.from(doc.getElementsByTagName('Placemark'));
  if (placemarks.length === 0) {
    const links = doc.getElementsByTagName('NetworkLink');
    if (links.length > 0) {
      const href = doc.getElementsByTagName('href')[0]?.textContent?.trim() ?? '';
      return fail('unsupported', 'import.kmlNetworkLink', { href: href.slice(0, 200) });
    }
  }
  const features: RawFeature[] = [];
  // Placemarks come first, in document order; overlays and links follow and are not areas.
  const generator = kmlGen(doc, { skipNullGeometry: false });
  for (const placemark of placemarks) {
    const next = generator.next();
    if (next.done) break;
    const feature = next.value;
    const index = features.length + 1;
    const properties = kmlProperties(feature.properties, folderPath(placemark));
    const raw: RawFeature = { index, geometry: fromGeoJsonGeometry(feature.geometry), properties };
    if (typeof feature.id === 'string') raw.id = feature.id;
    features.push(raw);
  }
  return ok({
    format,
    features,
    featureCount: placemarks.length,
    crs: { kind: 'wgs84' },
    fixedWgs84: true,
  });
}

function childText(element: Element, name: string): string | undefined {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && localName(child as Element) === name) {
      return (child.textContent ?? '').trim();
    }
  }
  return undefined;
}

function gpxPoints(element: Element, tag: string): Position2[] | null {
  const out: Position2[] = [];
  for (const point of Array.from(element.getElementsByTagName(tag))) {
    const lat = Number(point.getAttribute('lat'));
    const lon = Number(point.getAttribute('lon'));
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || point.getAttribute('lat') === null)
      return null;
    out.push([lon, lat]);
  }
  return out;
}

/** Great-circle distance between two WGS84 positions, metres (spherical, ample for 10 m). */
function distanceM(a: Position2, b: Position2): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function readGpx(doc: Document): Result<RawFile> {
  const lines = [
    ...Array.from(doc.getElementsByTagName('trk')).map((e) => ({ element: e, tag: 'trkpt' })),
    ...Array.from(doc.getElementsByTagName('rte')).map((e) => ({ element: e, tag: 'rtept' })),
  ];
  const waypoints = doc.getElementsByTagName('wpt').length;
  const features: RawFeature[] = lines.map(({ element, tag }, i) => {
    const properties: Record<string, unknown> = {};
    for (const key of ['name', 'desc', 'cmt', 'type']) {
      const value = childText(element, key);
      if (value) properties[key] = plainText(value);
    }
    const points = gpxPoints(element, tag);
    const index = i + 1;
    if (!points) return { index, geometry: { type: 'invalid' }, properties };
    if (points.length === 0) return { index, geometry: { type: 'null' }, properties };
    const gapM = distanceM(points[0] as Position2, points[points.length - 1] as Position2);
    if (points.length < 3 || gapM > GPX_CLOSE_M) {
      return { index, geometry: { type: 'open-line', gapM }, properties };
    }
    return { index, geometry: { type: 'polygons', polygons: [[points]] }, properties };
  });
  if (features.length === 0 && waypoints > 0) return fail('no-polygons', 'import.onlyPoints');
  return ok({
    format: 'gpx',
    features,
    featureCount: features.length,
    crs: { kind: 'wgs84' },
    fixedWgs84: true,
  });
}
