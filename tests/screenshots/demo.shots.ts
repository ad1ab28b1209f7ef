import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';
// @ts-expect-error -- plain ESM module without types (the demo server runs under node directly)
import { startDemo } from '../../demo/server.mjs';

let browser: Browser;
let demo: { origin: string; close(): Promise<void> };

beforeAll(async () => {
  browser = await launchBrowser();
  // 110 s into the loop: the Checkout incident is "identified".
  demo = await startDemo({ port: 0, offsetMs: 110_000 });
});
afterAll(async () => {
  await demo?.close();
  await browser?.close();
});

// `npm run docs:screenshots`: the README's first picture, the sample SaaS app during the incident.
test('docs/demo-app.png: the sample SaaS app with the banner and the badge', async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  await page.goto(`${demo.origin}/demo/app.html`);
  await expect
    .poll(
      () =>
        page.locator('header + incident-banner').evaluate((el) => el.shadowRoot?.textContent ?? ''),
      { timeout: 10_000 },
    )
    .toContain('Checkout payments failing');
  await expect
    .poll(() =>
      page.locator('header status-badge').evaluate((el) => el.shadowRoot?.textContent ?? ''),
    )
    .toMatch(/outage/i);
  await page.screenshot({ path: 'docs/demo-app.png', animations: 'disabled' });
  await page.close();
});
