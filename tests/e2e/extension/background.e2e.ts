import { afterEach, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../browser';
import { startServer, type TestServer } from '../server';
import { bootId, command, fixture, inPage, readStores, ready, type ChromeLike } from './helpers';
import { until } from '../support/wait';

const FEED = '/api/v2/summary.json';
let s: ExtensionSession | undefined;
let server: TestServer | undefined;

afterEach(async () => {
  await s?.close();
  await server?.close();
  s = server = undefined;
});

async function start(feedFixture = 'statuspage-embed-nyu-summary-critical-investigating.json') {
  server = await startServer();
  server.json(FEED, await fixture(feedFixture), { headers: { etag: '"v1"' } });
  s = await launchWithExtension();
  const page = await ready(s);
  const added = await command(page, 'sources/add', {
    name: 'NYU',
    url: server.origin + FEED,
    pollSeconds: 30,
  });
  expect(added).toMatchObject({ ok: true, value: { lastOkAt: expect.any(Number), failures: 0 } });
  return { page, sourceId: (added.value as { id: string }).id };
}

const feedRequests = () => server!.requests.filter((r) => r.url === FEED).length;

test('adding a source served on localhost sets the badge to SEV-1 in text and its colour', async () => {
  const { page } = await start();
  const w = s!.worker;
  expect(
    await w.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeLike }).chrome.action.getBadgeText({}),
    ),
  ).toBe('S1');
  const colour = await w.evaluate(() =>
    (globalThis as unknown as { chrome: ChromeLike }).chrome.action.getBadgeBackgroundColor({}),
  );
  expect(colour).toEqual([0xb3, 0x26, 0x1e, 255]);
  const stored = await inPage(page, (c) => c.storage.session.get('overlay'));
  const overlay = stored.overlay as { incidents: { incident: { impact: string } }[] };
  expect(overlay.incidents.map((i) => i.incident.impact)).toEqual(['critical']);
  // From the background only: the check before saving (issue 19, item 3), then the first poll.
  expect(feedRequests()).toBe(2);
});

test('a worker stopped in the middle of a poll loses nothing and polling resumes', async () => {
  const { page } = await start();
  const before = await readStores(page, ['snapshots', 'feedIncidents']);
  const firstBoot = await bootId(page);
  // Alarms fire at 1 s granularity for an unpacked extension: make the one 'poll' alarm fast.
  await s!.worker.evaluate(() =>
    (globalThis as unknown as { chrome: ChromeLike }).chrome.alarms.create('poll', {
      periodInMinutes: 1 / 60,
    }),
  );
  let hanging = 0;
  // The request hangs until the worker is gone (then the answer goes nowhere).
  let release!: () => void;
  const stopped = new Promise<void>((r) => (release = r));
  server!.route(FEED, async (_req, res) => {
    hanging++;
    await stopped;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  void command(page, 'sources/pollNow', {}).catch(() => undefined); // its reply dies with the worker
  await until('the slow request to arrive', () => hanging === 1, 20_000);
  await s!.stopWorker();
  release();
  // Nothing lost: the interrupted poll wrote nothing, the last good snapshot is intact.
  expect(await readStores(page, ['snapshots', 'feedIncidents'])).toEqual(before);

  server!.json(FEED, await fixture('statuspage-embed-nyu-summary-critical-monitoring.json'));
  const seen = feedRequests();
  // The alarm wakes the stopped worker, which finds the source still due and polls again once the
  // dead poll's lease (25 s, in the database) has run out: never while it could still be running.
  await until('polling to resume after the stop', () => feedRequests() > seen, 45_000);
  await until(
    'the resumed poll to be stored',
    async () => {
      const { snapshots } = await readStores(page, ['snapshots']);
      const snap = snapshots[0] as { feed: { incidents: { status: string }[] } } | undefined;
      return snap?.feed.incidents[0]?.status === 'monitoring';
    },
    20_000,
  );
  const [src] = (await readStores(page, ['sources'])).sources as { failures: number }[];
  expect(src?.failures).toBe(0);
  expect(await bootId(page)).not.toBe(firstBoot);
  const after = await readStores(page, ['snapshots', 'feedIncidents']);
  expect(after.snapshots).toHaveLength(1);
  expect(after.feedIncidents.length).toBeGreaterThanOrEqual(before.feedIncidents.length);
  const snap = after.snapshots[0] as { feed: { incidents: { status: string }[] } };
  expect(snap.feed.incidents.map((i) => i.status)).toEqual(['monitoring']);
});

test('a notification is shown once and not again after a worker restart', async () => {
  const { page } = await start();
  let first: string[] = [];
  await until(
    'the new-incident notification',
    async () => {
      first = Object.keys(await inPage(page, (c) => c.notifications.getAll()));
      // one new incident: its own notification; with due deadlines of the same feed, one merged one
      return first.some((id) => id.startsWith('new|') || id.startsWith('merged|'));
    },
    20_000,
  );
  for (const id of first)
    await inPage(
      page,
      new Function('c', `return c.notifications.clear(${JSON.stringify(id)})`) as (
        c: ChromeLike,
      ) => Promise<boolean>,
    );
  expect(await inPage(page, (c) => c.notifications.getAll())).toEqual({});
  const boot = await bootId(page);
  await s!.stopWorker();
  // A command wakes the worker; it polls and recomputes everything, notifications included.
  expect(await command(page, 'sources/pollNow', {})).toEqual({ ok: true, value: null });
  expect(await bootId(page)).not.toBe(boot);
  const again = Object.keys(await inPage(page, (c) => c.notifications.getAll()));
  // (a merged notification's id carries its time, so a repeat would have a new id: none at all)
  expect(again).toEqual([]);
  const { notified } = await readStores(page, ['notified']);
  const records = notified as { key: string; state?: string }[];
  expect(records.map((n) => n.key)).toEqual(
    expect.arrayContaining(first.map((id) => `shown|${id}`)),
  );
  expect(records.filter((r) => r.state === 'pending')).toEqual([]);
});

test('importing a corrupt backup is refused whole and changes nothing', async () => {
  const { page } = await start();
  const stores = ['sources', 'snapshots', 'feedIncidents', 'sites', 'settings', 'notified'];
  const exported = await command(page, 'data/export', null);
  const json = (exported.value as { json: string }).json;
  expect(json).toContain('"format":"incident-lens-backup"');
  const before = await readStores(page, stores);

  const truncated = await command(page, 'data/import', { json: json.slice(0, json.length / 2) });
  expect(truncated).toEqual({
    ok: true,
    value: { ok: false, error: expect.stringMatching(/not JSON/) },
  });
  const doc = JSON.parse(json) as { stores: { sources: Record<string, unknown>[] } };
  doc.stores.sources.push({ id: 'x', name: 'Bad', url: 'nope' });
  const oneBad = await command(page, 'data/import', { json: JSON.stringify(doc) });
  expect(oneBad).toEqual({
    ok: true,
    value: { ok: false, error: expect.stringMatching(/stores\.sources\[1\]/) },
  });
  const foreign = await command(page, 'data/import', {
    json: JSON.stringify(await fixture('renku-ui-summary-outage.json')),
  });
  expect(foreign).toMatchObject({
    value: { ok: false, error: expect.stringMatching(/not an Incident Lens backup/) },
  });

  expect(await readStores(page, stores)).toEqual(before);
});
