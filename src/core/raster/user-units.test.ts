import { describe, expect, it } from 'vitest';
import { implausibleAs, median, takesUnit, unitFactor, unitTokens } from './user-units';

describe('user units (DESIGN.md 8.2)', () => {
  it('has the tokens and factors of 8.2', () => {
    expect(unitFactor('carbon-stock', 't/ha')).toBe(1);
    expect(unitFactor('carbon-stock', 'Mg/ha')).toBe(1);
    expect(unitFactor('carbon-stock', 'kg/m2')).toBe(10);
    expect(unitFactor('organic-matter', '%')).toBe(1);
    expect(unitFactor('organic-matter', 'g/kg')).toBe(0.1);
    expect(unitFactor('organic-matter', 'fraction')).toBe(100);
    expect(unitFactor('sealed', 'fraction')).toBe(100);
    expect(unitFactor('sealed', 'g/kg')).toBeNull();
    expect(unitFactor('carbon-stock', 'toString')).toBeNull();
    expect(unitTokens('sealed')).toEqual(['%', 'fraction']);
  });

  it('class layers take no unit', () => {
    expect(takesUnit('soil-group')).toBe(false);
    expect(takesUnit('land-use')).toBe(false);
    expect(unitFactor('land-use', '%')).toBeNull();
  });

  it('says what implausible values look like, and nothing for plausible ones', () => {
    expect(implausibleAs('carbon-stock', 6.5, 20)).toBe('kg/m2');
    expect(implausibleAs('carbon-stock', 65, 200)).toBeNull();
    expect(implausibleAs('organic-matter', 35, 180)).toBe('g/kg');
    expect(implausibleAs('organic-matter', 3.5, 18)).toBeNull();
    expect(implausibleAs('organic-matter', 0.03, 0.2)).toBe('fraction');
    expect(implausibleAs('sealed', 0.3, 1)).toBe('fraction');
    expect(median([3, 1, Number.NaN, 2])).toBe(2);
    expect(median([])).toBeNull();
  });
});
