/**
 * The package as a product team meets it, offline: `npm pack`, install the tarball into a fresh
 * Vite + React + TypeScript app, type-check and build that app, load it in Chromium, and see the
 * banner render from a local feed. Then the self-contained file in a plain HTML page. The app's
 * own files and the page are the README's marked blocks, as written (only the example feed origin
 * is swapped for the local server's).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../browser';
import { startServer, type TestServer } from '../server';
import { partText, watch } from './harness';
import { packWidgets, readmeSnippets, scaffoldApp } from './offline-app';
import { serveDir } from './layout-kit';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/statuspage');
const CRITICAL = JSON.parse(
  readFileSync(join(FIXTURES, 'statuspage-embed-nyu-summary-critical-investigating.json'), 'utf8'),
);
const EXAMPLE_ORIGIN = 'https://status.example.com';

let browser: Browser;
let server: TestServer;
let tmp: string;
let tarball: string;
let snippets: Map<string, string>;

/** Writes a README block into `dir`, the example feed origin swapped for the local server's. */
function writeSnippet(dir: string, key: string, path: string): void {
  const text = snippets.get(key);
  if (!text) throw new Error(`widgets/README.md has no block marked <!-- e2e: ${key} -->`);
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text.replaceAll(EXAMPLE_ORIGIN, server.origin));
}

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: 'pipe',
    env: { ...process.env, CI: '1' },
  });

beforeAll(async () => {
  if (!existsSync(resolve(import.meta.dirname, '../../../widgets/dist/index.js')))
    throw new Error('widgets/dist is missing: run `npm run build` before the e2e tests.');
  browser = await launchBrowser();
  server = await startServer();
  server.json('/api/v2/summary.json', CRITICAL, {
    headers: { 'access-control-allow-origin': '*' },
  });
  tmp = mkdtempSync(join(tmpdir(), 'widgets-package-'));
  tarball = packWidgets(tmp);
  snippets = readmeSnippets();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the @incident-lens/widgets package, as a product team installs it', () => {
  test('the tarball carries the built files, the types, the manifest, the README and the licence', () => {
    const files = run('tar', ['-tzf', tarball], tmp).split('\n');
    for (const f of [
      'package/package.json',
      'package/README.md',
      'package/LICENSE',
      'package/dist/index.js',
      'package/dist/define.js',
      'package/dist/incident-banner.js',
      'package/dist/status-badge.js',
      'package/dist/custom-elements.json',
      'package/dist/types/widgets/src/index.d.ts',
      'package/dist/types/src/core/types.d.ts',
      'package/dist/standalone/incident-widgets.js',
      'package/dist/standalone/incident-widgets.iife.js',
      'package/dist/standalone/incident-widgets-formats.js',
      'package/dist/standalone/incident-widgets-statuspage.js',
      'package/dist/server/feed-helper.js',
      'package/dist/server/check-feed.js',
      'package/dist/types/src/server/feed-helper.d.ts',
      'package/bin/incident-widgets.mjs',
    ])
      expect(files, f).toContain(f);
    // no sources, tests or build scripts
    expect(files.filter((f) => /\.test\.|\/src\/.*\.ts$(?<!\.d\.ts)|build\.mjs/.test(f))).toEqual(
      [],
    );
  });

  test('a fresh Vite + React + TypeScript app installs it from the npm cache, type-checks, builds, and shows the banner', async () => {
    const app = join(tmp, 'app');
    scaffoldApp(app, tarball);
    writeSnippet(tmp, 'app/src/widgets.d.ts', 'app/src/widgets.d.ts');
    writeSnippet(tmp, 'app/src/App.tsx', 'app/src/App.tsx');
    // Every tarball comes from the npm cache (`npm ci` filled it; the lockfile is the repo's own);
    // --prefer-offline lets npm fetch a registry metadata document the cache lacks, once.
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], app);
    run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'], app);
    run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], app);
    serveDir(server, '/app/', join(app, 'dist'));
    // (the built index.html asks for /assets/…: serve those at the root too)
    serveDir(server, '/assets/', join(app, 'dist/assets'));

    const page = await browser.newPage();
    const w = watch(page);
    await page.goto(`${server.origin}/app/`);
    await expect
      .poll(() => partText(page, 'incident-banner', 'name'), { timeout: 15_000 })
      .toBe(CRITICAL.incidents[0].name);
    expect(await partText(page, 'status-badge', 'label')).toBe('Major system outage');
    expect(w.errors).toEqual([]);
    await page.close();
  }, 240_000);

  test('the self-contained file in a plain HTML page, German loaded from next to it', async () => {
    const site = join(tmp, 'site');
    writeSnippet(tmp, 'static/index.html', 'site/index.html');
    cpSync(
      join(tmp, 'app/node_modules/@incident-lens/widgets/dist/standalone'),
      join(site, 'incident-widgets'),
      { recursive: true },
    );
    serveDir(server, '/', site);
    const page = await browser.newPage();
    const w = watch(page);
    await page.goto(`${server.origin}/`);
    await expect
      .poll(() => partText(page, 'incident-banner', 'name'))
      .toBe(CRITICAL.incidents[0].name);
    await expect.poll(() => partText(page, 'status-badge', 'label')).toBe('Schwerer Systemausfall');
    const locale = server.requests.filter((r) => /\/incident-widgets\/locale-de-/.test(r.url));
    expect(locale).toHaveLength(1);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  test('the package carries the helper (@incident-lens/widgets/server) and the command: npx @incident-lens/widgets check', async () => {
    const app = join(tmp, 'app');
    const exported = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('@incident-lens/widgets/server'); console.log(typeof m.feedHandler, typeof m.expressFeed)",
      ],
      app,
    );
    expect(exported.trim()).toBe('function function');
    server.route('/instatus/summary.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(readFileSync(resolve(FIXTURES, '../feeds/instatus-summary.json')));
    });
    // (npm exec runs the installed package's bin, offline as the rest of this file; not spawnSync,
    // which would block the feed server in this process)
    const r = await new Promise<{ code: number | null; out: string; err: string }>((done) => {
      const child = spawn(
        'npx',
        ['--offline', '@incident-lens/widgets', 'check', `${server.origin}/instatus`],
        { cwd: app, env: { ...process.env, CI: '1' } },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('close', (code) => done({ code, out, err }));
    });
    const out = r.out;
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(out).toContain(`Found a feed at ${server.origin}/instatus/summary.json`);
    expect(out).toContain('Format: Instatus summary.json (detected)');
    expect(out).toContain("We're facing an issue with our API");
    expect(out).toMatch(/Cannot map from this format: components/);
  });
});
