/**
 * A push parser for a GeoJSON FeatureCollection that is read in chunks: it hands out each feature
 * of the top-level `features` array as soon as it is complete, and every other top-level member
 * (`type`, `crs`, `name`, ...) as it ends. Memory is bounded by one feature plus one chunk, so a
 * national file is never held whole (DESIGN.md 8.4). Pure: callers feed the text.
 */

export interface StreamHandlers {
  feature(value: unknown): void;
  member(key: string, value: unknown): void;
}

type State =
  | 'start'
  | 'expectKey'
  | 'key'
  | 'expectColon'
  | 'expectValue'
  | 'value'
  | 'features'
  | 'feature'
  | 'afterValue'
  | 'done';

export class GeoJsonStreamError extends Error {}

const WS = new Set([' ', '\n', '\r', '\t', '\uFEFF']);

export class FeatureCollectionStream {
  private state: State = 'start';
  private depth = 0;
  private inString = false;
  private escape = false;
  private captured = '';
  private key = '';

  constructor(private readonly handlers: StreamHandlers) {}

  /** True once the top-level object has closed. */
  get done(): boolean {
    return this.state === 'done';
  }

  private capturing(): boolean {
    return this.state === 'key' || this.state === 'value' || this.state === 'feature';
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw new GeoJsonStreamError(`malformed JSON near: ${text.slice(0, 60)}`);
    }
  }

  push(chunk: string): void {
    let start = this.capturing() ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string;
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (ch === '\\') this.escape = true;
        else if (ch === '"') {
          this.inString = false;
          if (this.state === 'key') {
            this.key = this.parse(this.captured + chunk.slice(start, i + 1)) as string;
            this.captured = '';
            start = -1;
            this.state = 'expectColon';
          }
        }
        continue;
      }
      if (WS.has(ch)) continue;
      switch (this.state) {
        case 'start':
          if (ch !== '{') throw new GeoJsonStreamError('not a JSON object');
          this.depth = 1;
          this.state = 'expectKey';
          continue;
        case 'expectKey':
          if (ch === '"') {
            this.inString = true;
            this.state = 'key';
            start = i;
          } else if (ch === '}') {
            this.depth = 0;
            this.state = 'done';
          } else if (ch !== ',') throw new GeoJsonStreamError(`unexpected ${ch}`);
          continue;
        case 'expectColon':
          if (ch !== ':') throw new GeoJsonStreamError(`unexpected ${ch}`);
          this.state = 'expectValue';
          continue;
        case 'expectValue':
          if (this.key === 'features' && ch === '[') {
            this.depth = 2;
            this.state = 'features';
            continue;
          }
          this.state = 'value';
          start = i;
          break;
        case 'features':
          if (ch === '{') {
            this.state = 'feature';
            start = i;
            break;
          }
          if (ch === ']') {
            this.depth = 1;
            this.state = 'afterValue';
          } else if (ch !== ',') throw new GeoJsonStreamError(`unexpected ${ch} in features`);
          continue;
        case 'afterValue':
          if (ch === ',') this.state = 'expectKey';
          else if (ch === '}') {
            this.depth = 0;
            this.state = 'done';
          } else throw new GeoJsonStreamError(`unexpected ${ch}`);
          continue;
        case 'done':
          throw new GeoJsonStreamError('text after the end of the object');
        default:
          break;
      }
      // Inside a captured value or feature.
      if (ch === '"') {
        this.inString = true;
        continue;
      }
      if (this.state === 'value' && this.depth === 1 && (ch === ',' || ch === '}')) {
        const text = this.captured + chunk.slice(start, i);
        this.captured = '';
        start = -1;
        this.handlers.member(this.key, this.parse(text));
        if (ch === ',') this.state = 'expectKey';
        else {
          this.depth = 0;
          this.state = 'done';
        }
        continue;
      }
      if (ch === '{' || ch === '[') this.depth++;
      else if (ch === '}' || ch === ']') {
        this.depth--;
        if (this.state === 'feature' && this.depth === 2) {
          const text = this.captured + chunk.slice(start, i + 1);
          this.captured = '';
          start = -1;
          this.state = 'features';
          this.handlers.feature(this.parse(text));
        }
      }
    }
    if (this.capturing() && start >= 0) this.captured += chunk.slice(start);
  }

  /** Checks that the text ended with the object closed. */
  end(): void {
    if (this.state !== 'done') throw new GeoJsonStreamError('the file ends inside the object');
  }
}
