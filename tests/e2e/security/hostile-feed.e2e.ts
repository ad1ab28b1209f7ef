// Issue 16, item 2: a 500-incident × 380-component feed froze every helpdesk tab with the overlay
// on (one regex per component name over 50k characters of page text) and wrote 4.3 MB to
// storage.local on each refresh (the projection now lives in storage.session). Here that feed meets a 50k-character ticket in real Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closedRoot, type ClosedRoot } from '../extension-ui/closed-root';
import { enableSiteFromOptions, startUi, type UiSession } from '../extension-ui/session';
import { ticketText } from '../../support/hostile-feed';
import { until } from '../support/wait';

/**
 * The hostile summary.json: 500 incidents × 200 component names, just under the fetch's 2 MiB cap
 * (the tester's 3.9 MB 500 × 380 feed is now refused whole; the matcher's bench keeps 500 × 380).
 */
function hostileSummary(now: number) {
  const iso = new Date(now - 60_000).toISOString();
  return {
    page: { id: 'pg1', name: 'Acme', url: 'https://status.acme.test', updated_at: iso },
    status: { indicator: 'major', description: 'Major outage' },
    components: [],
    incidents: Array.from({ length: 500 }, (_, i) => ({
      id: `inc${i}`,
      name: `Elevated errors on component ${i}`,
      status: 'investigating',
      impact: 'major',
      created_at: iso,
      updated_at: iso,
      components: Array.from({ length: 200 }, (_, c) => ({
        name: `c${c}`,
      })),
      incident_updates: [
        {
          id: `u${i}`,
          status: 'investigating',
          body: 'Looking.',
          created_at: iso,
          display_at: iso,
        },
      ],
    })),
    scheduled_maintenances: [],
  };
}

let u: UiSession;
let page: Page;
let root: ClosedRoot;

beforeAll(async () => {
  u = await startUi();
  u.server.route('/api/v2/summary.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(hostileSummary(Date.now())));
  });
  await u.pollUntil(
    (st) => (st?.incidents.length ?? 0) + (st?.omitted ?? 0) >= 500,
    'the hostile feed',
  );
  await enableSiteFromOptions(u);
  // The ticket: 50k characters; the page records its long tasks from the start.
  const text = ticketText(50_000).replace(/[<&]/g, ' ');
  u.server.html(
    '/big-ticket',
    `<!doctype html><html lang="en"><head><title>Ticket</title><script>
window.__long = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
  .observe({ type: 'longtask', buffered: true });
</script></head><body><h1>Ticket: region 3 cluster 1 storage</h1><p>${text}</p></body></html>`,
  );
  page = await u.s.context.newPage();
  await page.goto(`${u.server.origin}/big-ticket`);
  root = await closedRoot(page);
  await until('the pill', () => root.exists('.pill'), 30_000);
});
afterAll(() => u?.close());

test('the overlay matches the ticket without freezing the page, and counts all 500', async () => {
  expect(await root.text('.pill')).toMatch(/· 500\b/);
  await root.click('.pill');
  await until('the panel', () => root.exists('[role=dialog]'), 30_000);
  // (before: the page stalled for minutes here)
  const longest = await page.evaluate(() =>
    Math.max(0, ...(window as unknown as { __long: number[] }).__long),
  );
  // generous for a shared 2-core machine: the matcher itself takes a few ms
  expect(longest).toBeLessThan(1_500);
});

test('what a refresh writes for pages stays bounded', async () => {
  const size = await u.ext.evaluate(
    async () => JSON.stringify((await chrome.storage.session.get('overlay')).overlay).length,
  );
  expect(size).toBeLessThan(400_000); // before: 4.3 MB on every refresh
});

declare const chrome: {
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
};
