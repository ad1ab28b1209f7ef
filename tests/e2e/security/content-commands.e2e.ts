// Issue 16, item 15: a compromised page stored 300 copies of 20 kB "copied reply" records through
// the commands a content script may send. Here the attack runs in the real content-script world.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OverlayState } from '../../../src/extension/messaging/overlay-state';
import { closedRoot } from '../extension-ui/closed-root';
import { enableSiteFromOptions, startUi, type UiSession } from '../extension-ui/session';
import { startServer } from '../server';
import { inContentScript } from './isolated-world';
import { until } from '../support/wait';

let u: UiSession;
let page: Page;

beforeAll(async () => {
  u = await startUi();
  await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
  await enableSiteFromOptions(u);
  page = await u.s.context.newPage();
  await page.goto(`${u.server.origin}/ticket`);
  const root = await closedRoot(page);
  await until('the overlay pill', () => root.exists('.pill'));
});
afterAll(() => u?.close());

test('300 forged 20 kB "copied reply" commands store nothing, and the page is then throttled', async () => {
  const sourceId = (
    (await u.ext.evaluate(
      async () => (await chrome.storage.session.get('overlay')).overlay,
    )) as OverlayState
  ).incidents[0]!.sourceId;
  const replies = await inContentScript<{ ok: boolean; error?: string }[]>(
    page,
    u.s.extensionId,
    `(async () => {
      const text = 'x'.repeat(20000);
      const out = [];
      for (let i = 0; i < 300; i++)
        out.push(await chrome.runtime.sendMessage({ cmd: 'replies/copied',
          payload: { sourceId: ${JSON.stringify(sourceId)}, incidentId: 'fake' + i, updateId: '', text } }));
      return out;
    })()`,
  );
  expect(replies.filter((r) => r.ok)).toEqual([]);
  expect(replies[0]?.error).toMatch(/no longer listed/);
  expect(replies.at(-1)?.error).toMatch(/too many requests/);
  const backup = await u.cmd('data/export', null);
  const copied = (
    JSON.parse((backup.value as { json: string }).json) as {
      stores: Record<string, unknown[]>;
    }
  ).stores.copiedReplies;
  expect(copied ?? []).toEqual([]);
});

test("a page's content script reads no projection from storage; the worker serves its own site only", async () => {
  const seen = await inContentScript<{ local: string[]; session: string; own: number | null }>(
    page,
    u.s.extensionId,
    `(async () => {
      const local = Object.keys(await chrome.storage.local.get(null));
      let session;
      try { session = JSON.stringify(await chrome.storage.session.get(null)); }
      catch (e) { session = 'refused: ' + e.message; }
      const own = await chrome.runtime.sendMessage({ cmd: 'overlay/get', payload: null });
      return { local, session, own: own.ok && own.value ? own.value.incidents.length : null };
    })()`,
  );
  // storage.local used to hold the whole projection, readable by every content script
  expect(seen.local).toEqual([]);
  expect(seen.session).toMatch(/^refused/);
  // the overlay still gets it, through the worker, for this turned-on site
  expect(seen.own).toBeGreaterThan(0);
});

test('the rate limit holds across a worker stop (it used to start a new window)', async () => {
  // its own origin (another port), so the other tests' commands do not count here
  const other = await startServer();
  try {
    other.html('/t', '<!doctype html><title>Ticket</title><p>Checkout is down</p>');
    // as the options page does: host access for that origin first (page.evaluate is a gesture)
    const granted = await u.ext.evaluate(
      (o) => chrome.permissions.request({ origins: [o] }),
      `${other.origin}/*`,
    );
    expect(granted).toBe(true);
    expect(await u.cmd('sites/enable', { origin: other.origin })).toMatchObject({ ok: true });
    const tab = await u.s.context.newPage();
    await tab.goto(`${other.origin}/t`);
    await expect
      .poll(async () => (await closedRoot(tab)).exists('.pill'), { timeout: 15_000 })
      .toBe(true);
    const ask = `chrome.runtime.sendMessage({ cmd: 'sites/getCorner', payload: { origin: location.origin } })`;
    const flood = await inContentScript<{ ok: boolean; error?: string }[]>(
      tab,
      u.s.extensionId,
      `(async () => { const out = []; for (let i = 0; i < 40; i++) out.push(await ${ask}); return out; })()`,
    );
    expect(flood.at(-1)?.error).toMatch(/too many requests/);
    await u.s.stopWorker();
    // the next message wakes a new worker, which reads the window the old one left
    const after = await inContentScript<{ ok: boolean; error?: string }>(tab, u.s.extensionId, ask);
    expect(after).toEqual({ ok: false, error: expect.stringMatching(/too many requests/) });
  } finally {
    await other.close();
  }
});

declare const chrome: {
  permissions: { request(p: { origins: string[] }): Promise<boolean> };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
};
