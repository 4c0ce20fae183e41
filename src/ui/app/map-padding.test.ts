import { expect, test } from 'vitest';
import { paddingAround } from './map-padding';

const screen = { left: 0, top: 0, right: 1600, bottom: 900 };

test('the padding clears the top bar and both side panels, with a margin', () => {
  const padding = paddingAround(screen, {
    top: { left: 8, top: 8, right: 1592, bottom: 52 },
    left: { left: 8, top: 60, right: 340, bottom: 860 },
    right: { left: 1260, top: 60, right: 1592, bottom: 860 },
  });
  expect(padding).toEqual({ top: 76, left: 364, right: 364, bottom: 60 });
});

test('missing panels leave only the margin', () => {
  expect(paddingAround(screen, {})).toEqual({ top: 24, left: 24, right: 24, bottom: 60 });
});

test('on a narrow screen the panels are not both kept, so the shape still has room', () => {
  const narrow = { left: 0, top: 0, right: 600, bottom: 800 };
  const padding = paddingAround(narrow, {
    left: { left: 8, top: 60, right: 290, bottom: 760 },
    right: { left: 310, top: 60, right: 592, bottom: 760 },
  });
  expect(600 - padding.left - padding.right).toBeGreaterThanOrEqual(120);
  const tiny = paddingAround({ left: 0, top: 0, right: 100, bottom: 100 }, {});
  expect(Object.values(tiny).every((value) => value >= 0)).toBe(true);
});
