import { defineConfig, type Plugin } from 'vite';
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

/**
 * crxjs lists every `?script` import as a web-accessible resource for `<all_urls>`, so any website
 * could fetch `chrome-extension://<id>/src/extension/content.iife.js` and learn the extension is
 * installed (issue 16, item 11). The overlay script is injected by `scripting`, which needs no
 * web access, and the overlay loads nothing else: the entries go.
 */
function noWebAccessibleResources(): Plugin {
  return {
    name: 'incident-lens:no-web-accessible-resources',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const asset = bundle['manifest.json'];
        if (asset?.type !== 'asset') return;
        const manifest = JSON.parse(String(asset.source)) as Record<string, unknown>;
        delete manifest.web_accessible_resources;
        asset.source = JSON.stringify(manifest, null, 2);
      },
    },
  };
}

/** The extension build. `TARGET=firefox` builds the Firefox variant into dist/firefox. */
export default defineConfig({
  plugins: [
    preact(),
    crx({ manifest: buildManifest(target, version), browser: target }),
    noWebAccessibleResources(),
  ],
  // Chrome honours ports in host permissions, Firefox does not (src/extension/origins).
  define: { 'import.meta.env.LENS_TARGET': JSON.stringify(target) },
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
