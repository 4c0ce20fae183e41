import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { demoData } from './scripts/vite-demo-data';

export default defineConfig({
  plugins: [react(), demoData()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, sourcemap: false },
  preview: { port: 4173, strictPort: true },
});
