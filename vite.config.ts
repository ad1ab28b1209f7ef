import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { buildManifest, type Target } from './src/extension/manifest.ts';

const target = (process.env.TARGET ?? 'chrome') as Target;
const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

/** The extension build. `TARGET=firefox` builds the Firefox variant into dist/firefox. */
export default defineConfig({
  plugins: [preact(), crx({ manifest: buildManifest(target, version), browser: target })],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
    // The side panel page: crxjs builds the pages the manifest names, and it knows Chrome's
    // `side_panel` but not Firefox's `sidebar_action`, so Firefox's panel is named here.
    ...(target === 'firefox'
      ? { rolldownOptions: { input: { sidepanel: 'src/extension/sidepanel/index.html' } } }
      : {}),
  },
});
