// Builds the extension for Chrome (dist/chrome) and Firefox (dist/firefox), one after the other,
// then zips each for its store (dist/packages/incident-lens-<browser>-<version>.zip) with web-ext.
import { build } from 'vite';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeNotices } from './notices.mjs';

/**
 * Every file the built manifest names (pages, panels, background, icons, web-accessible
 * resources), so that a page the bundler did not build fails the build instead of opening blank
 * in one browser.
 */
export function manifestFiles(m) {
  const files = [
    m.action?.default_popup,
    m.options_ui?.page,
    m.side_panel?.default_path,
    m.sidebar_action?.default_panel,
    m.background?.service_worker,
    m.storage?.managed_schema,
    ...(m.background?.scripts ?? []),
    ...Object.values(m.icons ?? {}),
    ...Object.values(m.action?.default_icon ?? {}),
    ...Object.values(m.sidebar_action?.default_icon ?? {}),
    ...(m.web_accessible_resources ?? []).flatMap((w) => w.resources),
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
  ];
  return [...new Set(files.filter(Boolean).map((f) => f.split('#')[0]))];
}

for (const target of ['chrome', 'firefox']) {
  process.env.TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  const manifest = JSON.parse(readFileSync(`dist/${target}/manifest.json`, 'utf8'));
  const missing = manifestFiles(manifest).filter((f) => !existsSync(join(`dist/${target}`, f)));
  if (missing.length) {
    console.error(
      `dist/${target}/manifest.json names files the build did not write: ${missing.join(', ')}`,
    );
    process.exit(1);
  }
  // The bundled packages' licences, in the folder and so in the store zip.
  writeNotices(`dist/${target}`, ['preact', 'idb', 'webextension-polyfill']);
  const zip = spawnSync(
    'npx',
    [
      'web-ext',
      'build',
      '--source-dir',
      `dist/${target}`,
      '--artifacts-dir',
      'dist/packages',
      '--filename',
      `incident-lens-${target}-{version}.zip`,
      '--overwrite-dest',
      '--no-config-discovery',
    ],
    { encoding: 'utf8' },
  );
  if (zip.status !== 0) {
    console.error(zip.stdout, zip.stderr);
    process.exit(1);
  }
  console.log(`built dist/${target}, zipped into dist/packages/`);
}
