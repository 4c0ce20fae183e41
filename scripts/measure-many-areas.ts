/**
 * Main-thread blocking with 10,000 areas in the built app: putting them in until their analysis is
 * done, changing one area's geometry until its new result shows, selecting an area in the list,
 * selecting one on the map by clicking it, and renaming one. Needs a built app (`npx vite build`);
 * builds nothing itself. Usage:
 *   npx tsx scripts/measure-many-areas.ts [--dist <dir>] [--runs <n>] [--count <n>]
 *     [--inserts <n>] [--only analysis] [--profile <file.cpuprofile>]
 * Serves `dist/` (or `--dist`) with `vite preview` on KK_MEASURE_PORT (default 4293), opens it in
 * headless Chromium with every request outside 127.0.0.1 blocked, and prints, per action, the
 * longest main-thread task (Chromium `longtask` entries, over 50 ms) and the total blocking time
 * (the part of each long task over 50 ms) from the action until its result shows (the analysis
 * actions) or in the 2 s after it (the others), and the input's event duration (Event Timing: input
 * to the next paint; for the analysis actions: from the action to the result in the DOM).
 * `--only analysis` skips selecting and renaming; `--profile` writes a CPU profile (Chrome DevTools
 * format) of the first insert of all areas.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { rdToWgs84, wgs84ToRd } from '../src/core/projection/rd';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.KK_MEASURE_PORT ?? 4293);
const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const dist = resolve(root, argument('dist') ?? 'dist');
const runs = Number(argument('runs') ?? 5);
const count = Number(argument('count') ?? 10_000);
const inserts = Number(argument('inserts') ?? 3);
const onlyAnalysis = argument('only') === 'analysis';
const profilePath = argument('profile');
/** How long after an action its tasks count, ms: covers the map's reload and a delayed autosave. */
const WINDOW_MS = 2000;
const log = (message: string) => process.stderr.write(`${message}\n`);

interface SquareArea {
  id: string;
  name: string;
  color: string;
  visible: boolean;
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

/**
 * `count` squares of 100 m (1 ha) on a grid over the demo data (RD New x 145000-165000,
 * y 455000-471000), as WGS84 areas. Row-major from the south-west corner.
 */
function squares(total: number): SquareArea[] {
  const columns = Math.ceil(Math.sqrt((total * 20) / 16));
  const rows = Math.ceil(total / columns);
  const stepX = 20_000 / columns;
  const stepY = 16_000 / rows;
  const colors = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00'];
  const areas: SquareArea[] = [];
  for (let index = 0; index < total; index++) {
    const x = 145_000 + (index % columns) * stepX + (stepX - 100) / 2;
    const y = 455_000 + Math.floor(index / columns) * stepY + (stepY - 100) / 2;
    const corners: [number, number][] = [
      [x, y],
      [x + 100, y],
      [x + 100, y + 100],
      [x, y + 100],
      [x, y],
    ];
    areas.push({
      id: `square-${String(index + 1).padStart(5, '0')}`,
      name: `Vlak ${index + 1}`,
      color: colors[index % colors.length] as string,
      visible: true,
      geometry: { type: 'Polygon', coordinates: [corners.map((corner) => rdToWgs84(corner))] },
    });
  }
  return areas;
}

/** Records long tasks and input event durations from the start of the page. */
function installObservers(): void {
  const seen = { tasks: [] as [number, number][], events: [] as [number, number, string][] };
  Object.assign(window, { kkSeen: seen });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.tasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      seen.events.push([entry.startTime, entry.duration, entry.name]);
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
}

interface Figures {
  longestMs: number;
  blockingMs: number;
  eventMs: number;
}

const now = (page: Page) => page.evaluate(() => performance.now());

/** Waits out the window after `start`, then sums up what the page saw in it. */
async function figuresSince(page: Page, start: number): Promise<Figures> {
  await page.waitForTimeout(WINDOW_MS);
  return figuresBetween(page, start, start + WINDOW_MS);
}

/** Sums up what the page saw in tasks that started from `start` to `end` (page clock, ms). */
function figuresBetween(page: Page, start: number, end: number): Promise<Figures> {
  // A task that is still running delays this evaluate, so it is counted once it has ended.
  return page.evaluate(
    ({ from, to }) => {
      const seen = (
        window as unknown as {
          kkSeen: { tasks: [number, number][]; events: [number, number, string][] };
        }
      ).kkSeen;
      const tasks = seen.tasks.filter(([at]) => at >= from && at <= to);
      const events = seen.events.filter(([at]) => at >= from && at <= to);
      return {
        longestMs: Math.max(0, ...tasks.map(([, duration]) => duration)),
        blockingMs: tasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
        eventMs: Math.max(0, ...events.map(([, duration]) => duration)),
      };
    },
    { from: start, to: end },
  );
}

/** Waits until the page has had no long task for `quietMs`. */
async function settle(page: Page, quietMs = 1500): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const seen = (window as unknown as { kkSeen: { tasks: [number, number][] } }).kkSeen;
      const last = seen.tasks.at(-1);
      return !last || performance.now() - (last[0] + last[1]) > quiet;
    },
    quietMs,
    { timeout: 120_000, polling: 200 },
  );
}

const selectedId = (page: Page) =>
  page.evaluate(() => window.koolstofkaart?.store.getState().selectedId ?? null);

/** Clicks the select button of the `row`th area in the list (one that is not selected). */
async function selectInList(page: Page, row: number): Promise<Figures> {
  const button = page.locator('.area-row').nth(row).locator('.area-pick');
  const id = await page.locator('.area-row').nth(row).getAttribute('data-area-id');
  const box = await button.boundingBox();
  if (!box || !id) throw new Error(`no list row ${row}`);
  const start = await now(page);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const figures = await figuresSince(page, start);
  if ((await selectedId(page)) !== id) throw new Error(`row ${row} was not selected`);
  return figures;
}

/** Renames the selected area in the list: type a name, then Enter. */
async function renameSelected(page: Page, run: number): Promise<Figures> {
  const input = page.locator('.area-row.selected .area-name');
  await input.focus();
  await settle(page, 1000);
  const start = await now(page);
  await input.fill(`Hernoemd ${run}`);
  await input.press('Enter');
  const figures = await figuresSince(page, start);
  const name = await page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    return state?.areas.find((area) => area.id === state.selectedId)?.name;
  });
  if (name !== `Hernoemd ${run}`) throw new Error(`rename ${run} did not reach the store`);
  return figures;
}

/** Clicks the middle of an area on the map (zoomed in, so it is big enough to hit). */
async function selectOnMap(page: Page, area: SquareArea): Promise<Figures> {
  const ring = area.geometry.coordinates[0] ?? [];
  const lon = (ring[0]?.[0] ?? 0) / 2 + (ring[2]?.[0] ?? 0) / 2;
  const lat = (ring[0]?.[1] ?? 0) / 2 + (ring[2]?.[1] ?? 0) / 2;
  const pixel = await page.evaluate(
    (position) => {
      const point = window.koolstofkaart?.map?.project(position);
      return [point?.x ?? 0, point?.y ?? 0];
    },
    [lon, lat] as [number, number],
  );
  const box = await page.locator('[data-testid="map"] canvas').first().boundingBox();
  if (!box) throw new Error('no map canvas');
  const x = box.x + (pixel[0] ?? 0);
  const y = box.y + (pixel[1] ?? 0);
  await page.mouse.move(x, y);
  await settle(page, 800);
  const start = await now(page);
  await page.mouse.click(x, y);
  const figures = await figuresSince(page, start);
  if ((await selectedId(page)) !== area.id) throw new Error(`${area.id} was not selected`);
  return figures;
}

/** Starts a CPU profile of the page when `--profile` asks for one; the returned function ends it. */
async function startProfile(page: Page, name: string): Promise<() => Promise<void>> {
  if (!profilePath) return async () => {};
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    const file = `${profilePath.replace(/\.cpuprofile$/, '')}-${name}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    log(`profile: ${file}`);
    await cdp.detach();
  };
}

/** Page clock when `selector` is in the DOM (polled every animation frame). */
async function timeWhen(page: Page, selector: string, attribute?: string, not?: string | null) {
  const handle = await page.waitForFunction(
    ({ selector, attribute, not }) => {
      const element = document.querySelector(selector);
      if (!element) return false;
      if (attribute && element.getAttribute(attribute) === not) return false;
      return performance.now();
    },
    { selector, attribute, not },
    { timeout: 600_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Puts in all areas at once (`replaceAreas`, as a restored session or an import does) and waits
 * until every area has its result: the total over all areas shows. `eventMs` is that wait.
 */
async function insertAll(page: Page, areas: SquareArea[], run: number): Promise<Figures> {
  await page.evaluate(() => window.koolstofkaart?.store.getState().replaceAreas([]));
  await settle(page, 1000);
  // Handed over first, so the copy into the page is not part of the action.
  await page.evaluate((all) => Object.assign(window, { kkAreas: all }), areas);
  await settle(page, 1000);
  const stop = await startProfile(page, run === 0 ? 'insert' : `insert-${run}`);
  const start = await page.evaluate(() => {
    const at = performance.now();
    const all = (window as unknown as { kkAreas: never[] }).kkAreas;
    window.koolstofkaart?.store.getState().replaceAreas(all);
    return at;
  });
  const end = await timeWhen(page, '.result-total');
  await stop();
  const figures = await figuresBetween(page, start, end);
  await page.evaluate(() => Object.assign(window, { kkAreas: null }));
  return { ...figures, eventMs: end - start };
}

/**
 * Changes the geometry of the selected `area` (`updateArea`, as an edit on the map does) to a
 * rectangle of 100 m by 100 + 10·(run + 1) m and waits until its new area shows in the results.
 * `eventMs` is that wait.
 */
async function editGeometry(page: Page, area: SquareArea, run: number): Promise<Figures> {
  const ring = area.geometry.coordinates[0] ?? [];
  const [x, y] = wgs84ToRd(ring[0] as [number, number]);
  const height = 100 + 10 * (run + 1);
  const corners: [number, number][] = [
    [x, y],
    [x + 100, y],
    [x + 100, y + height],
    [x, y + height],
    [x, y],
  ];
  const geometry = { type: 'Polygon', coordinates: [corners.map((corner) => rdToWgs84(corner))] };
  const figure = `.result-selected[data-area-id="${area.id}"] [data-testid="area-ha"]`;
  await page.evaluate((id) => window.koolstofkaart?.store.getState().selectArea(id), area.id);
  await page.locator(figure).waitFor({ state: 'attached', timeout: 30_000 });
  const before = await page.locator(figure).getAttribute('data-value');
  await settle(page, 1000);
  const stop = await startProfile(page, `edit-${run}`);
  const start = await page.evaluate(
    ({ id, geometry }) => {
      const at = performance.now();
      window.koolstofkaart?.store.getState().updateArea(id, { geometry } as never);
      return at;
    },
    { id: area.id, geometry },
  );
  const end = await timeWhen(page, figure, 'data-value', before);
  await stop();
  const figures = await figuresBetween(page, start, end);
  return { ...figures, eventMs: end - start };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const HEADER =
  `action                 longest task ms  blocking ms     event ms (analysis: to result)\n` +
  `                       median    max    median    max   median    max\n`;

function report(action: string, all: Figures[]): string {
  const column = (key: keyof Figures) => {
    const values = all.map((figures) => figures[key]);
    return `${median(values).toFixed(0).padStart(6)} ${Math.max(...values)
      .toFixed(0)
      .padStart(6)}`;
  };
  return `${action.padEnd(22)} ${column('longestMs')}   ${column('blockingMs')}   ${column('eventMs')}`;
}

async function main(): Promise<void> {
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: run \`npx vite build\` first`);
  }
  const server = await preview({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    build: { outDir: dist },
    preview: { port, strictPort: true, host: '127.0.0.1' },
    logLevel: 'error',
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1'
        ? route.continue()
        : route.abort('internetdisconnected'),
    );
    await context.addInitScript(installObservers);
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`page error: ${error}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.koolstofkaart?.map?.loaded(), null, {
      timeout: 30_000,
    });
    const areas = squares(count);
    log(`${dist}: ${areas.length} areas, ${inserts} inserts, ${runs} edits`);
    const insert: Figures[] = [];
    for (let run = 0; run < inserts; run++) {
      insert.push(await insertAll(page, areas, run));
      log(`insert ${run + 1}: results after ${(insert.at(-1)?.eventMs ?? 0).toFixed(0)} ms`);
      await settle(page, 2000);
    }
    const edit: Figures[] = [];
    for (let run = 0; run < runs; run++) {
      // Different areas over the grid, none of them the first few the list selects below.
      const area = areas[Math.floor(((run + 1) * areas.length) / (runs + 2))] as SquareArea;
      edit.push(await editGeometry(page, area, run));
      await settle(page);
    }
    const analysisReport =
      `${report('insert all, to total', insert)}\n` + `${report('edit one, to result', edit)}\n`;
    if (onlyAnalysis) {
      process.stdout.write(`${count} areas, ${dist}\n${HEADER}${analysisReport}`);
      await context.close();
      return;
    }
    const list: Figures[] = [];
    const rename: Figures[] = [];
    for (let run = 0; run < runs; run++) {
      list.push(await selectInList(page, run + 1));
      await settle(page);
      rename.push(await renameSelected(page, run));
      await settle(page);
    }
    // Zoomed in on the middle of the data: clicks hit a square of about 30 px.
    const middle = Math.floor(areas.length / 2);
    await page.evaluate(
      (position) => window.koolstofkaart?.map?.jumpTo({ center: position, zoom: 15 }),
      rdToWgs84([155_000, 463_000]),
    );
    await settle(page, 2000);
    const onMap: Figures[] = [];
    const inView = await page.evaluate(
      (candidates) => {
        const map = window.koolstofkaart?.map;
        const canvas = map?.getCanvas();
        if (!map || !canvas) return [];
        const width = canvas.clientWidth;
        const height = canvas.clientHeight;
        // Away from the side panels (21 rem each) and the overlays at the top and bottom.
        return candidates.filter(([, lon, lat]) => {
          const point = map.project([lon, lat]);
          return point.x > 420 && point.x < width - 420 && point.y > 200 && point.y < height - 200;
        });
      },
      areas
        .slice(middle - 300, middle + 300)
        .map((area) => [area.id, ...(area.geometry.coordinates[0]?.[0] ?? [0, 0])] as const),
    );
    for (let run = 0; run < Math.min(runs, inView.length); run++) {
      const id = inView[(run * 3) % inView.length]?.[0];
      const area = areas.find((each) => each.id === id);
      if (area) onMap.push(await selectOnMap(page, area));
      await settle(page);
    }
    process.stdout.write(
      `${count} areas, ${runs} runs, ${dist}\n${HEADER}${analysisReport}` +
        `${report('select in list', list)}\n` +
        `${report('rename (Enter)', rename)}\n` +
        `${onMap.length ? report('select on map', onMap) : 'select on map: no area in view'}\n`,
    );
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
