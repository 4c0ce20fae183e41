import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const TEST_PORT = Number(process.env.KK_TEST_PORT ?? 4181);
export const BASE_URL = `http://127.0.0.1:${TEST_PORT}`;

/** Debian's Chromium, headless; playwright-core adds --no-sandbox and SwiftShader for WebGL. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium' });
}

export interface OpenedApp {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Requests to anything but this machine, which were blocked. */
  blocked: string[];
}

/** Harmless Chromium/SwiftShader console noise. */
const IGNORED = [/GPU stall due to ReadPixels/, /GL Driver Message/];

/**
 * Opens the built app in a fresh context with every request outside localhost blocked, and waits
 * until the map has loaded. `path` may carry a query string.
 */
export async function openApp(
  browser: Browser,
  options: {
    path?: string;
    locale?: string;
    width?: number;
    height?: number;
    wait?: boolean;
    /** A script run in the page before the app (Playwright's addInitScript). */
    initScript?: () => void;
    /**
     * Service workers are blocked unless a test asks for them (test/browser/offline.spec.ts):
     * one that controls the page would answer requests that `page.route` then never sees.
     * Each context is fresh, so a worker never outlives its test.
     */
    serviceWorkers?: 'allow' | 'block';
    /** Another server of the build than the shared one (BASE_URL). */
    baseUrl?: string;
  } = {},
): Promise<OpenedApp> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: options.locale ?? 'nl-NL',
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const errors: string[] = [];
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    blocked.push(url.href);
    return route.abort('internetdisconnected');
  });
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!IGNORED.some((pattern) => pattern.test(text))) errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto((options.baseUrl ?? BASE_URL) + (options.path ?? '/'));
  if (options.wait !== false) await waitForMapIdle(page);
  return { context, page, errors, blocked };
}

/** Waits until the map has loaded and rendered every visible tile. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.koolstofkaart?.map?.loaded(), null, { timeout: 30_000 });
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const map = window.koolstofkaart?.map;
        if (!map) return done();
        map.once('idle', () => done());
        map.triggerRepaint();
      }),
  );
}
