// Issue 16, item 10, in the built extension: a database write that fails for one source is recorded
// on that source, and the same tick still brings every other source's incident to the badge, the
// overlay projection and the desktop notifications.
//
// How the write fails: the extension holds `unlimitedStorage`, so Chromium enforces no quota on it
// (CDP's Storage.overrideQuotaForOrigin is reported but not applied), and a feed cannot produce a
// record IndexedDB refuses (parsed JSON always clones; keys are strings). So the test makes the
// browser's own IndexedDB refuse that source's snapshot the way a full disk does: it patches
// `IDBObjectStore.prototype.put` inside the running service worker (from the test, through
// Playwright; nothing of it is in the build) to abort the transaction and throw the DOMException
// Chromium raises, QuotaExceededError. Everything else is the real extension: its fetch, its
// transactions, its refresh.
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../browser';
import { command, fixture, inPage, readStores, ready } from '../extension/helpers';
import { until } from '../support/wait';
import { startServer, type TestServer } from '../server';

let s: ExtensionSession | undefined;
let server: TestServer | undefined;

afterEach(async () => {
  await s?.close();
  await server?.close();
  s = server = undefined;
});

type Summary = { incidents: Record<string, unknown>[] } & Record<string, unknown>;
const INCIDENT = 'statuspage-embed-nyu-summary-critical-investigating.json';

/** Two loopback feeds, quiet until `open` says which incident each lists. */
async function feeds(): Promise<{ open(): void }> {
  const base = (await fixture(INCIDENT)) as Summary;
  const one = base.incidents[0]!;
  let listed = false;
  const feed = (who: string) => ({
    ...base,
    incidents: listed ? [{ ...one, id: `${who}-1`, name: `${who} checkout errors` }] : [],
  });
  server = await startServer();
  for (const who of ['good', 'bad'])
    server.route(`/${who}/api/v2/summary.json`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(feed(who)));
    });
  return { open: () => void (listed = true) };
}

async function addSource(page: Page, name: string, path: string): Promise<string> {
  const added = await command(page, 'sources/add', {
    name,
    url: `${server!.origin}${path}`,
    pollSeconds: 60,
  });
  expect(added).toMatchObject({ ok: true });
  return (added.value as { id: string }).id;
}

/** From now on, the worker's IndexedDB refuses the snapshot of source `id` as a full disk would. */
function refuseSnapshotsOf(id: string): Promise<void> {
  return s!.worker.evaluate((bad) => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if (this.name === 'snapshots' && (value as { sourceId?: string }).sourceId === bad) {
        this.transaction.abort();
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.call(this, value, key);
    };
  }, id);
}

const overlay = (page: Page) =>
  page.evaluate(
    async () =>
      (await chrome.storage.session.get('overlay')).overlay as
        { incidents: { incident: { id: string } }[]; failing: { sourceId: string }[] } | undefined,
  );

test('#10 one source whose write fails shows its error; the others still reach badge, overlay and notifications', async () => {
  const world = await feeds();
  s = await launchWithExtension();
  const page = await ready(s);
  const good = await addSource(page, 'Good status', '/good/api/v2/summary.json');
  const bad = await addSource(page, 'Bad status', '/bad/api/v2/summary.json');
  expect(await inPage(page, (c) => c.action.getBadgeText({}))).toBe('');

  await refuseSnapshotsOf(bad);
  world.open(); // both feeds now list an incident
  expect(await command(page, 'sources/pollNow', {})).toMatchObject({ ok: true });

  // The failing source: its error is recorded, its data untouched.
  const stored = await readStores(page, ['sources', 'snapshots', 'feedIncidents']);
  const bySource = new Map(
    (stored.sources as { id: string; lastError?: string; failures: number }[]).map((x) => [
      x.id,
      x,
    ]),
  );
  expect(bySource.get(bad)?.lastError).toMatch(/could not be saved.*quota/i);
  expect(bySource.get(bad)?.failures).toBeGreaterThan(0);
  expect(bySource.get(good)?.lastError).toBeUndefined();
  const keys = (stored.feedIncidents as { key: string }[]).map((r) => r.key);
  expect(keys).toEqual([`${good}|good-1`]);

  // The same tick went on for the good source.
  // (the badge names the worst severity, "S1"; empty while nothing is active)
  await until(
    'the badge to show the good source’s incident',
    async () => (await inPage(page, (c) => c.action.getBadgeText({}))) !== '',
  );
  const projection = (await overlay(page))!;
  expect(projection.incidents.map((i) => i.incident.id)).toEqual(['good-1']);
  expect(projection.failing.map((f) => f.sourceId)).toEqual([bad]);
  await until(
    'a notification of the good source’s incident',
    async () => Object.keys(await inPage(page, (c) => c.notifications.getAll())).length > 0,
  );
  const { notified } = await readStores(page, ['notified']);
  const notes = (notified as { key: string }[])
    .map((r) => r.key)
    .filter((k) => k.startsWith('new|'));
  expect(notes.some((k) => k.includes('good-1'))).toBe(true);
  expect(notes.some((k) => k.includes('bad-1'))).toBe(false);

  // …and the Sources page shows the failing source's error, in words.
  const options = await s.openPage('src/extension/options/index.html');
  const card = options.locator('.sources li', {
    has: options.getByRole('heading', { name: 'Bad status' }),
  });
  await until('the error on the failing source', async () =>
    /could not be saved/.test((await card.textContent()) ?? ''),
  );
});

declare const chrome: {
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
};
