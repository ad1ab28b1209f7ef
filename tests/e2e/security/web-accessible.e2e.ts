// Issue 16, item 11: any website could detect the extension by fetching its content script, which
// crxjs had made web-accessible, at a fixed URL, for every page.
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

test('the built manifests expose no web-accessible resources', () => {
  for (const target of ['chrome', 'firefox']) {
    const m = JSON.parse(readFileSync(`dist/${target}/manifest.json`, 'utf8')) as {
      web_accessible_resources?: unknown;
    };
    expect(m.web_accessible_resources, target).toBeUndefined();
  }
});

test('a website cannot fetch the content script at its old fixed URL', async () => {
  const page = await s.context.newPage();
  await page.goto(`${server.origin}/probe`);
  const url = s.url('src/extension/content.iife.js');
  const outcome = await page.evaluate(async (u) => {
    try {
      const r = await fetch(u);
      return `status ${r.status}, ${(await r.text()).length} bytes`;
    } catch (e) {
      return `refused: ${String(e)}`;
    }
  }, url);
  expect(outcome).toMatch(/^refused/);
  // the file is still there for the extension itself: only the web's access went
  const ext = await s.openPage('src/extension/options/index.html');
  expect(await ext.evaluate(async (u) => (await fetch(u)).status, url)).toBe(200);
});
