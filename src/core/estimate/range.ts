import type { Range } from './types';

/** The zero range. */
export function zeroRange(): Range {
  return { low: 0, central: 0, high: 0 };
}

/** A range with low = central = high. */
export function pointRange(value: number): Range {
  return { low: value, central: value, high: value };
}

/** Every part multiplied by `factor` (factor >= 0 keeps the order). */
export function scaleRange(range: Range, factor: number): Range {
  return { low: range.low * factor, central: range.central * factor, high: range.high * factor };
}

/** Lows with lows, highs with highs (DESIGN.md section 3). */
export function addRanges(a: Range, b: Range): Range {
  return { low: a.low + b.low, central: a.central + b.central, high: a.high + b.high };
}

/** The sum of the ranges that are there, lows with lows; null when none is. */
export function sumRanges(ranges: Iterable<Range | null | undefined>): Range | null {
  let sum: Range | null = null;
  for (const range of ranges) {
    if (!range) continue;
    sum = sum ? addRanges(sum, range) : { ...range };
  }
  return sum;
}

/** Part-wise product of two ranges of non-negative numbers. */
export function multiplyRanges(a: Range, b: Range): Range {
  return { low: a.low * b.low, central: a.central * b.central, high: a.high * b.high };
}
