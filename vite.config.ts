import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { demoData } from './scripts/vite-demo-data';

export default defineConfig({
  plugins: [
    react(),
    demoData(),
    // The app works offline after one visit (DESIGN 9, docs/offline.md): src/sw.ts precaches the
    // build, the demo package and the municipality outlines; packages opened later are cached whole.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // src/pwa/register.ts registers the worker after the first idle and asks before updating.
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: 'Koolstofkaart — bodemkoolstof voor gemeenten',
        short_name: 'Koolstofkaart',
        description:
          'Bodemkoolstof in kaart voor Nederlandse gemeenten: voorraad, tekort en potentie.',
        lang: 'nl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#2d5a27',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        // dist/ itself, after scripts/vite-demo-data.ts has copied data/ into it (writeBundle).
        globDirectory: 'dist',
        globPatterns: [
          '**/*.{js,mjs,css,html,svg}',
          'data/demo/**/*',
          'data/packages/index.json',
          'data/reference/cbs-gemeenten/*.json',
          'data/reference/cbs-gemeenten/*.geojson',
        ],
        globIgnores: ['sw.js', 'workbox-*.js'],
        // The municipality outlines are 1.9 MB and the largest chunk about 1 MB.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, sourcemap: false },
  preview: { port: 4173, strictPort: true },
});
