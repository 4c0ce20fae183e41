import { chromium, type Page } from 'playwright-core';
import { type BenchContext, type Benchmark, median } from './bench-kit';

/** Scenes made, and switches timed (forward to the last, back to the first, forward again). */
const SCENES = 5;
const SWITCHES = 12;

/**
 * Two areas and five scenes around the demo, each with its own view (centre, zoom), visible layer,
 * areas, selection and planning horizon, so a switch moves the map, swaps a raster layer and
 * changes the scenario. (Built in Node: functions defined inside `page.evaluate` break under tsx.)
 */
async function prepareScenes(page: Page): Promise<void> {
  const start = await page.evaluate(() => {
    const map = window.koolstofkaart?.map;
    const center = map?.getCenter();
    return {
      lng: center?.lng ?? 0,
      lat: center?.lat ?? 0,
      zoom: map?.getZoom() ?? 0,
      layerIds: window.koolstofkaart?.store.getState().layerOrder ?? [],
      scenario: window.koolstofkaart?.store.getState().scenario,
    };
  });
  const square = (dx: number, dy: number, size: number) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [start.lng + dx, start.lat + dy],
        [start.lng + dx + size, start.lat + dy],
        [start.lng + dx + size, start.lat + dy + size * 0.6],
        [start.lng + dx, start.lat + dy + size * 0.6],
        [start.lng + dx, start.lat + dy],
      ],
    ],
  });
  const areas = [
    {
      id: 'bench-a',
      name: 'A',
      color: '#0072b2',
      visible: true,
      geometry: square(-0.02, -0.01, 0.015),
    },
    {
      id: 'bench-b',
      name: 'B',
      color: '#d55e00',
      visible: true,
      geometry: square(0.005, 0, 0.015),
    },
  ];
  const scenes = Array.from({ length: SCENES }, (_, index) => {
    const shown = start.layerIds[index % start.layerIds.length];
    return {
      id: `scene-${index + 1}`,
      name: `Scene ${index + 1}`,
      view: {
        center: [start.lng + (index - 2) * 0.01, start.lat + ((index % 2) - 0.5) * 0.01] as [
          number,
          number,
        ],
        zoom: start.zoom + ((index % 3) - 1) * 0.8,
        bearing: 0,
        pitch: 0,
      },
      layers: Object.fromEntries(
        start.layerIds.map((id, order) => [id, { visible: id === shown, opacity: 0.8, order }]),
      ),
      areaIds: index % 2 ? ['bench-a'] : ['bench-a', 'bench-b'],
      selectedId: index % 2 ? 'bench-a' : 'bench-b',
      scenario: { ...start.scenario, horizon_years: 20 + index * 5 },
    };
  });
  await page.evaluate(
    ({ areas, scenes }) => {
      const state = window.koolstofkaart?.store.getState();
      state?.addAreas(areas);
      for (const scene of scenes) state?.addScene(scene as never);
    },
    { areas, scenes },
  );
}

/** Presses `key` and resolves with ms from the key event to the map's next idle. */
async function timeSwitch(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    const holder = window as unknown as { kkSwitch?: Promise<number> };
    holder.kkSwitch = new Promise<number>((done) => {
      // Registered after the app's own listener on the window, so the scene is applied by now.
      addEventListener(
        'keydown',
        (event) => {
          const map = window.koolstofkaart?.map;
          if (!map) return;
          map.once('idle', () => done(performance.now() - event.timeStamp));
          map.triggerRepaint();
        },
        { capture: true, once: true },
      );
    });
  });
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { kkSwitch: Promise<number> }).kkSwitch);
}

async function sceneSwitch(context: BenchContext): Promise<number> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const browserContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    });
    await browserContext.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1'
        ? route.continue()
        : route.abort('internetdisconnected'),
    );
    const page = await browserContext.newPage();
    await page.goto(context.baseUrl);
    await page.waitForFunction(() => window.koolstofkaart?.map?.loaded(), null, {
      timeout: 30_000,
    });
    await page.waitForFunction(
      () => window.koolstofkaart?.store.getState().layerOrder.length,
      null,
      {
        timeout: 30_000,
      },
    );
    await prepareScenes(page);
    await page.keyboard.press('p');
    await page.getByTestId('scene-counter').waitFor({ timeout: 30_000 });
    // The first scene: not counted (it opens the analysis and fills the caches).
    await timeSwitch(page, 'ArrowRight');
    const times: number[] = [];
    let position = 1;
    let step = 1;
    for (let run = 0; run < SWITCHES; run++) {
      if (position + step > SCENES || position + step < 1) step = -step;
      const ms = await timeSwitch(page, step > 0 ? 'ArrowRight' : 'PageUp');
      position += step;
      context.log(`scene switch to ${position} / ${SCENES}: ${ms.toFixed(1)} ms`);
      times.push(ms);
    }
    return median(times);
  } finally {
    await browser.close();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'scene-switch-ms',
    needsBuild: true,
    async run(context) {
      const ms = await sceneSwitch(context);
      return [
        {
          name: 'scene-switch-ms',
          value: Math.round(ms * 10) / 10,
          unit: 'ms',
          baseline: null,
          target: '< 500',
          note: `Chromium with reduced motion, presentation mode, key press (ArrowRight / PageUp) to the map's next idle; ${SCENES} scenes differing in view, visible layer, areas, selection and horizon; median of ${SWITCHES}`,
        },
      ];
    },
  },
];
