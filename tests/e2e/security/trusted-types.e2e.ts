// Issue 16, item 12: a page whose Trusted Types allow-list lacks "lit-html" broke the widgets with
// an uncaught error, and neither tag got defined. Real Chromium, a real CSP header.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from '../browser';
import { startServer, type TestServer } from '../server';
import { hostPage, watch } from '../widgets/harness';

const CRITICAL = JSON.parse(
  readFileSync(
    resolve(
      import.meta.dirname,
      '../../fixtures/statuspage/statuspage-embed-nyu-summary-critical-investigating.json',
    ),
    'utf8',
  ),
) as { incidents: { name: string }[] };

let browser: Browser;
let server: TestServer;
beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
  server.json('/tt/summary.json', CRITICAL);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const WIDGETS =
  '<incident-banner src="/tt/summary.json"></incident-banner><status-badge src="/tt/summary.json"></status-badge>';

/** Opens the widgets under `csp`, waits until both tags render something, returns what was seen. */
async function under(path: string, csp: string) {
  server.html(path, hostPage(WIDGETS), { 'content-security-policy': csp });
  const page = await browser.newPage();
  const w = watch(page);
  await page.goto(server.origin + path);
  await page.waitForFunction(
    () =>
      ['incident-banner', 'status-badge'].every(
        (t) => customElements.get(t) && document.querySelector(t)?.shadowRoot?.textContent?.trim(),
      ),
    undefined,
    { timeout: 15_000 },
  );
  const seen = await page.evaluate(() => {
    const text = (tag: string) =>
      document.querySelector(tag)?.shadowRoot?.textContent?.trim() ?? '';
    return {
      banner: text('incident-banner'),
      badge: text('status-badge'),
      markup: !!document
        .querySelector('incident-banner')
        ?.shadowRoot?.querySelector('[part~=name]'),
    };
  });
  await page.close();
  return { ...seen, ...w };
}

test('an allow-list without lit-html: both tags defined, text only, no page error, the console says what to allow', async () => {
  const r = await under(
    '/tt-strict',
    "require-trusted-types-for 'script'; trusted-types app-policy",
  );
  // Chromium reports the refused policy itself (the CSP asked for that); nothing else may appear,
  // and nothing may be thrown into the page.
  const csp = /^Creating a TrustedTypePolicy named 'lit-html' violates/;
  expect(r.errors.filter((e) => !csp.test(e))).toEqual([]);
  expect(r.banner).toContain(CRITICAL.incidents[0]!.name);
  expect(r.badge).not.toBe('');
  expect(r.markup).toBe(false);
  expect(r.warnings.join('\n')).toMatch(/trusted-types lit-html/);
});

test('an allow-list with lit-html: the full widgets, no warning', async () => {
  const r = await under(
    '/tt-allowed',
    "require-trusted-types-for 'script'; trusted-types lit-html",
  );
  expect(r.errors).toEqual([]);
  expect(r.markup).toBe(true);
  expect(r.warnings.join('\n')).not.toMatch(/lit-html/);
});
