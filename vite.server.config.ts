import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The server side of the widgets package, into widgets/dist/server/ (run by the widgets build, or
 * alone with `npm run build:server`):
 * - feed-helper.js (`@incident-lens/widgets/server`): fetches a feed of any format, normalises it
 *   and answers the widgets' JSON with CORS and caching headers; no Node built-ins (it only uses
 *   fetch, Request and Response), so it runs on Node 20+, Deno, Bun and edge runtimes;
 * - check-feed.js: the feed validator behind the package's `incident-widgets check` bin.
 * The core's feed formats are bundled in (shared between the two in chunks/).
 */
const here = import.meta.dirname;
export default defineConfig({
  // (the extension's public/ folder is not the helper's)
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: resolve(here, 'widgets/dist/server'),
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    reportCompressedSize: false,
    lib: {
      entry: {
        'feed-helper': resolve(here, 'src/server/feed-helper.ts'),
        'check-feed': resolve(here, 'src/server/check-feed.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});
