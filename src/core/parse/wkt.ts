import { fail, ok, type Result } from '../result';
import { crsFromEpsg } from './geojson';
import { MAX_GEOMETRY_DEPTH } from './limits';
import { fromGeoJsonGeometry, type RawFeature, type RawFile } from './raw';

/** WKT and EWKT keywords that start a geometry. */
export const WKT_START =
  /^\s*(SRID=\d+\s*;\s*)?(POLYGON|MULTIPOLYGON|POINT|LINESTRING|MULTIPOINT|MULTILINESTRING|GEOMETRYCOLLECTION|TRIANGLE|TIN|POLYHEDRALSURFACE|CURVEPOLYGON|MULTISURFACE)\b/i;

type Token = string;
type Coordinates = number[] | Coordinates[];
interface WktGeometry {
  type: string;
  coordinates?: Coordinates;
  geometries?: WktGeometry[];
}

class WktError extends Error {}
/** Geometries nested deeper than MAX_GEOMETRY_DEPTH (a recursion the stack must not pay for). */
class WktTooDeep extends Error {}

const TYPES: Record<string, string> = {
  POINT: 'Point',
  LINESTRING: 'LineString',
  POLYGON: 'Polygon',
  MULTIPOINT: 'MultiPoint',
  MULTILINESTRING: 'MultiLineString',
  MULTIPOLYGON: 'MultiPolygon',
  GEOMETRYCOLLECTION: 'GeometryCollection',
};

/** Nesting depth of coordinates per type: 0 = one position. */
const DEPTH: Record<string, number> = {
  Point: 0,
  LineString: 1,
  MultiPoint: 1,
  Polygon: 2,
  MultiLineString: 2,
  MultiPolygon: 3,
};

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  get done(): boolean {
    return this.i >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token {
    const token = this.tokens[this.i++];
    if (token === undefined) throw new WktError('end');
    return token;
  }

  private expect(token: Token): void {
    if (this.next() !== token) throw new WktError(token);
  }

  skipSeparators(): void {
    while (this.peek() === ';' || this.peek() === ',') this.i++;
  }

  /** One geometry; `nesting` counts the GEOMETRYCOLLECTIONs around it. */
  geometry(nesting = 0): WktGeometry {
    if (nesting > MAX_GEOMETRY_DEPTH) throw new WktTooDeep();
    // EWKT lines may each carry their own `SRID=n;` prefix.
    if (this.peek()?.toUpperCase() === 'SRID') {
      while (!this.done && this.next() !== ';');
    }
    const word = this.next().toUpperCase();
    const type = TYPES[word];
    if (!type) throw new WktError(word);
    while (/^(Z|M|ZM)$/i.test(this.peek() ?? '')) this.i++;
    if (this.peek()?.toUpperCase() === 'EMPTY') {
      this.i++;
      return type === 'GeometryCollection' ? { type, geometries: [] } : { type, coordinates: [] };
    }
    if (type === 'GeometryCollection') {
      this.expect('(');
      const geometries = [this.geometry(nesting + 1)];
      while (this.peek() === ',') {
        this.i++;
        geometries.push(this.geometry(nesting + 1));
      }
      this.expect(')');
      return { type, geometries };
    }
    const depth = DEPTH[type] ?? 0;
    if (depth === 0) {
      this.expect('(');
      const position = this.position();
      this.expect(')');
      return { type, coordinates: position };
    }
    return { type, coordinates: this.list(depth, type === 'MultiPoint') };
  }

  private position(): number[] {
    const out: number[] = [];
    while (this.peek() !== undefined && /^[-+.\d]/.test(this.peek() as string)) {
      const value = Number(this.next());
      if (!Number.isFinite(value)) throw new WktError('number');
      out.push(value);
    }
    if (out.length < 2) throw new WktError('position');
    return out;
  }

  /** A parenthesised list nested `depth` deep; MULTIPOINT may omit the inner parentheses. */
  private list(depth: number, multiPoint = false): Coordinates {
    this.expect('(');
    const out: Coordinates[] = [];
    do {
      if (depth === 1 && multiPoint && this.peek() === '(') {
        this.i++;
        out.push(this.position());
        this.expect(')');
      } else if (depth === 1) out.push(this.position());
      else out.push(this.list(depth - 1));
    } while (this.peek() === ',' && ++this.i);
    this.expect(')');
    return out as Coordinates;
  }
}

/** Reads WKT or EWKT: one or more geometries (one per line, or separated by `;`). */
export function readWkt(text: string): Result<RawFile> {
  const srid = /^\s*SRID=(\d+)\s*;/i.exec(text);
  const body = srid ? text.slice(srid[0].length) : text;
  const tokens = body.match(/[A-Za-z]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[(),;]|\S/g) ?? [];
  const parser = new Parser(tokens);
  const features: RawFeature[] = [];
  try {
    while (!parser.done) {
      const geometry = parser.geometry();
      features.push({
        index: features.length + 1,
        geometry: fromGeoJsonGeometry(geometry),
        properties: {},
      });
      parser.skipSeparators();
    }
  } catch (error) {
    if (error instanceof WktError) return fail('unreadable', 'import.wktInvalid');
    if (error instanceof WktTooDeep) {
      return fail('unreadable', 'import.geometryTooDeep', { max: MAX_GEOMETRY_DEPTH });
    }
    throw error;
  }
  const crs = srid ? crsFromEpsg(Number(srid[1])) : null;
  return ok({ format: 'wkt', features, featureCount: features.length, crs });
}
