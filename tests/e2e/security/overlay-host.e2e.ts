// Issue 16, item 3: a hostile enabled site defined its own custom element for the overlay's host
// tag, got the closed shadow root through attachInternals(), read incident text and clicked
// "Mark done". Here the page tries that and every other way in it has, then forges clicks.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OverlayState } from '../../../src/extension/messaging/overlay-state';
import { closedRoot, type ClosedRoot } from '../extension-ui/closed-root';
import { ticketPage } from '../extension-ui/feed';
import { enableSiteFromOptions, FIRST, startUi, type UiSession } from '../extension-ui/session';
import { until } from '../support/wait';

/** The page's own script: every route into the overlay a main-world script has. */
const ATTACK = `
window.__stolen = [];
window.__scans = 0;
const steal = (root, how) => {
  if (!root || root.textContent === '') return;
  window.__stolen.push(how + ': ' + root.textContent.slice(0, 200));
  for (const b of root.querySelectorAll('button')) {
    if (/Mark done|Copy/.test(b.textContent)) { b.click(); window.__stolen.push('clicked ' + b.textContent); }
  }
};
// 1. the old host tag as the page's own custom element, with its ElementInternals
customElements.define('incident-lens-overlay', class extends HTMLElement {
  constructor() { super(); const i = this.attachInternals(); setInterval(() => steal(i.shadowRoot, 'internals'), 100); }
});
// 2. a patched attachShadow (in the page's world)
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const r = attach.call(this, init); setInterval(() => steal(r, 'patched attachShadow'), 100); return r;
};
// 3. every element added to the document, and a scan of <html>'s children
new MutationObserver((ms) => { for (const m of ms) for (const n of m.addedNodes)
  if (n instanceof Element && n.parentNode === document.documentElement) {
    steal(n.shadowRoot, 'observer');
    try { const r = n.attachShadow({ mode: 'open' }); setInterval(() => steal(r, 'second root'), 100); } catch {}
  } })
  .observe(document.documentElement, { childList: true, subtree: true });
setInterval(() => { window.__scans++; for (const el of document.documentElement.children) steal(el.shadowRoot, 'scan'); }, 100);
`;

let u: UiSession;
let page: Page;
let root: ClosedRoot;

const stored = (): Promise<OverlayState | undefined> =>
  u.ext.evaluate(
    async () => (await chrome.storage.session.get('overlay')).overlay as OverlayState | undefined,
  );
const emailMet = async (): Promise<boolean> =>
  (await stored())?.incidents[0]?.obligations.some(
    (o) => o.ruleId === 'customer_email' && o.metAt !== undefined,
  ) ?? false;

beforeAll(async () => {
  u = await startUi();
  await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
  u.server.html('/hostile', ticketPage().replace('</head>', `<script>${ATTACK}</script></head>`));
  await enableSiteFromOptions(u);
  page = await u.s.context.newPage();
  await page.goto(`${u.server.origin}/hostile`);
  root = await closedRoot(page);
  await until('the pill', () => root.exists('.pill'));
});
afterAll(() => u?.close());

test('a page that defines the host tag, patches attachShadow and watches the DOM reads nothing', async () => {
  await root.click('.pill'); // the agent opens the panel: a real, trusted click
  await until('the panel', () => root.exists('[role=dialog]'));
  expect(await root.text('.update')).toContain(FIRST.body);
  // let the page's watchers run many times over the open panel
  const scans = await page.evaluate(() => (window as unknown as { __scans: number }).__scans);
  await until(
    'the page scanning the open panel',
    async () =>
      (await page.evaluate(() => (window as unknown as { __scans: number }).__scans)) > scans + 10,
  );
  expect(await page.evaluate(() => (window as unknown as { __stolen: string[] }).__stolen)).toEqual(
    [],
  );
  expect(await emailMet()).toBe(false);
});

test('a forged (untrusted) click on "Mark done" inside the root does nothing', async () => {
  // What a page holding the root would do: .click() on the button, from the page's own world.
  const before = (await stored())?.computedAt ?? 0;
  expect(
    await root.call<boolean>('.deadlines button', 'function () { this.click(); return true; }'),
  ).toBe(true);
  // wait for a projection written after the forged click (a markDone would refresh at once)
  await u.pollUntil((st) => (st?.computedAt ?? 0) > before, 'a newer projection');
  expect(await emailMet()).toBe(false);
  expect(await root.exists('.deadlines button')).toBe(true);
});

test('what every page can read names no site and no failing source, and is bounded', async () => {
  // a second source that fails, with an internal-looking name and URL
  u.server.route('/internal/billing/summary.json', (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('db password wrong at 10.0.0.7');
  });
  const added = await u.cmd('sources/add', {
    name: 'Internal billing',
    url: `${u.server.origin}/internal/billing/summary.json`,
    pollSeconds: 60,
    force: true, // stored knowingly: the check before saving refuses it (issue 19, item 3)
  });
  expect(added.ok).toBe(true);
  await u.pollUntil((st) => (st?.failing.length ?? 0) > 0, 'the failing source');
  // Every text the page could read, and every number as a whole (a time such as 1796500088087
  // holds the digits 500 and says nothing about the failure).
  const texts: string[] = [];
  const json = JSON.stringify(await stored(), (_key, value: unknown) => {
    if (typeof value === 'string') texts.push(value);
    return value;
  });
  for (const secret of ['Internal billing', '/internal/', '10.0.0.7', u.server.origin]) {
    expect(
      texts.filter((t) => t.includes(secret)),
      secret,
    ).toEqual([]);
  }
  // The status as a word ("HTTP 500"): a random id's hex digits may hold 500 ("500b5022-…", which
  // failed this test once in CI) and say nothing about the failure.
  expect(
    texts.filter((t) => /\b500\b/.test(t)),
    '500',
  ).toEqual([]);
  expect(json, 'the HTTP status as a number').not.toMatch(/(?<![\w.])500(?![\w.])/);
});

declare const chrome: {
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
};
