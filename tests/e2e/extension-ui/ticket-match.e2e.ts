// Issue 19, item 2: the overlay matches the ticket on screen to the right incident, in real
// Chromium: the demo console (subject + message, not the recent-tickets table), synonyms and
// plurals, and text inside same-origin frames and open shadow roots.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closedRoot, type ClosedRoot } from './closed-root';
import { enableSiteFromOptions, startUi, type UiSession } from './session';

let u: UiSession;
let page: Page | undefined;

/** A second feed: a Login incident (the word "customers" in its title) and a Webhooks one. */
function otherFeed(now: number) {
  const iso = (min: number) => new Date(now - min * 60_000).toISOString();
  const incident = (id: string, name: string, component: string) => ({
    id,
    name,
    status: 'investigating',
    impact: 'minor',
    created_at: iso(30),
    updated_at: iso(20),
    started_at: iso(30),
    monitoring_at: null,
    resolved_at: null,
    shortlink: `https://stspg.io/${id}`,
    page_id: 'pg2',
    components: [{ id: `c-${id}`, name: component, status: 'partial_outage' }],
    incident_updates: [
      {
        id: `u-${id}`,
        status: 'investigating',
        body: `We are investigating ${component}.`,
        incident_id: id,
        created_at: iso(20),
        updated_at: iso(20),
        display_at: iso(20),
        affected_components: [],
      },
    ],
  });
  return {
    page: { id: 'pg2', name: 'Other', url: 'https://status.other.test', updated_at: iso(20) },
    status: { indicator: 'minor', description: 'Minor Service Outage' },
    components: [],
    incidents: [
      incident('inc-login', 'Login errors for some customers', 'Login'),
      incident('inc-hooks', 'Webhooks delayed', 'Webhooks'),
    ],
    scheduled_maintenances: [],
  };
}

beforeAll(async () => {
  u = await startUi();
  u.server.route('/other/api/v2/summary.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(otherFeed(Date.now())));
  });
  const added = await u.cmd('sources/add', {
    name: 'Other status',
    url: `${u.server.origin}/other/api/v2/summary.json`,
    pollSeconds: 30,
  });
  expect(added.ok, added.error).toBe(true);
  await u.pollUntil((st) => (st?.incidents.length ?? 0) >= 3, 'three incidents');
  await enableSiteFromOptions(u);
});
afterAll(() => u?.close());
afterEach(() => page?.close());

/** Opens `path` as a fresh ticket tab and returns the text of the panel's match note ('' if none). */
async function matchNote(path: string): Promise<string> {
  page = await u.s.context.newPage();
  await page.goto(`${u.server.origin}${path}`);
  await page.reload(); // the registered script injects on the next load
  const root: ClosedRoot = await closedRoot(page);
  await expect.poll(() => root.exists('.pill'), { timeout: 15_000 }).toBe(true);
  await root.click('.pill');
  await expect.poll(() => root.exists('[role=dialog]')).toBe(true);
  // The match arrives with the (debounced) first read of the ticket.
  await expect.poll(() => root.text('[role=dialog]')).toContain('We are investigating');
  return (await root.exists('.match-note')) ? root.text('.match-note') : '';
}

function ticket(path: string, body: string): string {
  u.server.html(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticket</title></head><body>${body}</body></html>`,
  );
  return path;
}

test('the demo console matches Checkout, not Login from the recent-tickets table and "customers"', async () => {
  // before: "Likely related: matched 'Login'" (the SSO login loop row plus the word "customers")
  const note = await matchNote('/demo/console.html');
  expect(note).toContain('“Checkout');
  expect(note).not.toContain('Login');
});

test.each([
  ["I can't log in", 'Login'],
  ['Sign-in broken', 'Login'],
  ['Webhook not arriving', 'Webhooks'],
])('"%s" matches the %s incident', async (subject, term) => {
  const path = ticket(
    `/t-${term}-${subject.length}`,
    `<main><h1>${subject}</h1><p>Since this morning.</p></main>`,
  );
  expect(await matchNote(path)).toContain(`“${term}”`);
});

test('a question about setting up SSO matches nothing', async () => {
  const path = ticket(
    '/t-sso',
    '<main><h1>Some of our customers ask how to set up SSO</h1><p>Where is the guide?</p></main>',
  );
  expect(await matchNote(path)).toBe('');
});

test('text inside a same-origin iframe is read', async () => {
  u.server.html(
    '/frame-body',
    '<!doctype html><html><body><p>Our webhooks stopped arriving an hour ago.</p></body></html>',
  );
  const path = ticket(
    '/t-frame',
    '<main><h1>Ticket 5120</h1><iframe src="/frame-body" title="Message"></iframe></main>',
  );
  expect(await matchNote(path)).toContain('“Webhooks”');
});

test('text inside an open shadow root is read', async () => {
  const path = ticket(
    '/t-shadow',
    `<main><h1>Ticket 5121</h1><ticket-body></ticket-body></main>
<script>customElements.define('ticket-body', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p>I cannot log in since noon.</p>'; }
});</script>`,
  );
  expect(await matchNote(path)).toContain('“Login”');
});
