/**
 * Notifications and the badge when a source is added (issue 19, items 10 and 12): one batched
 * notice for a feed with several incidents, no "overdue" for an incident that was already old when
 * the source was added, the filters applied by the worker, and a badge that says the severity in
 * text with the incidents in its tooltip.
 */
import { afterEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../browser';
import { startServer, type TestServer } from '../server';
import { command, fixture, inPage, readStores, ready, type ChromeLike } from './helpers';
import { until } from '../support/wait';

const FEED = '/api/v2/summary.json';
let s: ExtensionSession | undefined;
let server: TestServer | undefined;

afterEach(async () => {
  await s?.close();
  await server?.close();
  s = server = undefined;
});

type Raw = { id: string; name: string; impact: string; created_at: string } & Record<
  string,
  unknown
>;

/**
 * The NYU fixture (its SEV-1 incident opened 2026-05-12, months before these tests run) plus two
 * incidents opened a few minutes ago: SEV-2 and SEV-3.
 */
async function threeIncidents(): Promise<unknown> {
  const feed = (await fixture('statuspage-embed-nyu-summary-critical-investigating.json')) as {
    incidents: Raw[];
  };
  const [old] = feed.incidents as [Raw];
  const fresh = (id: string, name: string, impact: string): Raw => {
    const at = new Date(Date.now() - 3 * 60_000).toISOString();
    const updates = (old.incident_updates as Record<string, unknown>[]).map((u) => ({
      ...u,
      id: `${id}-u1`,
      incident_id: id,
      created_at: at,
      updated_at: at,
      display_at: at,
    }));
    return {
      ...old,
      id,
      name,
      impact,
      created_at: at,
      started_at: at,
      updated_at: at,
      incident_updates: updates,
    };
  };
  feed.incidents = [
    old,
    fresh('fresh-major', 'Payments delayed', 'major'),
    fresh('fresh-minor', 'Search slow', 'minor'),
  ];
  return feed;
}

async function start(prefs?: (origin: string) => Record<string, unknown>): Promise<Page> {
  server = await startServer();
  server.json(FEED, await threeIncidents(), { headers: { etag: '"v1"' } });
  s = await launchWithExtension();
  const page = await ready(s);
  if (prefs) {
    const set = await command(page, 'settings/setNotifications', prefs(server.origin));
    expect(set).toMatchObject({ ok: true });
  }
  const added = await command(page, 'sources/add', {
    name: 'NYU',
    url: server.origin + FEED,
    pollSeconds: 30,
  });
  expect(added).toMatchObject({ ok: true });
  return page;
}

type Notified = { key: string; state?: string };
const notifiedRecords = async (page: Page) =>
  (await readStores(page, ['notified'])).notified as Notified[];
const shownIds = async (page: Page) =>
  Object.keys(await inPage(page, (c) => c.notifications.getAll()));

/** Waits until the worker settled every notice key of the add (none pending) and returns them. */
async function settled(page: Page): Promise<Notified[]> {
  let recs: Notified[] = [];
  await until('the notices of the add to be settled', async () => {
    recs = await notifiedRecords(page);
    return recs.some((r) => r.key.startsWith('new|')) && !recs.some((r) => r.state === 'pending');
  });
  return recs;
}

test('adding a source with 3 incidents, one months old, fires one notice and no "overdue"', async () => {
  const page = await start();
  const recs = await settled(page);
  // Before: 1 merged notice whose keys included the old incident's "overdue" duties.
  const shown = await shownIds(page);
  expect(shown).toHaveLength(1);
  expect(recs.filter((r) => r.key.startsWith('due|') && r.key.endsWith('|overdue'))).toEqual([]);
  // The popup shows the old incident's duties as begun before the source, not "overdue by 206 days".
  const popup = await s!.openPage('src/extension/popup/index.html');
  await popup.getByRole('heading', { name: /impact=critical/ }).waitFor();
  const text = await popup.locator('body').innerText();
  expect(text).not.toMatch(/overdue by \d+ (days|d)/i);
  expect(text).toMatch(/started before you added this source/i);
});

test('notification filters apply in the worker: SEV-1 only mutes the SEV-2 and SEV-3 incidents', async () => {
  const page = await start(() => ({ minSeverity: 1 }));
  const recs = await settled(page);
  // Recorded (so turning the filter off later does not replay them) but never shown.
  expect(recs.map((r) => r.key)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^new\|.*fresh-major$/),
      expect.stringMatching(/^new\|.*fresh-minor$/),
    ]),
  );
  // the single notice is the SEV-1 incident's own, not a merge of three
  const shown = await shownIds(page);
  expect(shown).toHaveLength(1);
  expect(shown[0]).toMatch(/^new\|.*sk82ymspr1fd$/);
});

test('a source muted by its feed URL notifies nothing', async () => {
  const page = await start((origin) => ({ mutedSources: [origin + FEED] }));
  await settled(page);
  expect(await shownIds(page)).toEqual([]);
});

test('the badge says the worst severity in text and lists the incidents in its tooltip', async () => {
  await start();
  const w = s!.worker;
  const read = () =>
    w.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: ChromeLike & { action: { getTitle(d: object): Promise<string> } };
        }
      ).chrome;
      return { text: await c.action.getBadgeText({}), title: await c.action.getTitle({}) };
    });
  let badge = { text: '', title: '' };
  await until('the badge', async () => (badge = await read()).text !== '');
  expect(badge.text).toBe('S1+2');
  expect(badge.title).toContain('3 active incidents');
  expect(badge.title).toContain('SEV-1 · Test incident: impact=critical (NYU)');
  expect(badge.title).toContain('SEV-2 · Payments delayed (NYU)');
  expect(badge.title).toContain('SEV-3 · Search slow (NYU)');
});

test('the SEV-3 customer notification is shown as conditional, with the policy’s condition', async () => {
  await start();
  const popup = await s!.openPage('src/extension/popup/index.html');
  const card = popup.locator('article, li, section').filter({
    has: popup.getByRole('heading', { name: /Search slow/ }),
  });
  await card.first().waitFor();
  const text = await card.last().innerText();
  expect(text).toMatch(
    /Customer notification[^\n]*Conditional: only if the affected feature is commonly used\./,
  );
});
