import { readFile } from 'node:fs/promises';
import { unzlibSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rdToWgs84 } from '../../src/core/projection/rd';
import { pdfText } from '../../src/ui/report/ReportPdf';
import { launchBrowser, openApp } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A 1.2 x 0.9 km field in the demo municipality, in WGS84 as the store keeps areas. */
const FIELD = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [154_200, 462_300],
      [155_400, 462_300],
      [155_400, 463_200],
      [154_200, 463_200],
      [154_200, 462_300],
    ].map((point) => [...rdToWgs84(point as [number, number])]),
  ],
};

async function addField(page: Page, name: string): Promise<void> {
  await page.evaluate(
    ({ geometry, name }) => {
      window.koolstofkaart?.store.getState().addArea({
        id: 'veld-rapport',
        name,
        color: '#1f77b4',
        visible: true,
        geometry,
      });
    },
    { geometry: FIELD, name },
  );
  await page
    .getByTestId('stock-total')
    .and(page.locator('[data-value]'))
    .first()
    .waitFor({ timeout: 30_000 });
}

/** Centre, zoom, bearing and pitch of the map. */
function view(page: Page) {
  return page.evaluate(() => {
    const map = window.koolstofkaart?.map;
    const center = map?.getCenter();
    return {
      lng: center?.lng ?? NaN,
      lat: center?.lat ?? NaN,
      zoom: map?.getZoom() ?? NaN,
      bearing: map?.getBearing() ?? NaN,
      pitch: map?.getPitch() ?? NaN,
    };
  });
}

/** Unescapes a PDF literal string (the part between the parentheses). */
function unescapePdfString(text: string): string {
  return text.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, code: string) => {
    if (/^[0-7]+$/.test(code)) return String.fromCharCode(Number.parseInt(code, 8));
    return { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[code] ?? code;
  });
}

/**
 * The PDF's objects: every stream inflated when it is Flate-compressed (jsPDF's `compress`), the
 * text of its string literals, and the dictionaries of its image XObjects.
 */
function readPdf(bytes: Buffer): { text: string; images: string[]; pages: number } {
  const raw = bytes.toString('latin1');
  const strings: string[] = [];
  const images: string[] = [];
  const streamPattern = /<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g;
  for (let match = streamPattern.exec(raw); match; match = streamPattern.exec(raw)) {
    const dictionary = match[1] ?? '';
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (/\/Subtype\s*\/Image/.test(dictionary)) {
      images.push(dictionary);
      continue;
    }
    let body = bytes.subarray(start, end);
    if (/\/FlateDecode/.test(dictionary)) body = Buffer.from(unzlibSync(body));
    const content = body.toString('latin1');
    for (const literal of content.matchAll(/\(((?:\\.|[^\\)])*)\)\s*(?:Tj|'|")/g)) {
      strings.push(unescapePdfString(literal[1] ?? ''));
    }
    for (const array of content.matchAll(/\[((?:\\.|[^\]\\])*)\]\s*TJ/g)) {
      for (const literal of (array[1] ?? '').matchAll(/\(((?:\\.|[^\\)])*)\)/g)) {
        strings.push(unescapePdfString(literal[1] ?? ''));
      }
    }
  }
  const pages = raw.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
  return { text: strings.join(' '), images, pages };
}

const squeeze = (text: string) => pdfText(text).replace(/\s+/g, '');

test('the report leaves the map where it was, shows the map image being made, and its PDF is the page', async () => {
  const { page, errors, context } = await openApp(browser);
  await addField(page, "Akkers bij d'Ëlst");
  // A view of the user's own, away from the field.
  await page.evaluate(() =>
    window.koolstofkaart?.map?.jumpTo({ center: [5.37, 52.17], zoom: 11.37, bearing: 7 }),
  );
  const before = await view(page);
  // Watch the report from the moment it opens: while the map image is being made the page says
  // so and the PDF button is disabled.
  await page.evaluate(() => {
    const seen = { making: 0, makingWithPdfEnabled: 0 };
    (window as unknown as { reportSeen: typeof seen }).reportSeen = seen;
    const check = () => {
      if (!document.querySelector('[data-testid="report-map-making"]')) return;
      seen.making++;
      const pdf = document.querySelector<HTMLButtonElement>('[data-testid="report-pdf"]');
      if (pdf && !pdf.disabled) seen.makingWithPdfEnabled++;
    };
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    });
  });
  const opener = page.getByRole('button', { name: 'Rapport (afdrukken of PDF)' });
  await opener.focus();
  await opener.press('Enter');
  const report = page.getByTestId('report');
  await report.waitFor({ timeout: 10_000 });
  await report.locator('img').waitFor({ timeout: 20_000 });
  const seen = await page.evaluate(
    () => (window as unknown as { reportSeen: { making: number } }).reportSeen,
  );
  expect(seen).toMatchObject({ makingWithPdfEnabled: 0 });
  expect(seen.making).toBeGreaterThan(0);
  expect(await page.getByText('Kaartbeeld wordt gemaakt…').count()).toBe(0);
  // The map went back to the user's view as soon as the image was taken.
  const during = await view(page);
  for (const key of ['lng', 'lat', 'zoom', 'bearing', 'pitch'] as const) {
    expect(during[key], key).toBeCloseTo(before[key], 9);
  }

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page.getByRole('button', { name: 'PDF downloaden', exact: true }).click(),
  ]);
  const today = await page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
  expect(download.suggestedFilename()).toBe(`koolstofkaart-akkers-bij-d-elst-${today}.pdf`);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeLessThan(1_000_000);
  const pdf = readPdf(bytes);
  // The map image is in it, as a JPEG of a sensible size.
  expect(pdf.images).toHaveLength(1);
  expect(pdf.images[0]).toMatch(/\/DCTDecode/);
  const width = Number(/\/Width\s+(\d+)/.exec(pdf.images[0] ?? '')?.[1]);
  expect(width).toBeGreaterThan(800);
  expect(pdf.text).toContain('Methode en bronnen');
  // Every text of the page is in the PDF: headings, cells, notes, method and sources.
  const pageTexts = await report.evaluate((element) =>
    [...element.querySelectorAll('h1, h2, p, th, td, dt, dd')]
      .filter((each) => each.children.length === 0)
      .map((each) => each.textContent ?? '')
      .filter((text) => text.trim() !== ''),
  );
  expect(pageTexts.length).toBeGreaterThan(40);
  const pdfAll = squeeze(pdf.text);
  expect(pageTexts.filter((text) => !pdfAll.includes(squeeze(text)))).toEqual([]);

  // Closing gives focus back to the button that opened the report; the map has not moved.
  await page.getByRole('button', { name: 'Sluiten' }).click();
  expect(await page.getByTestId('report').count()).toBe(0);
  expect(
    await page.evaluate(
      () => document.activeElement?.textContent ?? document.activeElement?.tagName,
    ),
  ).toBe('Rapport (afdrukken of PDF)');
  const after = await view(page);
  for (const key of ['lng', 'lat', 'zoom', 'bearing', 'pitch'] as const) {
    expect(after[key], key).toBeCloseTo(before[key], 9);
  }
  // Esc closes it too, and focus comes back again.
  await opener.press('Enter');
  await report.waitFor({ timeout: 10_000 });
  await page.keyboard.press('Escape');
  await page.getByTestId('report').waitFor({ state: 'detached', timeout: 10_000 });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
    'Rapport (afdrukken of PDF)',
  );
  const afterEsc = await view(page);
  for (const key of ['lng', 'lat', 'zoom'] as const) {
    expect(afterEsc[key], key).toBeCloseTo(before[key], 9);
  }
  expect(errors).toEqual([]);
  await context.close();
}, 90_000);
