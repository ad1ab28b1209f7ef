// Issue 19, items 8 and 9 and the reply's state and language, in real Chromium: each card says
// since when and links the incident (the reply too); a resolved incident's card stays for a while,
// with the resolution and the "it's fixed" reply; the reply's language is the agent's choice per
// ticket, remembered. axe stays clean with all of it on screen.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { axeOverlay } from './axe-overlay';
import { closedRoot, type ClosedRoot } from './closed-root';
import { ticketPage } from './feed';
import { enableSiteFromOptions, FIRST, startUi, type UiSession } from './session';
import { until } from '../support/wait';

let u: UiSession;
let page: Page | undefined;

const INCIDENT_URL = 'https://status.acme.test/incidents/inc-checkout';
const RESOLVED = {
  id: 'u-resolved',
  status: 'resolved',
  body: 'Payments work again: the faulty deploy was rolled back.',
  minutesAgo: 3,
};

beforeAll(async () => {
  u = await startUi();
  await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
  await enableSiteFromOptions(u);
  await u.s.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: u.server.origin,
  });
  u.server.html('/ticket/2', ticketPage());
});
afterAll(() => u?.close());

// Every test starts from the feed's first state and the default keep time, so any runs alone.
beforeEach(async () => {
  const r = await u.cmd('overlay/setResolvedKeep', { minutes: 120 });
  expect(r.ok, r.error).toBe(true);
  u.serve([FIRST]);
  await u.pollUntil(
    (st) =>
      st?.incidents[0]?.incident.updates.map((x) => x.id).join() === FIRST.id &&
      (st.resolved ?? []).length === 0,
    'the first update only',
  );
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

async function openPanel(path = '/ticket'): Promise<ClosedRoot> {
  page = await u.s.context.newPage();
  await page.goto(`${u.server.origin}${path}`);
  await page.reload(); // the registered script injects on the next load
  const root = await closedRoot(page);
  await until('the pill', () => root.exists('.pill'));
  await root.click('.pill');
  await until('the panel', () => root.exists('[role=dialog]'));
  return root;
}

/**
 * A clock time in UTC `minutes` from now, as the panel writes it: with the day in front when that
 * is not today (a test run just after midnight UTC sees yesterday's start), as a RegExp source.
 */
function clockAt(minutes: number): string {
  const at = new Date(Date.now() + minutes * 60_000);
  const day = at.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return `(?:${day}, )?\\d{1,2}:\\d\\d(?:\\s?[AP]M)? UTC`;
}

const clipboard = () => page!.evaluate(() => navigator.clipboard.readText());

async function copyReply(root: ClosedRoot, card = '.card'): Promise<string> {
  await page!.evaluate(() => navigator.clipboard.writeText(''));
  // (a card further down the panel scrolls into view first, as the agent would scroll to it)
  await root.call(
    `${card} .reply .copy`,
    'function () { this.scrollIntoView({ block: "center" }); }',
  );
  await root.click(`${card} .reply .copy`);
  await until('the reply on the clipboard', async () => (await clipboard()) !== '');
  return clipboard();
}

test('item 8: the card says when it started, in the zone, how long ago, and links the incident', async () => {
  const root = await openPanel();
  // The feed says it started 40 minutes ago; the browser runs in UTC.
  expect(await root.text('.card .since')).toMatch(
    new RegExp(`^Started ${clockAt(-40)} \\(40 min ago\\)$`),
  );
  const link = await root.call<{ href: string; target: string; rel: string; text: string }>(
    '.card a.incident-link',
    'function () { return { href: this.href, target: this.target, rel: this.rel, text: this.innerText }; }',
  );
  // stspg.io is neither the source's host nor the page's: the status page's own incident URL.
  expect(link).toEqual({
    href: INCIDENT_URL,
    target: '_blank',
    rel: 'noopener noreferrer',
    text: 'Open the incident',
  });
  const reply = await copyReply(root);
  expect(reply).toContain(`You can follow progress at ${INCIDENT_URL}.`);
  expect(reply).not.toContain('https://status.acme.test.');
  // The popup shows the same card.
  const popup = await u.s.openPage('src/extension/popup/index.html');
  await popup.getByRole('link', { name: 'Open the incident' }).waitFor();
  expect(await popup.locator('.since').first().innerText()).toMatch(/\(40 min ago\)$/);
  await popup.close();
});

test('a reply for the state: "monitoring" says the fix is in', async () => {
  u.serve([{ id: 'u-mon', status: 'monitoring', body: 'Fix deployed.', minutesAgo: 1 }, FIRST]);
  await u.pollUntil((st) => st?.incidents[0]?.incident.status === 'monitoring', 'monitoring');
  const root = await openPanel();
  const reply = await copyReply(root);
  expect(reply).toContain('A fix is in place');
  expect(reply).toContain('Latest status');
});

test('a reply for the state: a maintenance in progress gets its own reply, with its window', async () => {
  u.serve([FIRST], { maintenance: true });
  await u.pollUntil((st) => (st?.incidents.length ?? 0) === 2, 'the maintenance');
  const root = await openPanel();
  const card = '.card[aria-label="Database upgrade"]';
  expect(await root.text(`${card} .since`)).toMatch(/^Started .* UTC \(10 min ago\)$/);
  const reply = await copyReply(root, card);
  // The window ends 50 min from now (feed.ts): after 23:10 UTC that is tomorrow, and the reply
  // then names the day as well (a bare clock time on another day would mislead the customer).
  expect(reply).toMatch(
    new RegExp(
      `planned maintenance on our side \\(Database upgrade\\).*It is in progress and should be finished by ${clockAt(50)}\\.`,
    ),
  );
  expect(reply).toContain('https://status.acme.test/incidents/mnt-db');
});

test('item 9: a resolved incident stays, marked resolved in words, with its resolution and the "it’s fixed" reply', async () => {
  u.serve([RESOLVED, FIRST]);
  await u.pollUntil((st) => (st?.resolved ?? []).length === 1, 'a recently resolved incident');
  const root = await openPanel();
  expect(await root.text('#lens-resolved-title')).toBe('Recently resolved (1)');
  const card = '.resolved-list .card';
  expect(await root.text(`${card} .resolved-note`)).toMatch(
    new RegExp(`^Resolved ${clockAt(-3)} \\(3 min ago\\)$`),
  );
  expect(await root.text(`${card} .update`)).toBe(RESOLVED.body);
  // No duty is left on a resolved incident.
  expect(await root.exists(`${card} .deadlines`)).toBe(false);
  const reply = await copyReply(root, card);
  expect(reply).toMatch(new RegExp(`was resolved at ${clockAt(-3)}: everything should work`));
  expect(reply).toContain(RESOLVED.body);
  expect(reply).toContain(INCIDENT_URL);
  await page!.close();
  page = undefined;

  // The keep time is a setting: 0 minutes, and the card goes with the next refresh.
  const ext = await u.s.openPage('src/extension/options/index.html#sites');
  const field = ext.getByLabel('Keep resolved incidents in the overlay for (minutes)');
  await expect.poll(() => field.inputValue()).toBe('120');
  await field.fill('0');
  await ext.getByRole('button', { name: 'Save keep time' }).click();
  await ext.getByText('Saved.').waitFor();
  await ext.close();
  await u.pollUntil((st) => (st?.resolved ?? []).length === 0, 'no resolved card');
});

test('item 4: the reply language is chosen per ticket, remembered, whatever the UI language', async () => {
  const value = (root: ClosedRoot) =>
    root.call<string>('.reply select', 'function () { return this.value; }');
  // With the keyboard, as an agent would: focus the picker, step to the language.
  const pick = async (root: ClosedRoot, want: string) => {
    await root.call('.reply select', 'function () { this.focus(); }');
    for (let i = 0; i < 3 && (await value(root)) !== want; i++)
      await page!.keyboard.press(want === 'de' ? 'ArrowDown' : 'ArrowUp');
    expect(await value(root)).toBe(want);
  };
  let root = await openPanel();
  // A labelled native select, in the tab order.
  const a11y = await root.call<{ label: string; tab: number }>(
    '.reply select',
    'function () { return { label: this.labels[0]?.innerText ?? "", tab: this.tabIndex }; }',
  );
  expect(a11y).toEqual({ label: 'Reply language', tab: 0 });
  expect(await value(root)).toBe('en'); // the UI's language by default
  await pick(root, 'de');
  expect(await copyReply(root)).toMatch(/^Hallo,\n\nvielen Dank/);
  // Remembered for this ticket across a reload.
  await page!.close();
  root = await openPanel();
  await until('German remembered', async () => (await value(root)) === 'de');
  await page!.close();
  // Another ticket on the site starts from the site's last choice; English for this customer.
  root = await openPanel('/ticket/2');
  await until('the site default', async () => (await value(root)) === 'de');
  await pick(root, 'en');
  expect(await copyReply(root)).toMatch(/^Hi,\n\nThank you/);
  await page!.close();
  root = await openPanel();
  await until('the first ticket still German', async () => (await value(root)) === 'de');
  await pick(root, 'en'); // leave the site as it was
});

test('axe: the panel with a resolved card, the links and the language picker has no violations', async () => {
  u.serve([RESOLVED, FIRST]);
  await u.pollUntil((st) => (st?.resolved ?? []).length === 1, 'a recently resolved incident');
  const root = await openPanel();
  await until('the resolved card', () => root.exists('.resolved-list .card select'));
  expect(await axeOverlay(u, root)).toEqual({ light: [], dark: [] });
});
