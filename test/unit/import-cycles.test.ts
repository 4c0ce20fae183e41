import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The modules of src/ must form no import cycle (docs/architecture.md), counting static value
 * imports and dynamic `import()` alike: a cycle through a lazy import still ties the modules'
 * designs together. Type-only imports are erased and are not counted.
 */

const SRC = resolve(import.meta.dirname, '../../src');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts'];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** The relative modules a file imports for their values. */
function valueImports(text: string): string[] {
  const found: string[] = [];
  const statement = /^(?:import|export)\s+([^;]*?)\s+from\s+'(\.[^']+)'/gms;
  for (const match of text.matchAll(statement)) {
    const clause = match[1];
    if (/^type\s/.test(clause)) continue;
    const named = /^\{([^}]*)\}$/.exec(clause.trim());
    if (named) {
      const names = named[1]
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      if (names.length > 0 && names.every((part) => part.startsWith('type '))) continue;
    }
    found.push(match[2]);
  }
  for (const match of text.matchAll(/^import\s+'(\.[^']+)'/gm)) found.push(match[1]);
  for (const match of text.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g)) found.push(match[1]);
  return found;
}

function resolveModule(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const ext of EXTENSIONS) {
    try {
      if (statSync(base + ext).isFile()) return base + ext;
    } catch {
      // try the next extension
    }
  }
  return null;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const cycle = visit(node);
      if (cycle) return cycle;
    }
  }
  return null;
}

describe('module graph of src/', () => {
  it('reads value imports and skips type-only ones', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C } from './c';",
      "import { type D, e } from './d';",
      "export { f } from './f';",
      "import './style.css';",
      "const lazy = import('./lazy');",
    ].join('\n');
    expect(valueImports(text)).toEqual(['./a', './d', './f', './style.css', './lazy']);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('has no import cycle', () => {
    const graph = new Map<string, string[]>();
    for (const file of sources(SRC)) {
      const targets = valueImports(readFileSync(file, 'utf8'))
        .map((spec) => resolveModule(file, spec))
        .filter((target): target is string => target !== null);
      graph.set(file, targets);
    }
    expect(graph.size).toBeGreaterThan(100);
    const cycle = findCycle(graph);
    expect(cycle?.map((file) => file.slice(SRC.length + 1)) ?? null).toBeNull();
  });
});
