// Issue 16, item 13: customer replies copied feed markup verbatim, e.g. `<img src=x onerror=…>`
// decoded from the feed's text, into a helpdesk that may render replies as HTML.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closedRoot, type ClosedRoot } from '../extension-ui/closed-root';
import { enableSiteFromOptions, startUi, type UiSession } from '../extension-ui/session';
import { until } from '../support/wait';

const HOSTILE = {
  id: 'u-hostile',
  status: 'identified',
  body: 'Rolled back. &lt;img src=x onerror=alert(document.cookie)&gt; <b>Payments</b> recover.',
  minutesAgo: 2,
};

let u: UiSession;
let page: Page;
let root: ClosedRoot;

beforeAll(async () => {
  u = await startUi();
  u.serve([HOSTILE]);
  await u.pollUntil((st) => st?.incidents[0]?.incident.updates[0]?.id === HOSTILE.id, 'the update');
  await enableSiteFromOptions(u);
  page = await u.s.context.newPage();
  await page.goto(`${u.server.origin}/ticket`);
  root = await closedRoot(page);
  await until('the pill', () => root.exists('.pill'));
});
afterAll(() => u?.close());

test('the copied reply carries the update as text, with no tag in it', async () => {
  await u.s.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: u.server.origin,
  });
  await root.click('.pill');
  await until('the copy button', () => root.exists('.reply button'));
  // the panel shows the decoded text as text (never as markup)...
  expect(await root.text('.update')).toContain('<img src=x onerror=alert(document.cookie)>');
  await root.click('.reply button');
  await until('the copied note', async () => (await root.text('.reply')).includes('Copied'));
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  // ...but what goes to a customer is text only
  expect(clip).toContain('Rolled back. Payments recover.');
  expect(clip).not.toMatch(/<[a-z/!?]/i);
  expect(clip).toContain('https://status.acme.test');
});
