import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type PreviewServer, preview } from 'vite';
import { TEST_PORT } from './harness';

let server: PreviewServer | undefined;

/** Serves the production build (dist/, built by `npm test` first) on a fixed local port. */
export async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(resolve(root, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `vite build` first (npm run test:browser does)');
  }
  server = await preview({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    preview: { port: TEST_PORT, strictPort: true, host: '127.0.0.1' },
    logLevel: 'error',
  });
}

export async function teardown(): Promise<void> {
  await server?.close();
}
