import { describe, expect, it } from 'vitest';
import { reconcileResults } from './reconcile-results';

const areas = (...ids: string[]) => ids.map((id) => ({ id }));
const from = (record: Record<string, object>) => (id: string) => record[id];

describe('reconcileResults', () => {
  const a = { value: 'a' };
  const b = { value: 'b' };

  it('keeps the same record when every area has the same result', () => {
    const previous = { a, b };
    expect(reconcileResults(previous, areas('a', 'b'), from({ a, b }))).toBe(previous);
  });

  it('keeps the same record when areas without a result have none', () => {
    const previous = { a };
    expect(reconcileResults(previous, areas('a', 'c'), from({ a }))).toBe(previous);
  });

  it('takes a changed result in a new record', () => {
    const previous = { a, b };
    const newer = { value: 'b2' };
    const results = reconcileResults(previous, areas('a', 'b'), from({ a, b: newer }));
    expect(results).toEqual({ a, b: newer });
    expect(results).not.toBe(previous);
    expect(previous.b).toBe(b);
  });

  it('adds a new result', () => {
    expect(reconcileResults({ a }, areas('a', 'b'), from({ a, b }))).toEqual({ a, b });
  });

  it('drops the result of an area that is gone, even when the cache still has it', () => {
    expect(reconcileResults({ a, b }, areas('a'), from({ a, b }))).toEqual({ a });
  });

  it('drops a result the cache no longer has', () => {
    expect(reconcileResults({ a, b }, areas('a', 'b'), from({ a }))).toEqual({ a });
  });

  it('keeps an empty record for no areas', () => {
    const previous = {};
    expect(reconcileResults(previous, [], from({ a }))).toBe(previous);
  });
});
