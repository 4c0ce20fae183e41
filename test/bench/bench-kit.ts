/** Shared pieces for the benchmarks run by scripts/bench.ts (see DESIGN.md 7.3). */

export type BenchUnit = 'ms' | 'KiB' | 'cells/s' | 's';

export interface BenchFigure {
  name: string;
  value: number;
  unit: BenchUnit;
  /** Baseline in the same unit, measured in the same run; null when there is none. */
  baseline: number | null;
  /** What the figure and baseline are, for the table. */
  note?: string;
  /** Target from DESIGN.md section 6, for the table. */
  target?: string;
}

export interface Benchmark {
  name: string;
  /** True when it needs the production build served (browser benchmarks). */
  needsBuild?: boolean;
  run: (context: BenchContext) => Promise<BenchFigure[]>;
}

export interface BenchContext {
  /** Base URL of the production build, when a benchmark needs it. */
  baseUrl: string;
  log: (message: string) => void;
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** `ratio` of DESIGN.md 7.3: > 1 means better than the baseline. */
export function ratioOf(figure: BenchFigure): number | null {
  if (figure.baseline === null || figure.value === 0) return null;
  return figure.unit === 'cells/s'
    ? figure.value / figure.baseline
    : figure.baseline / figure.value;
}
