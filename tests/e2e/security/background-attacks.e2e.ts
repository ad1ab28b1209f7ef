// Issue 16, items 4, 5, 6, 7, 9 and 16 (key at rest), against the built extension in Chromium with
// feeds on loopback. Each test has its own browser and servers: any test runs alone, in any order.
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../browser';
import { command, fixture, inPage, readStores, ready, type ChromeLike } from '../extension/helpers';
import { until } from '../support/wait';
import { startServer, type TestServer } from '../server';
import { startStatuspageMock, type StatuspageMock } from '../../support/statuspage-mock';

const FEED = '/api/v2/summary.json';
let s: ExtensionSession | undefined;
let server: TestServer | undefined;
let mock: StatuspageMock | undefined;

afterEach(async () => {
  await s?.close();
  await server?.close();
  await mock?.close();
  s = server = mock = undefined;
});

type Summary = { incidents: Record<string, unknown>[] | null } & Record<string, unknown>;
const INCIDENT = 'statuspage-embed-nyu-summary-critical-investigating.json';

/** A browser with one source on a loopback feed serving `body()` (re-read on every request). */
async function start(body: () => unknown): Promise<{ page: Page; sourceId: string }> {
  server = await startServer();
  server.route(FEED, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body()));
  });
  s = await launchWithExtension();
  const page = await ready(s);
  const added = await command(page, 'sources/add', {
    name: 'Acme status',
    url: server.origin + FEED,
    pollSeconds: 30,
  });
  expect(added).toMatchObject({ ok: true });
  return { page, sourceId: (added.value as { id: string }).id };
}

const feedRequests = () => server!.requests.filter((r) => r.url === FEED).length;
const notifications = async (page: Page) =>
  Object.keys(await inPage(page, (c) => c.notifications.getAll()));
const overlay = (page: Page) =>
  page.evaluate(
    async () =>
      (await chrome.storage.session.get('overlay')).overlay as
        | { incidents: { incident: { id: string; status: string } }[]; failing: unknown[] }
        | undefined,
  );

/** Puts records into the extension's IndexedDB, from an extension page. */
function putRecords(page: Page, store: string, records: unknown[]): Promise<void> {
  return page.evaluate(
    ([name, recs]) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open('incident-lens');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          for (const r of recs) tx.objectStore(name).put(r);
          tx.oncomplete = () => (open.result.close(), ok());
          tx.onerror = () => fail(tx.error);
        };
      }),
    [store, records] as const,
  );
}

/** The 'poll' alarm every second, as a long wait would make it fire (alarms wake a stopped worker). */
const fastAlarm = () =>
  s!.worker.evaluate(() =>
    (globalThis as unknown as { chrome: ChromeLike }).chrome.alarms.create('poll', {
      periodInMinutes: 1 / 60,
    }),
  );

test('#5 a clock set back does not stop polling: a next poll two days ahead counts as due', async () => {
  const feed = (await fixture(INCIDENT)) as Summary;
  const { page, sourceId } = await start(() => feed);
  // The clock ran two days ahead and was corrected: the source's times are in the future.
  const [src] = (await readStores(page, ['sources'])).sources as Record<string, unknown>[];
  const ahead = Date.now() + 2 * 24 * 3_600_000;
  await putRecords(page, 'sources', [
    { ...src, id: sourceId, nextPollAt: ahead, lastPollAt: ahead },
  ]);
  const seen = feedRequests();
  await fastAlarm();
  // Before the fix: no request for the next 24 h, and no stale label.
  await until('a poll despite the future times', () => feedRequests() > seen, 30_000);
  await until('the source rescheduled from now', async () => {
    const [after] = (await readStores(page, ['sources'])).sources as { nextPollAt: number }[];
    return after!.nextPollAt < Date.now() + 3_600_000;
  });
});

test('#6 a 200 with `incidents: null` keeps the last good data, marks the source, sends no "Resolved"', async () => {
  const good = (await fixture(INCIDENT)) as Summary;
  let body: Summary = good;
  const { page } = await start(() => body);
  await until(
    'the incident in the projection',
    async () => ((await overlay(page))?.incidents.length ?? 0) > 0,
  );
  const id = (await overlay(page))!.incidents[0]!.incident.id;
  for (const n of await notifications(page))
    await inPage(
      page,
      new Function('c', `return c.notifications.clear(${JSON.stringify(n)})`) as never,
    );
  body = { ...good, incidents: null };
  expect(await command(page, 'sources/pollNow', {})).toMatchObject({ ok: true });
  const [src] = (await readStores(page, ['sources'])).sources as {
    failures: number;
    lastError?: string;
  }[];
  expect(src!.failures).toBeGreaterThan(0);
  expect(src!.lastError).toBeTruthy();
  const after = (await overlay(page))!;
  // still listed (the overlay shows it stale), not dropped to "all clear"
  expect(after.incidents.map((i) => i.incident.id)).toEqual([id]);
  expect(after.failing).toHaveLength(1);
  expect((await notifications(page)).filter((n) => /resolved/i.test(n))).toEqual([]);
  const { notified } = await readStores(page, ['notified']);
  expect((notified as { key: string }[]).filter((r) => r.key.includes('resolved'))).toEqual([]);
});

test('#7 an id-churning feed raises a handful of notifications, not one per new id', async () => {
  const base = (await fixture(INCIDENT)) as Summary & { incidents: Record<string, unknown>[] };
  let round = 0;
  const churn = (): Summary => {
    round++;
    const one = base.incidents[0]!;
    return {
      ...base,
      incidents: Array.from({ length: 5 }, (_, i) => ({
        ...one,
        id: `churn-${round}-${i}`,
        name: `Outage ${round}.${i}`,
      })),
    };
  };
  const { page } = await start(churn);
  for (let i = 0; i < 20; i++) await command(page, 'sources/pollNow', {});
  const { notified } = await readStores(page, ['notified']);
  const shown = (notified as { key: string; state?: string }[]).filter((r) =>
    r.key.startsWith('shown|'),
  );
  // 21 polls × 5 new ids: 105 notifications before the limits; now at most 6 an hour per source
  expect(round).toBeGreaterThanOrEqual(21);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThanOrEqual(6);
  expect((await notifications(page)).length).toBeLessThanOrEqual(6);
});

test('#9 a notice claimed when the worker stopped (pending) is shown on the next wake', async () => {
  const feed = (await fixture(INCIDENT)) as Summary;
  const { page } = await start(() => feed);
  let first: string[] = [];
  await until('the first notification', async () => (first = await notifications(page)).length > 0);
  for (const n of first)
    await inPage(
      page,
      new Function('c', `return c.notifications.clear(${JSON.stringify(n)})`) as never,
    );
  // As a worker stopped between claiming the notice and creating the notification leaves it:
  // its key pending, no shown| record, no notification.
  const { notified } = await readStores(page, ['notified']);
  const recs = notified as { key: string; at: number; state?: string }[];
  const claimed = recs.filter((r) => r.key.startsWith('new|'));
  expect(claimed.length).toBeGreaterThan(0);
  await page.evaluate(
    (keys) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open('incident-lens');
        open.onsuccess = () => {
          const tx = open.result.transaction('notified', 'readwrite');
          const st = tx.objectStore('notified');
          st.getAll().onsuccess = (e) => {
            for (const r of (e.target as IDBRequest<{ key: string }[]>).result) {
              if (r.key.startsWith('shown|')) st.delete(r.key);
              else if (keys.includes(r.key)) st.put({ ...r, state: 'pending' });
            }
          };
          tx.oncomplete = () => (open.result.close(), ok());
          tx.onerror = () => fail(tx.error);
        };
      }),
    claimed.map((r) => r.key),
  );
  await s!.stopWorker();
  // The next wake (a command) finds the pending key and shows it; before the fix it was lost.
  expect(await command(page, 'sources/pollNow', {})).toMatchObject({ ok: true });
  await until('the notification shown again', async () => (await notifications(page)).length > 0);
  const after = (await readStores(page, ['notified'])).notified as {
    key: string;
    state?: string;
  }[];
  const keys = new Set(claimed.map((r) => r.key));
  expect(after.filter((r) => keys.has(r.key)).map((r) => r.state)).toEqual(
    claimed.map(() => 'shown'),
  );
});

test('#4 a backup that registers the overlay for <all_urls> is refused before anything changes', async () => {
  const feed = (await fixture(INCIDENT)) as Summary;
  const { page } = await start(() => feed);
  const stores = ['sources', 'snapshots', 'feedIncidents', 'sites', 'settings'];
  const before = await readStores(page, stores);
  const exported = JSON.parse(
    ((await command(page, 'data/export', null)).value as { json: string }).json,
  );
  exported.stores.sources = [];
  exported.stores.sites = [
    {
      pattern: '<all_urls>',
      origin: 'https://evil.test',
      enabled: true,
      addedAt: 1,
      corner: 'top-left',
    },
  ];
  const r = await command(page, 'data/import', { json: JSON.stringify(exported) });
  expect(r).toMatchObject({
    ok: true,
    value: { ok: false, error: expect.stringMatching(/<all_urls>/) },
  });
  expect(await readStores(page, stores)).toEqual(before);
  const registered = await s!.worker.evaluate(async () =>
    (
      await (
        globalThis as unknown as {
          chrome: {
            scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
          };
        }
      ).chrome.scripting.getRegisteredContentScripts()
    ).flatMap((x) => x.matches ?? []),
  );
  expect(registered).not.toContain('<all_urls>');
});

test('#16 the Statuspage API key is not stored in plain text', async () => {
  server = await startServer();
  mock = await startStatuspageMock();
  s = await launchWithExtension();
  const page = await ready(s);
  const connected = await command(page, 'statuspage/connect', {
    apiBase: mock.base,
    pageId: mock.pageId,
    apiKey: mock.apiKey,
  });
  expect(connected).toMatchObject({ ok: true, value: { ok: true } });
  const everything = JSON.stringify(
    await readStores(page, ['settings', 'sources', 'incidents', 'events', 'drafts']),
  );
  expect(everything).toContain(mock.pageId); // the connection is there…
  expect(everything).not.toContain(mock.apiKey); // …its key only sealed
  // and it still works: the key unseals for a request
  expect(await command(page, 'statuspage/components', null)).toMatchObject({ ok: true });
  expect(mock.requests.at(-1)?.authorization).toBe(`OAuth ${mock.apiKey}`);
});

declare const chrome: {
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
};
