// Builds the extension for Chrome (dist/chrome) and Firefox (dist/firefox), one after the other,
// then zips each for its store (dist/packages/incident-lens-<browser>-<version>.zip) with web-ext.
import { build } from 'vite';
import { spawnSync } from 'node:child_process';
import { writeNotices } from './notices.mjs';

for (const target of ['chrome', 'firefox']) {
  process.env.TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
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
