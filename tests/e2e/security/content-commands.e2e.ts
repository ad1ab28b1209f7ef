// Issue 16, item 15: a compromised page stored 300 copies of 20 kB "copied reply" records through
// the commands a content script may send. Here the attack runs in the real content-script world.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OverlayState } from '../../../src/extension/messaging/overlay-state';
import { closedRoot } from '../extension-ui/closed-root';
import { enableSiteFromOptions, startUi, type UiSession } from '../extension-ui/session';
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
      async () => (await chrome.storage.local.get('overlay')).overlay,
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

declare const chrome: {
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
};
