/**
 * Widgets and feeds beyond Statuspage (issue 18), in real Chromium. The host page and the
 * "provider" are two loopback servers, so two origins: the widget reads an Instatus and an Atom
 * feed directly when the provider sends CORS headers; without them the browser refuses the
 * answer, the widget stays empty, the host page goes on and the console points to the helper; and
 * the built helper of the published package (widgets/dist/server/feed-helper.js), mounted on the
 * host's origin, serves the same feeds so the widget renders them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../browser';
import { startServer, type TestServer } from '../server';
import { hostPage, partText, watch } from './harness';
import type * as Helper from '../../../src/server/feed-helper';

const HELPER = resolve(import.meta.dirname, '../../../widgets/dist/server/feed-helper.js');
const feedFile = (n: string) =>
  readFileSync(resolve(import.meta.dirname, '../../fixtures/feeds', n), 'utf8');

const FEEDS = [
  {
    format: 'Instatus',
    path: '/summary.json',
    body: feedFile('instatus-summary.json'),
    type: 'application/json',
    name: "We're facing an issue with our API",
  },
  {
    format: 'Atom',
    path: '/history.atom',
    body: feedFile('github-history.atom'),
    type: 'application/atom+xml',
    name: 'Incident with GitHub Actions',
  },
  {
    // Response.text() would read these bytes as UTF-8 ("D\ufffdlai")
    format: 'RSS (ISO-8859-1)',
    path: '/latin1.rss',
    body: Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Acme</title>' +
        '<item><title>[Investigating] D\u00e9lai r\u00e9seau</title><link>https://status.acme.test/incidents/a</link>' +
        '<pubDate>Mon, 15 Jan 2024 10:00:00 +0000</pubDate><description>Caf\u00e9</description></item></channel></rss>',
      'latin1',
    ),
    type: 'application/rss+xml; charset=ISO-8859-1',
    name: 'Délai réseau',
  },
];

let browser: Browser;
/** The product team's app (and the helper's route). */
let host: TestServer;
/** The status provider, another origin. */
let provider: TestServer;
let helper: typeof Helper;

beforeAll(async () => {
  if (!existsSync(HELPER)) throw new Error('widgets/dist is missing: run `npm run build` first.');
  helper = (await import(HELPER)) as typeof helper;
  browser = await launchBrowser();
  host = await startServer();
  provider = await startServer();
  for (const f of FEEDS) {
    const serve = (cors: boolean) =>
      provider.route((cors ? '/cors' : '/closed') + f.path, (_req, res) => {
        res.writeHead(200, {
          'content-type': f.type,
          ...(cors ? { 'access-control-allow-origin': '*' } : {}),
        });
        res.end(f.body);
      });
    serve(true);
    serve(false);
    // The README's recipe: a route on the app's own origin, through the helper.
    host.route(
      `/status${f.path}.json`,
      helper.expressFeed({ url: `${provider.origin}/closed${f.path}`, maxAgeSeconds: 60 }),
    );
  }
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await provider?.close();
});

async function render(src: string) {
  const page = await browser.newPage();
  const w = watch(page);
  host.html(
    '/app',
    hostPage(
      `<incident-banner src="${src}"></incident-banner><status-badge src="${src}"></status-badge>
       <button id="after" onclick="this.textContent='clicked'">Host button</button>`,
    ),
  );
  await page.goto(host.origin + '/app');
  return { page, w };
}

describe.each(FEEDS)('a widget reads an $format feed', (f) => {
  test('directly from a provider that sends CORS headers', async () => {
    const { page, w } = await render(`${provider.origin}/cors${f.path}`);
    await expect.poll(() => partText(page, 'incident-banner', 'name')).toBe(f.name);
    expect(await partText(page, 'status-badge', 'label')).toBeTruthy();
    // the formats file was fetched next to the bundle, on demand
    expect(
      host.requests.some((r) => r.url.endsWith('/standalone/incident-widgets-formats.js')),
    ).toBe(true);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  test('without CORS: nothing breaks, the console names the helper; through the helper it renders', async () => {
    const closed = await render(`${provider.origin}/closed${f.path}`);
    await expect
      .poll(() => closed.w.warnings.join('\n'))
      .toMatch(/\[incident-widgets\] network or no CORS \(see the server helper\)/);
    // the widget shows nothing, and the host page still works around it
    expect(await partText(closed.page, 'incident-banner', 'name')).toBeNull();
    await closed.page.click('#after');
    expect(await closed.page.textContent('#after')).toBe('clicked');
    expect(closed.w.errors.filter((e) => !/CORS policy|ERR_FAILED/.test(e))).toEqual([]);
    await closed.page.close();

    const { page, w } = await render(`/status${f.path}.json`);
    await expect.poll(() => partText(page, 'incident-banner', 'name')).toBe(f.name);
    expect(w.errors).toEqual([]);
    await page.close();
  });
});

describe('push mode', () => {
  test('takes the normalised JSON (the core Feed, as JSON): markup stays text, non-https links are dropped', async () => {
    const page = await browser.newPage();
    const w = watch(page);
    host.html(
      '/push',
      hostPage('<incident-banner id="b"></incident-banner><status-badge id="s"></status-badge>'),
    );
    await page.goto(host.origin + '/push');
    await page.evaluate(async () => {
      await customElements.whenDefined('incident-banner');
      const now = Date.now();
      const feed = {
        page: { name: 'Acme', url: 'https://status.acme.test' },
        indicator: 'major',
        description: 'Partial outage',
        components: [],
        maintenances: [],
        incidents: [
          {
            id: 'n1',
            kind: 'incident',
            name: '<img src=x onerror="window.pwned=1">Checkout errors',
            status: 'investigating',
            impact: 'major',
            severity: 2,
            createdAt: now - 60_000,
            updatedAt: now,
            shortlink: 'javascript:alert(1)',
            components: [],
            updates: [],
          },
        ],
      };
      // as a host app would get it: JSON from its own backend
      const normalised = JSON.parse(JSON.stringify(feed));
      for (const id of ['b', 's'])
        (document.getElementById(id) as HTMLElement & { data: unknown }).data = normalised;
    });
    await expect
      .poll(() => partText(page, 'incident-banner', 'name'))
      .toBe('<img src=x onerror="window.pwned=1">Checkout errors');
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    const hrefs = await page.evaluate(() =>
      [...document.querySelector('incident-banner')!.shadowRoot!.querySelectorAll('a')].map((a) =>
        a.getAttribute('href'),
      ),
    );
    expect(hrefs.every((h) => h === null || h.startsWith('https:'))).toBe(true);
    expect(await partText(page, 'status-badge', 'label')).toBeTruthy();
    expect(w.errors).toEqual([]);
    await page.close();
  });
});
