import { fail, ok, type Result } from '../result';
import type { Catalogue } from './catalogue-types';
import { BASE_LAYER_IDS, DERIVED_LAYER_IDS, LAND_USES, SOIL_GROUPS } from './classes';

/** One thing wrong with a catalogue: where (a JSON path) and what was expected there. */
export interface CatalogueProblem {
  path: string;
  expected: string;
}

type Json = Record<string, unknown>;

const LAYER_IDS: readonly string[] = [...BASE_LAYER_IDS, ...DERIVED_LAYER_IDS];
const KINDS = ['continuous', 'categorical', 'derived'];
const CLASS_NAMES: Record<string, Record<number, string>> = {
  'soil-group': SOIL_GROUPS,
  'land-use': LAND_USES,
};

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

class Checker {
  readonly problems: CatalogueProblem[] = [];

  expect(condition: boolean, path: string, expected: string): boolean {
    if (!condition) this.problems.push({ path, expected });
    return condition;
  }

  localized(value: unknown, path: string): void {
    if (this.expect(isObject(value), path, 'an object with nl and en texts') && isObject(value)) {
      this.expect(isText(value.nl), `${path}.nl`, 'a Dutch text');
      this.expect(isText(value.en), `${path}.en`, 'an English text');
    }
  }

  range(value: unknown, path: string): void {
    const good =
      Array.isArray(value) &&
      value.length === 2 &&
      isFiniteNumber(value[0]) &&
      isFiniteNumber(value[1]) &&
      value[0] < value[1];
    this.expect(good, path, '[min, max] with min < max');
  }
}

function checkClasses(check: Checker, layer: Json, path: string): void {
  const classes = layer.classes;
  if (layer.kind !== 'categorical') {
    check.expect(
      classes === undefined,
      `${path}.classes`,
      'no classes for a non-categorical layer',
    );
    return;
  }
  if (
    !check.expect(
      Array.isArray(classes) && classes.length > 0,
      `${path}.classes`,
      'a list of classes',
    )
  )
    return;
  const names = CLASS_NAMES[String(layer.id)];
  const codes = new Set<number>();
  (classes as unknown[]).forEach((entry, i) => {
    const at = `${path}.classes[${i}]`;
    if (!check.expect(isObject(entry), at, 'a class object') || !isObject(entry)) return;
    const code = entry.code;
    const codeOk = Number.isInteger(code) && (code as number) >= 1 && (code as number) <= 254;
    if (check.expect(codeOk, `${at}.code`, 'an integer class code 1-254')) {
      check.expect(!codes.has(code as number), `${at}.code`, 'a code not used before');
      codes.add(code as number);
    }
    const known = names?.[code as number];
    check.expect(
      isText(entry.name) && (known === undefined ? names === undefined : entry.name === known),
      `${at}.name`,
      known ? `the class name ${known}` : 'a class code and name of DESIGN.md 7.1',
    );
    check.localized(entry.title, `${at}.title`);
    check.expect(
      typeof entry.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(entry.color),
      `${at}.color`,
      'a colour #rrggbb',
    );
  });
}

function checkLayer(check: Checker, layer: unknown, path: string, seen: Set<string>): void {
  if (!check.expect(isObject(layer), path, 'a layer object') || !isObject(layer)) return;
  if (
    check.expect(
      LAYER_IDS.includes(String(layer.id)),
      `${path}.id`,
      `one of ${LAYER_IDS.join(', ')}`,
    )
  ) {
    check.expect(!seen.has(String(layer.id)), `${path}.id`, 'an id not used before');
    seen.add(String(layer.id));
  }
  check.localized(layer.title, `${path}.title`);
  check.expect(isText(layer.unit), `${path}.unit`, 'a unit');
  check.expect(KINDS.includes(String(layer.kind)), `${path}.kind`, KINDS.join(' | '));
  check.expect(isText(layer.palette), `${path}.palette`, 'a palette id');
  check.expect(
    isFiniteNumber(layer.scale) && layer.scale !== 0,
    `${path}.scale`,
    'a non-zero number',
  );
  check.expect(isFiniteNumber(layer.offset), `${path}.offset`, 'a number');
  check.expect(isFiniteNumber(layer.nodata), `${path}.nodata`, 'a number');
  check.range(layer.range, `${path}.range`);
  checkClasses(check, layer, path);
  check.localized(layer.source, `${path}.source`);
  check.expect(isText(layer.licence), `${path}.licence`, 'a licence');
  check.expect(
    isFiniteNumber(layer.resolution_m) && layer.resolution_m > 0,
    `${path}.resolution_m`,
    'a cell size > 0 in metres',
  );
  check.expect(
    typeof layer.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(layer.date),
    `${path}.date`,
    'a date YYYY-MM-DD',
  );
  check.expect(typeof layer.synthetic === 'boolean', `${path}.synthetic`, 'true or false');
  if (layer.kind === 'derived')
    check.expect(layer.file === undefined, `${path}.file`, 'no file for a derived layer');
  else check.expect(isText(layer.file), `${path}.file`, 'a file name relative to the catalogue');
  if (layer.stock_range !== undefined) {
    const r = layer.stock_range;
    const good =
      isObject(r) &&
      isFiniteNumber(r.low) &&
      isFiniteNumber(r.high) &&
      r.low > 0 &&
      r.low <= 1 &&
      r.high >= 1;
    check.expect(good, `${path}.stock_range`, '{low, high} with 0 < low <= 1 <= high');
  }
  if (layer.derived_from !== undefined)
    check.expect(
      LAYER_IDS.includes(String(layer.derived_from)),
      `${path}.derived_from`,
      'a layer id',
    );
}

/** Every problem of a would-be catalogue (empty when it is valid). */
export function catalogueProblems(value: unknown): CatalogueProblem[] {
  const check = new Checker();
  if (!check.expect(isObject(value), '$', 'a catalogue object') || !isObject(value))
    return check.problems;
  check.expect(isText(value.id), 'id', 'an id');
  check.localized(value.title, 'title');
  check.expect(value.crs === 'EPSG:28992', 'crs', 'EPSG:28992');
  const bbox = value.bbox_rd;
  check.expect(
    Array.isArray(bbox) &&
      bbox.length === 4 &&
      bbox.every(isFiniteNumber) &&
      bbox[0] < bbox[2] &&
      bbox[1] < bbox[3],
    'bbox_rd',
    '[minX, minY, maxX, maxY] in RD metres',
  );
  check.expect(typeof value.synthetic === 'boolean', 'synthetic', 'true or false');
  check.localized(value.attribution, 'attribution');
  if (value.context !== undefined) check.expect(isText(value.context), 'context', 'a file name');
  const layers = value.layers;
  if (check.expect(Array.isArray(layers) && layers.length > 0, 'layers', 'a list of layers')) {
    const seen = new Set<string>();
    (layers as unknown[]).forEach((layer, i) => {
      checkLayer(check, layer, `layers[${i}]`, seen);
    });
    if (value.synthetic === true)
      (layers as unknown[]).forEach((layer, i) => {
        if (isObject(layer))
          check.expect(
            layer.synthetic === true,
            `layers[${i}].synthetic`,
            'true in a synthetic catalogue',
          );
      });
  }
  return check.problems;
}

/**
 * Checks a parsed catalogue.json. On failure the error names the first problem's place and how
 * many there are (`catalogue.invalid`); `catalogueProblems` lists them all.
 */
export function validateCatalogue(value: unknown): Result<Catalogue> {
  const problems = catalogueProblems(value);
  const first = problems[0];
  if (first)
    return fail('unreadable', 'catalogue.invalid', {
      path: first.path,
      expected: first.expected,
      count: problems.length,
    });
  return ok(value as Catalogue);
}
