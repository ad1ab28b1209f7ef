/**
 * The demo's set-up, shared by its e2e test (tests/e2e/demo.e2e.ts) and its screenshot
 * (tests/screenshots/demo.shots.ts): Chromium and the demo server, and the sample SaaS app open
 * with the incident showing.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../browser';
// @ts-expect-error -- plain ESM module without types (the demo server runs under node directly)
import { startDemo } from '../../../demo/server.mjs';
import { until } from './wait';

export interface DemoSession {
  browser: Browser;
  /** The demo server's origin (http://127.0.0.1:port). */
  origin: string;
  close(): Promise<void>;
}

/** Chromium and the demo server, 110 s into its loop: the Checkout incident is "identified". */
export async function startDemoSession(): Promise<DemoSession> {
  const browser = await launchBrowser();
  const demo = (await startDemo({ port: 0, offsetMs: 110_000 })) as {
    origin: string;
    close(): Promise<void>;
  };
  return {
    browser,
    origin: demo.origin,
    async close() {
      await demo.close();
      await browser.close();
    },
  };
}

/** The text in a widget's shadow root. */
const shadowText = (page: Page, selector: string): Promise<string> =>
  page.locator(selector).evaluate((el) => el.shadowRoot?.textContent ?? '');

/** Opens the sample SaaS app and waits until its banner and badge show the incident. */
export async function openDemoApp(s: DemoSession): Promise<Page> {
  const page = await s.browser.newPage({ viewport: { width: 1100, height: 760 } });
  await page.goto(`${s.origin}/demo/app.html`);
  await until(
    'the banner naming the Checkout incident',
    async () =>
      (await shadowText(page, 'header + incident-banner')).includes('Checkout payments failing'),
    10_000,
  );
  await until('the badge saying outage', async () =>
    /outage/i.test(await shadowText(page, 'header status-badge')),
  );
  return page;
}
