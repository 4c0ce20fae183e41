import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { type BenchContext, type Benchmark, median } from './bench-kit';

/** Fresh contexts per figure: each is a cold load (empty cache). */
const RUNS = 5;

/**
 * Runs in the page: resolves with performance.now() at the first map idle after the demo's raster
 * layers are on the map. A string, because tsx's name helpers do not exist in the page.
 */
const WAIT_FOR_LAYERS_IDLE = `new Promise((resolve, reject) => {
  const deadline = setTimeout(() => reject(new Error('no idle with layers in 30 s')), 30000);
  const check = () => {
    const app = window.koolstofkaart;
    const first = app && app.store.getState().layerOrder[0];
    const map = app && app.map;
    if (map && first && map.getLayer('raster-' + first)) {
      const done = () => {
        if (!map.loaded()) return;
        map.off('idle', done);
        clearTimeout(deadline);
        resolve(performance.now());
      };
      map.on('idle', done);
      map.triggerRepaint();
      return;
    }
    setTimeout(check, 10);
  };
  check();
})`;

interface ColdLoad {
  /** Navigation start to the first idle of the map with the demo layers, ms. */
  startMs: number;
  /** Gzipped bytes of main-thread JavaScript requested before that idle. */
  mainScriptGzipBytes: number;
}

/**
 * Loads the production build once in a fresh context, offline (only the local server), and waits
 * for the first map idle after the demo's raster layers are on the map.
 */
async function coldLoad(browser: Browser, baseUrl: string): Promise<ColdLoad> {
  // A first visit without a service worker (DESIGN 9); it registers only after the first idle anyway.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.hostname === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  await page.goto(baseUrl);
  // Time from the page's own clock: navigation start to the idle that follows the layers.
  const startMs = (await page.evaluate(WAIT_FOR_LAYERS_IDLE)) as number;
  // The main thread's own resource timeline: scripts fetched by workers are in theirs, not here.
  const scriptUrls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => /\.m?js(\?|$)/.test(new URL(name).pathname)),
  );
  await context.close();
  const mainScripts = scriptUrls.filter((url) => !/worker/i.test(new URL(url).pathname));
  const sizes = await Promise.all(
    mainScripts.map(async (url) => {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      return gzipSync(body, { level: 9 }).length;
    }),
  );
  return { startMs, mainScriptGzipBytes: sizes.reduce((sum, size) => sum + size, 0) };
}

async function measure(context: BenchContext): Promise<ColdLoad[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    await coldLoad(browser, context.baseUrl); // warms the server and the browser, not counted
    const loads: ColdLoad[] = [];
    for (let run = 0; run < RUNS; run++) {
      const load = await coldLoad(browser, context.baseUrl);
      context.log(`app: run ${run + 1}: ${load.startMs.toFixed(0)} ms`);
      loads.push(load);
    }
    return loads;
  } finally {
    await browser.close();
  }
}

let cached: Promise<ColdLoad[]> | null = null;
/** Both figures come from the same cold loads, run once. */
function loadsOnce(context: BenchContext): Promise<ColdLoad[]> {
  cached ??= measure(context);
  return cached;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'start-ms',
    needsBuild: true,
    async run(context) {
      const loads = await loadsOnce(context);
      return [
        {
          name: 'start-ms',
          value: Math.round(median(loads.map((load) => load.startMs))),
          unit: 'ms',
          baseline: null,
          target: '< 2000',
          note: `median of ${RUNS} cold loads of the build to the first idle with demo layers`,
        },
      ];
    },
  },
  {
    name: 'bundle-kib',
    needsBuild: true,
    async run(context) {
      const loads = await loadsOnce(context);
      const bytes = median(loads.map((load) => load.mainScriptGzipBytes));
      return [
        {
          name: 'bundle-kib',
          value: Math.round((bytes / 1024) * 10) / 10,
          unit: 'KiB',
          baseline: null,
          target: '<= 450',
          note: 'gzipped main-thread JavaScript before the first idle, workers excluded',
        },
      ];
    },
  },
];
