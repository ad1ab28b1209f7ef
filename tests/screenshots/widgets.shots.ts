/** `npm run docs:screenshots`: every widget variant into docs/widgets-*.png (shown in widgets/README.md). */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';
import { startServer, type TestServer } from '../e2e/server';
import { hostPage, partText } from '../e2e/widgets/harness';
// @ts-expect-error -- plain ESM module without types (the demo's scenario feed)
import { summaryAt } from '../../demo/scenario.mjs';

const FIX = resolve(import.meta.dirname, '../fixtures/statuspage');
const DOCS = resolve(import.meta.dirname, '../../docs');
const load = (n: string) => JSON.parse(readFileSync(resolve(FIX, n), 'utf8'));

let browser: Browser;
let server: TestServer;
beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
  mkdirSync(DOCS, { recursive: true });
  server.json('/s/critical.json', load('statuspage-embed-nyu-summary-critical-investigating.json'));
  server.json('/s/major.json', load('statuspage-embed-nyu-summary-major-identified.json'));
  server.json('/s/maint.json', load('statuspage-embed-nyu-summary-maintenance-in-progress.json'));
  // (no fixture has an open minor incident: the major one, downgraded)
  const minor = load('statuspage-embed-nyu-summary-major-identified.json');
  minor.incidents[0].impact = 'minor';
  minor.incidents[0].name = 'Test incident: impact=minor';
  server.json('/s/minor.json', minor);
  // the demo scenario's Search maintenance, announced and starting in 3 hours
  server.json('/s/scheduled.json', summaryAt(Date.now() + 3 * 3_600_000 - 290_000, 'resolved'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const variants: [string, string, 'light' | 'dark'][] = [
  ['banner-critical', '<incident-banner src="/s/critical.json"></incident-banner>', 'light'],
  ['banner-major', '<incident-banner src="/s/major.json"></incident-banner>', 'light'],
  ['banner-minor', '<incident-banner src="/s/minor.json"></incident-banner>', 'light'],
  ['banner-maintenance', '<incident-banner src="/s/maint.json"></incident-banner>', 'light'],
  ['banner-scheduled', '<incident-banner src="/s/scheduled.json"></incident-banner>', 'light'],
  [
    'banner-dark',
    ['critical', 'major', 'minor', 'maint']
      .map((l) => `<incident-banner src="/s/${l}.json" theme="dark"></incident-banner>`)
      .join('<div style="height:6px"></div>'),
    'dark',
  ],
  ['banner-de', '<incident-banner src="/s/critical.json" locale="de"></incident-banner>', 'light'],
  [
    'banner-rtl',
    '<div dir="rtl" lang="he"><incident-banner src="/s/major.json"></incident-banner></div>',
    'light',
  ],
  [
    'badges',
    '<p style="display:flex;gap:12px;align-items:center;padding:8px"><status-badge src="/s/critical.json"></status-badge><status-badge src="/s/maint.json"></status-badge><status-badge src="/s/critical.json" compact></status-badge><status-badge src="/s/major.json" theme="dark"></status-badge></p>',
    'light',
  ],
];

test.each(variants)('docs/widgets-%s.png', async (name, body, scheme) => {
  server.html(`/shot/${name}`, hostPage(`<div id="shot" style="width:720px">${body}</div>`));
  const page = await browser.newPage({
    colorScheme: scheme,
    viewport: { width: 760, height: 400 },
  });
  await page.goto(`${server.origin}/shot/${name}`);
  const tag = body.includes('<incident') ? 'incident-banner' : 'status-badge';
  await expect
    .poll(() => partText(page, tag, tag === 'incident-banner' ? 'name' : 'label'))
    .toBeTruthy();
  if (tag === 'incident-banner') {
    // The banners appeared after the page's first render (nothing kept yet), so they float over
    // the page until the reader's next key or click; a key gives them their room.
    await page.keyboard.press('Shift');
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('incident-banner')].every(
            (b) => b.shadowRoot!.querySelector('.region.float') === null,
          ),
        ),
      )
      .toBe(true);
  }
  // Animations finished (not a fixed wait), so the picture shows the settled banner.
  await page.locator('#shot').screenshot({
    path: resolve(DOCS, `widgets-${name}.png`),
    animations: 'disabled',
  });
  await page.close();
});
