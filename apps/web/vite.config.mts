import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));
const apiTarget = process.env.GOPREP_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  cacheDir: `${workspace}node_modules/.vite/apps/web`,
  plugins: [react(), precompress()],
  resolve: {
    alias: {
      '@/': `${root}src/`,
      '@goprep/domain': `${workspace}libs/domain/src/index.ts`,
      '@goprep/api-client': `${workspace}libs/api-client/src/index.ts`,
      // y-monaco imports the editor API by its pre-0.50 path; point it at the same module the slim
      // 'monaco-editor/editor' entry re-exports, so the room's editor shares the one Monaco chunk.
      'monaco-editor/esm/vs/editor/editor.api.js': `${workspace}node_modules/monaco-editor/esm/vs/editor/editor.api.js`,
    },
  },
  server: {
    port: 4200,
    host: 'localhost',
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false, ws: true },
      '/metrics': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { port: 4300, host: 'localhost' },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: true,
    // Monaco's slim editor chunk is ~3 MB raw; it is lazy and only loaded by code pages.
    chunkSizeWarningLimit: 4000,
  },
});
