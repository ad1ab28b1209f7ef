import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The server-side feed helper (`npm run build:server`), into dist/server/feed-helper.js: one ES
 * module with the core's feed formats bundled in, for Node 18+, Deno, Bun and edge runtimes
 * (no Node built-ins: it only uses fetch, Request and Response). Published as
 * `incident-lens/server`.
 */
export default defineConfig({
  // (the extension's public/ folder is not the helper's)
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'dist/server'),
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    lib: {
      entry: resolve(import.meta.dirname, 'src/server/feed-helper.ts'),
      formats: ['es'],
      fileName: () => 'feed-helper.js',
    },
  },
});
