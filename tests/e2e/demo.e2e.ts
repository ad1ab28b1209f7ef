import { afterAll, beforeAll, expect, test } from 'vitest';
import { axe } from './browser';
// @ts-expect-error -- plain ESM module without types (the demo server runs under node directly)
import { startDemo } from '../../demo/server.mjs';
import { openDemoApp, startDemoSession, type DemoSession } from './support/demo';

let demo: DemoSession;
let browser: DemoSession['browser'];

beforeAll(async () => {
  demo = await startDemoSession();
  browser = demo.browser;
});
afterAll(() => demo?.close());

test('the scenario feed is a Statuspage v2 summary that plays the scripted incident', async () => {
  const res = await fetch(`${demo.origin}/api/v2/summary.json`);
  expect(res.headers.get('etag')).toBeTruthy();
  const body = (await res.json()) as {
    status: { indicator: string };
    incidents: { status: string }[];
  };
  expect(body.status.indicator).toBe('major');
  expect(body.incidents[0]?.status).toBe('identified');
  const again = await fetch(`${demo.origin}/api/v2/summary.json`, {
    headers: { 'if-none-match': res.headers.get('etag') ?? '' },
  });
  expect(again.status).toBe(304);
  for (const phase of ['monitoring', 'resolved', 'maintenance']) {
    const r = (await (await fetch(`${demo.origin}/api/v2/summary.json?phase=${phase}`)).json()) as {
      status: { indicator: string };
    };
    expect(r.status.indicator).toBe(
      { monitoring: 'minor', resolved: 'none', maintenance: 'maintenance' }[phase],
    );
  }
  const unresolved = (await (
    await fetch(`${demo.origin}/api/v2/incidents/unresolved.json`)
  ).json()) as {
    incidents: unknown[];
  };
  expect(unresolved.incidents).toHaveLength(1);
});

test('the sample SaaS app shows the banner and badge from the scenario feed', async () => {
  // (openDemoApp waits for the banner to name the incident and the badge to say "outage")
  const page = await openDemoApp(demo);
  expect(await axe(page)).toEqual([]);
  await page.close();
});

test('the demo page shows every variant: each level, maintenance running and announced, RTL', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${demo.origin}/demo/app.html`);
  const read = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-level]')].map((el) => {
        const root = el.shadowRoot!;
        const text = (p: string) => root.querySelector(`[part~=${p}]`)?.textContent?.trim() ?? '';
        return el.localName === 'status-badge'
          ? `badge ${text('label')}`
          : `${el.getAttribute('data-level')}: ${text('severity')} | ${text('status')} | ${text('time').replace(/\d+/g, 'N').replace(/[AP]M/, 'XM')} | ${getComputedStyle(root.querySelector('[part~=base]')!).direction}`;
      }),
    );
  await expect.poll(() => read().then((r) => r.filter((x) => !/: \| /.test(x)).length)).toBe(10);
  expect(await read()).toEqual([
    // the badge's words for each level; a running maintenance says when it ends
    'critical: Major system outage | Identified | updated just now | ltr',
    'major: Partial system outage | Identified | updated just now | ltr',
    'minor: Minor service outage | Identified | updated just now | ltr',
    'maintenance: Service under maintenance | In progress | ends N:N XM UTC | ltr',
    'scheduled: Service under maintenance | Scheduled | starts in N minute | ltr',
    'major: Partial system outage | Identified | updated just now | rtl',
    'badge Major system outage',
    'badge Minor service outage',
    'badge Service under maintenance',
    'badge All systems operational',
  ]);
  expect(errors).toEqual([]);
  await page.close();
});

test('the sample admin console is a plain page the overlay can be enabled on', async () => {
  const page = await browser.newPage();
  await page.goto(`${demo.origin}/demo/console.html`);
  await expect(page.locator('h1').textContent()).resolves.toContain('checkout');
  expect(await axe(page)).toEqual([]);
  await page.close();
});

test('`npm start -- --feed URL` serves the demo against another Statuspage-compatible feed', async () => {
  const { startServer } = await import('./server');
  const upstream = await startServer();
  try {
    const fixture = await (
      await fetch(`${upstream.origin}/fixtures/renku-ui-summary-outage.json`)
    ).text();
    upstream.json('/api/v2/summary.json', fixture);
    const proxied = await startDemo({ port: 0, feed: `${upstream.origin}/api/v2/summary.json` });
    try {
      const body = await (await fetch(`${proxied.origin}/api/v2/summary.json`)).text();
      expect(JSON.parse(body)).toEqual(JSON.parse(fixture));
    } finally {
      await proxied.close();
    }
  } finally {
    await upstream.close();
  }
});
