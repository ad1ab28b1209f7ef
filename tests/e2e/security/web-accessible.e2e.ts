// Issue 16, item 11: any website could detect the extension by fetching its content script, which
// crxjs had made web-accessible, at a fixed URL, for every page. Since issue 22 the overlay module
// the content script's loader imports after load is web-accessible (a content script's import()
// needs it), but in Chrome only at the per-session dynamic URL, and to http(s) pages only.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../browser';
import { startServer, type TestServer } from '../server';

let s: ExtensionSession;
let server: TestServer;

beforeAll(async () => {
  s = await launchWithExtension();
  server = await startServer();
  server.html('/probe', '<!doctype html><title>probe</title><p>a website</p>');
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});

test('the built manifests expose only the overlay module, to http(s) pages, in Chrome at the dynamic URL only', () => {
  const war = (target: string) =>
    (
      JSON.parse(readFileSync(`dist/${target}/manifest.json`, 'utf8')) as {
        web_accessible_resources?: unknown;
      }
    ).web_accessible_resources;
  const entry = { resources: ['assets/overlay.js'], matches: ['https://*/*', 'http://*/*'] };
  expect(war('chrome')).toEqual([{ ...entry, use_dynamic_url: true }]);
  // Firefox has no use_dynamic_url; its moz-extension host is a random id per installation.
  expect(war('firefox')).toEqual([entry]);
});

test('a website cannot fetch the content script or the overlay module at the fixed URL', async () => {
  const page = await s.context.newPage();
  await page.goto(`${server.origin}/probe`);
  for (const path of ['src/extension/content.iife.js', 'assets/overlay.js']) {
    const url = s.url(path);
    const outcome = await page.evaluate(async (u) => {
      try {
        const r = await fetch(u);
        return `status ${r.status}, ${(await r.text()).length} bytes`;
      } catch (e) {
        return `refused: ${String(e)}`;
      }
    }, url);
    expect(outcome, path).toMatch(/^refused/);
    // the file is still there for the extension itself: only the web's access went
    const ext = await s.openPage('src/extension/options/index.html');
    expect(await ext.evaluate(async (u) => (await fetch(u)).status, url)).toBe(200);
    await ext.close();
  }
});
