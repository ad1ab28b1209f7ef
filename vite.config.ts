import { build, defineConfig, type Plugin, type ResolvedConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { buildManifest, type Target } from './src/extension/manifest.ts';
import { OVERLAY_MODULE } from './src/extension/content/loader.ts';

const target = (process.env.TARGET ?? 'chrome') as Target;
const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

/** The overlay module's entry: imported by the content script's loader after `load` (issue 22). */
const OVERLAY_ENTRY = 'src/extension/content-overlay.ts';
/** The content script (the loader), which crxjs builds as an IIFE. */
const CONTENT_ENTRY = 'src/extension/content.iife.ts';

/**
 * The overlay module, built on its own as ONE self-contained ES module (preact and the views
 * inside, no imports), emitted at OVERLAY_MODULE. One file because Chrome serves a
 * `use_dynamic_url` resource by redirecting the dynamic URL to the fixed one: a chunk imported
 * relatively from it would resolve to the fixed URL, which `use_dynamic_url` refuses.
 */
async function buildOverlayModule(config: ResolvedConfig): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    root: config.root,
    mode: config.mode,
    resolve: config.resolve,
    define: config.define,
    plugins: [],
    build: {
      write: false,
      emptyOutDir: false,
      sourcemap: false,
      target: config.build.target,
      modulePreload: false,
      lib: { entry: OVERLAY_ENTRY, formats: ['es'], fileName: () => OVERLAY_MODULE },
      // Library mode leaves ES output unminified unless asked.
      rolldownOptions: { output: { codeSplitting: false, minify: true } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    'output' in r ? r.output : [],
  );
  const entry = outputs.find((o) => o.type === 'chunk' && o.isEntry);
  if (entry?.type !== 'chunk' || outputs.length !== 1)
    throw new Error(`the overlay module did not build as one file (${outputs.length} outputs)`);
  return entry.code;
}

/**
 * Emits the overlay module and makes it, alone, web-accessible: the content script's loader
 * imports it after `load`, and a content script's `import()` of an extension file needs that.
 * crxjs would list every `?script` import for `<all_urls>`, so any website could fetch
 * `chrome-extension://<id>/src/extension/content.iife.js` and learn the extension is installed
 * (issue 16, item 11): those entries go. Ours is for http(s) pages (the sites a user can turn on;
 * the overlay runs only on those), and in Chrome `use_dynamic_url`: reachable only at the
 * per-session dynamic URL `runtime.getURL` gives, never at the fixed extension id. Firefox has no
 * such key; its moz-extension host is already a random id per installation.
 */
function overlayModule(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'incident-lens:overlay-module',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const asset = bundle['manifest.json'];
        if (asset?.type !== 'asset') return;
        // crxjs leaves an unreferenced ES copy of the `?script` content script next to the IIFE it
        // registers (its comment says so); nothing loads it, so it is not shipped.
        for (const [name, out] of Object.entries(bundle))
          if (out.type === 'chunk' && out.facadeModuleId?.endsWith(CONTENT_ENTRY))
            delete bundle[name];
        this.emitFile({
          type: 'asset',
          fileName: OVERLAY_MODULE,
          source: await buildOverlayModule(config),
        });
        const manifest = JSON.parse(String(asset.source)) as Record<string, unknown>;
        manifest.web_accessible_resources = [
          {
            resources: [OVERLAY_MODULE],
            matches: ['https://*/*', 'http://*/*'],
            ...(target === 'chrome' ? { use_dynamic_url: true } : {}),
          },
        ];
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
    overlayModule(),
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
