/**
 * `batch-10000-s` (DESIGN.md 6 and 7.3): 10,000 generated parcels added to the app at once and
 * analysed in full (every demo layer, the cross table and the estimate) by the app's worker pool
 * in Chromium, timed from adding the areas to the table of all areas showing the totals of all of
 * them. Baseline: the same batch with the pool limited to one worker (the page is told it has one
 * core). See docs/batch.md.
 */
import { type Browser, chromium } from 'playwright-core';
import { generateParcels } from '../../src/core/demo/parcels';
import type { BenchContext, Benchmark } from './bench-kit';

const COUNT = Number(process.env.KK_BATCH_COUNT ?? 10_000);

interface PageArea {
  id: string;
  name: string;
  color: string;
  visible: boolean;
  geometry: GeoJSON.Polygon;
}

function areasOf(count: number, seed: number): PageArea[] {
  return generateParcels(count, { seed }).map((parcel) => ({
    id: parcel.id,
    name: parcel.name,
    color: '#1b7837',
    visible: true,
    geometry: parcel.geometry,
  }));
}

/** Waits until the table's totals row counts `count` areas with results; the page's clock, ms. */
async function totalsAt(page: import('playwright-core').Page, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    (expected) =>
      document.querySelector('[data-testid="batch-totals"]')?.getAttribute('data-count') ===
        String(expected) && performance.now(),
    count,
    { timeout: 600_000, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

/** One timed batch in a fresh page, with `cores` as the page's hardwareConcurrency (null: real). */
async function timeBatch(
  browser: Browser,
  context: BenchContext,
  cores: number | null,
  areas: PageArea[],
): Promise<{ seconds: number; workers: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return url.hostname === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected');
    });
    if (cores !== null) {
      await page.addInitScript((value) => {
        Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => value });
      }, cores);
    }
    await page.goto(context.baseUrl);
    await page.waitForFunction(() => window.koolstofkaart?.map?.loaded(), null, {
      timeout: 60_000,
    });
    await page.getByRole('button', { name: 'Tabel van alle gebieden' }).click();
    // Warm up: one parcel elsewhere in the list opens the dataset in every worker of the pool.
    const [first, ...rest] = areas as [PageArea, ...PageArea[]];
    await page.evaluate((area) => window.koolstofkaart?.store.getState().addAreas([area]), first);
    await totalsAt(page, 1);
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    const start = await page.evaluate((batch) => {
      const now = performance.now();
      window.koolstofkaart?.store.getState().addAreas(batch);
      return now;
    }, rest);
    const end = await totalsAt(page, areas.length);
    return { seconds: (end - start) / 1000, workers: Math.min(8, Math.max(1, workers)) };
  } finally {
    await page.close();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'batch-10000-s',
    needsBuild: true,
    async run(context) {
      const areas = areasOf(COUNT + 1, 2026);
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
      try {
        const pool = await timeBatch(browser, context, null, areas);
        context.log(
          `batch: ${COUNT} parcels, ${pool.workers} workers: ${pool.seconds.toFixed(2)} s`,
        );
        const single = await timeBatch(browser, context, 1, areas);
        context.log(`batch: ${COUNT} parcels, 1 worker: ${single.seconds.toFixed(2)} s`);
        return [
          {
            name: 'batch-10000-s',
            value: Math.round(pool.seconds * 100) / 100,
            unit: 's',
            baseline: Math.round(single.seconds * 100) / 100,
            target: '< 30',
            note: `${COUNT} parcels of 1-10 ha added to the app, all layers and the estimate, ${pool.workers} workers; baseline 1 worker`,
          },
        ];
      } finally {
        await browser.close();
      }
    },
  },
];
