import { expect, test } from 'vitest';
import { scaleBarLength } from './export-png';

test('the scale bar is 1, 2 or 5 times a power of ten and fits', () => {
  expect(scaleBarLength(10, 160)).toEqual({ metres: 1000, px: 100 });
  expect(scaleBarLength(2.5, 160)).toEqual({ metres: 200, px: 80 });
  expect(scaleBarLength(0.3, 160)).toEqual({ metres: 20, px: 20 / 0.3 });
  for (const metresPerPx of [0.07, 1.3, 17, 420, 9000]) {
    const bar = scaleBarLength(metresPerPx, 160);
    expect(bar.px).toBeLessThanOrEqual(160);
    expect(bar.px).toBeGreaterThan(160 / 5);
    expect(String(bar.metres / 10 ** Math.floor(Math.log10(bar.metres)))).toMatch(/^[125]$/);
  }
});
