import { cpSync, createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { packageIndexJson } from './lib/package-index';

const DATA_DIR = resolve(import.meta.dirname, '..', 'data');
const INDEX_PATH = '/packages/index.json';

/**
 * Serves the committed data packages under /data/ (and their index at /data/packages/index.json) (with HTTP Range support, as COG reads need) in
 * development, and copies it into dist/data/ on build, where `vite preview` serves ranges itself.
 */
export function demoData(): Plugin {
  let outDir = 'dist';
  return {
    name: 'koolstofkaart-demo-data',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        if ((req.url ?? '').split('?')[0] === INDEX_PATH) {
          res.setHeader('Content-Type', 'application/json');
          res.end(packageIndexJson(DATA_DIR));
          return;
        }
        const path = normalize(
          join(DATA_DIR, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '')),
        );
        if (!path.startsWith(DATA_DIR) || !existsSync(path) || !statSync(path).isFile())
          return next();
        const size = statSync(path).size;
        const type =
          path.endsWith('.json') || path.endsWith('.geojson') ? 'application/json' : 'image/tiff';
        res.setHeader('Accept-Ranges', 'bytes');
        res.setHeader('Content-Type', type);
        const range = /bytes=(\d*)-(\d*)/.exec(req.headers.range ?? '');
        if (!range) {
          res.setHeader('Content-Length', size);
          createReadStream(path).pipe(res);
          return;
        }
        const start = range[1] ? Number(range[1]) : size - Number(range[2]);
        const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
        res.statusCode = 206;
        res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
        res.setHeader('Content-Length', end - start + 1);
        createReadStream(path, { start, end }).pipe(res);
      });
    },
    // writeBundle, not closeBundle: the service worker's precache manifest (vite-plugin-pwa, at
    // closeBundle) must see these files.
    writeBundle() {
      if (!existsSync(DATA_DIR)) return;
      cpSync(DATA_DIR, join(outDir, 'data'), { recursive: true });
      // data/packages/index.json lists the packages for a static host (DESIGN 8.1).
      mkdirSync(join(outDir, 'data/packages'), { recursive: true });
      writeFileSync(join(outDir, 'data', INDEX_PATH), packageIndexJson(DATA_DIR));
    },
  };
}
