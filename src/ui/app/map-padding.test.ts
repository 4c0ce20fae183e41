import { expect, test } from 'vitest';
import { coversBySide, paddingAround } from './map-padding';

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

test('covers go to the side where they take the least room', () => {
  const desktop = coversBySide(screen, [
    { left: 8, top: 8, right: 200, bottom: 52 },
    { left: 8, top: 60, right: 340, bottom: 860 },
    { left: 1260, top: 60, right: 1592, bottom: 860 },
    { left: 400, top: 780, right: 600, bottom: 870 },
  ]);
  expect(desktop.top?.bottom).toBe(52);
  expect(desktop.left?.right).toBe(340);
  expect(desktop.right?.left).toBe(1260);
  expect(desktop.bottom?.top).toBe(780);
  const phone = { left: 0, top: 0, right: 390, bottom: 844 };
  const sheet = coversBySide(phone, [
    { left: 8, top: 8, right: 382, bottom: 46 },
    { left: 0, top: 560, right: 390, bottom: 844 },
    { left: 0, top: 516, right: 390, bottom: 560 },
  ]);
  expect(sheet.bottom?.top).toBe(516);
  expect(sheet.left).toBeUndefined();
  const padding = paddingAround(phone, sheet);
  expect(padding.bottom).toBe(844 - 516 + 24);
  expect(padding.top).toBe(46 + 24);
});
