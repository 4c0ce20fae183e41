/**
 * Makes the web app manifest's PNG icons (public/icons/) from the favicon's design, rendered by
 * headless Chromium: `npx tsx scripts/make-icons.ts`. The maskable icon keeps the picture inside
 * the central 80 % safe zone on a full-bleed background.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const OUT = resolve(import.meta.dirname, '..', 'public', 'icons');

/** The favicon (public/favicon.svg), with or without its rounded corners and a safe-zone inset. */
function iconSvg(maskable: boolean): string {
  const picture =
    '<path d="M4 22c6-6 10 2 24-6v12H4z" fill="#8c6d46"/>' +
    '<circle cx="11" cy="25" r="2" fill="#3b2a1a"/><circle cx="20" cy="24" r="1.5" fill="#3b2a1a"/>';
  if (!maskable)
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#2d5a27"/>${picture}</svg>`;
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#2d5a27"/>' +
    `<g transform="translate(3.2 3.2) scale(0.8)"><clipPath id="c"><rect width="32" height="32" rx="6"/></clipPath><g clip-path="url(#c)">${picture}</g></g></svg>`
  );
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
] as const) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const svg = iconSvg(maskable).replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  writeFileSync(resolve(OUT, name), await page.screenshot({ omitBackground: true }));
  await page.close();
}
await browser.close();
