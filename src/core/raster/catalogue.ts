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
  if (isObject(layer.unit)) check.localized(layer.unit, `${path}.unit`);
  else check.expect(isText(layer.unit), `${path}.unit`, 'a unit, or one with nl and en texts');
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
      Array.isArray(r) &&
      r.length === 2 &&
      isFiniteNumber(r[0]) &&
      isFiniteNumber(r[1]) &&
      r[0] > 0 &&
      r[0] <= 1 &&
      r[1] >= 1;
    check.expect(good, `${path}.stock_range`, '[low, high] factors with 0 < low <= 1 <= high');
  }
  if (layer.derived_from !== undefined)
    check.expect(
      LAYER_IDS.includes(String(layer.derived_from)),
      `${path}.derived_from`,
      'a layer id',
    );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function isIsoDate(value: unknown): boolean {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/** A relative file name inside the package: no folder above it, no absolute path, no URL. */
function isInsideFile(value: unknown): boolean {
  return (
    isText(value) &&
    !value.startsWith('/') &&
    !value.includes('\\') &&
    !/^[a-z][a-z0-9+.-]*:/i.test(value) &&
    !value.split('/').includes('..')
  );
}

function checkSource(check: Checker, source: unknown, path: string): void {
  if (!check.expect(isObject(source), path, 'a source object') || !isObject(source)) return;
  check.expect(isText(source.id), `${path}.id`, 'an id');
  if (isObject(source.title)) check.localized(source.title, `${path}.title`);
  else check.expect(isText(source.title), `${path}.title`, 'a title');
  check.expect(
    isText(source.url) || isText(source.file),
    `${path}.url`,
    'a url or a file it was read from',
  );
  check.expect(
    typeof source.sha256 === 'string' && /^[0-9a-f]{64}$/.test(source.sha256),
    `${path}.sha256`,
    'the sha256 of the bytes read, 64 lower-case hex digits',
  );
  check.expect(isIsoDate(source.read), `${path}.read`, 'an ISO timestamp');
  check.expect(isText(source.licence), `${path}.licence`, 'a licence');
  check.expect(isText(source.request), `${path}.request`, 'the URL or command of the request');
}

/**
 * The keys DESIGN 8.1 adds for a data package. Each is checked when present; `required` (a
 * package, not a bare catalogue) also demands that every one is there.
 */
function checkPackageKeys(check: Checker, value: Json, required: boolean): void {
  const present = (key: string) => required || value[key] !== undefined;
  if (present('municipality')) {
    const m = value.municipality;
    check.expect(
      m === null || (isObject(m) && /^GM\d{4}$/.test(String(m.code)) && isText(m.name)),
      'municipality',
      '{"code":"GM0000","name":…} or null',
    );
  }
  if (present('created'))
    check.expect(isIsoDate(value.created), 'created', 'an ISO date such as 2026-11-23');
  if (present('builder')) {
    const b = value.builder;
    check.expect(
      isObject(b) && isText(b.name) && isText(b.version),
      'builder',
      '{"name","version"} of the program that made it',
    );
  }
  // A package names a file inside it; a catalogue the app made of opened files names its URL.
  if (present('outline'))
    check.expect(
      required ? isInsideFile(value.outline) : isText(value.outline),
      'outline',
      'a file name inside the package',
    );
  if (present('sources')) {
    if (check.expect(Array.isArray(value.sources), 'sources', 'a list of sources'))
      (value.sources as unknown[]).forEach((source, i) => {
        checkSource(check, source, `sources[${i}]`);
      });
  }
}

/** Checks of `catalogueProblems` and `validateCatalogue`. */
export interface CatalogueCheckOptions {
  /** A data package (DESIGN 8.1): its own keys are required, layer files stay inside it. */
  package?: boolean;
}

/** Every problem of a would-be catalogue (empty when it is valid). */
export function catalogueProblems(
  value: unknown,
  options: CatalogueCheckOptions = {},
): CatalogueProblem[] {
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
  checkPackageKeys(check, value, options.package === true);
  const layers = value.layers;
  if (check.expect(Array.isArray(layers) && layers.length > 0, 'layers', 'a list of layers')) {
    const seen = new Set<string>();
    (layers as unknown[]).forEach((layer, i) => {
      checkLayer(check, layer, `layers[${i}]`, seen);
    });
    if (options.package)
      (layers as unknown[]).forEach((layer, i) => {
        if (isObject(layer) && layer.file !== undefined)
          check.expect(isInsideFile(layer.file), `layers[${i}].file`, 'a file inside the package');
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
export function validateCatalogue(
  value: unknown,
  options: CatalogueCheckOptions = {},
): Result<Catalogue> {
  const problems = catalogueProblems(value, options);
  const first = problems[0];
  if (first)
    return fail('unreadable', 'catalogue.invalid', {
      path: first.path,
      expected: first.expected,
      count: problems.length,
    });
  return ok(value as Catalogue);
}
