import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { getSource, feedIncidentsOf } from '../../db/sources';
import { feedKit } from './poll.test-kit';
import { pollDue, pollSource } from './poll';
import {
  json,
  makeKit,
  MIN,
  spIncident,
  spSummary,
  T0,
  type Kit,
  withSource,
} from '../../background/worker.test-kit';

/** A kit whose source `s1` was polled once, well: one incident `a`, with `headers`. */
async function goodPoll(headers: Record<string, string> = { etag: '"v1"' }): Promise<Kit> {
  const kit = await feedKit({}, spSummary([spIncident('a')]), { headers });
  expect(await pollSource(kit.deps, kit.source)).toBe('updated');
  return kit;
}

// The timing rules themselves (max-age, Retry-After, back-off) are tested with the shared fetch
// policy: src/core/feed/fetch-policy.test.ts.

describe('pollSource', () => {
  test('a 200 stores the snapshot, the validators and the feed incidents', async () => {
    const kit = await goodPoll({
      etag: '"v1"',
      'last-modified': 'Mon, 06 Jan 2025 09:00:00 GMT',
      'cache-control': 'max-age=300',
    });
    const s = await getSource(kit.db, 's1');
    expect(s).toMatchObject({
      etag: '"v1"',
      lastModified: 'Mon, 06 Jan 2025 09:00:00 GMT',
      failures: 0,
      lastOkAt: T0,
    });
    expect(s?.nextPollAt).toBe(T0 + 300_000); // max-age beats the 60 s interval
    expect((await kit.db.get('snapshots', 's1'))?.feed.incidents.map((i) => i.id)).toEqual(['a']);
    expect((await feedIncidentsOf(kit.db, 's1')).map((r) => [r.key, r.active])).toEqual([
      ['s1|a', 1],
    ]);
  });

  test('a 304 sends the validators and keeps the data', async () => {
    const kit = await goodPoll();
    const before = await kit.db.get('snapshots', 's1');
    kit.clock.now += 2 * MIN;
    kit.net.respond = () => new Response(null, { status: 304 });
    expect(await pollSource(kit.deps, (await getSource(kit.db, 's1'))!)).toBe('not-modified');
    expect(kit.net.calls[1]?.headers['if-none-match']).toBe('"v1"');
    expect(await kit.db.get('snapshots', 's1')).toEqual(before);
    expect((await getSource(kit.db, 's1'))?.lastOkAt).toBe(T0 + 2 * MIN);
  });

  test('a 500 backs off exponentially and keeps the last good snapshot', async () => {
    const kit = await goodPoll();
    const before = await kit.db.get('snapshots', 's1');
    kit.net.respond = () => new Response('oops', { status: 500 });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = (await getSource(kit.db, 's1'))!;
      expect(await pollSource(kit.deps, s)).toBe('failed');
      const after = (await getSource(kit.db, 's1'))!;
      waits.push(after.nextPollAt - kit.clock.now);
    }
    // random() = 0.5: half of 60 s·2^(n-1), floored at 30 s.
    expect(waits).toEqual([30_000, 60_000, 120_000]);
    const s = await getSource(kit.db, 's1');
    expect(s).toMatchObject({ failures: 3, lastError: expect.stringContaining('HTTP 500') });
    expect(await kit.db.get('snapshots', 's1')).toEqual(before);
  });

  test('429 and 503 honour Retry-After', async () => {
    const kit = await feedKit();
    kit.net.respond = () =>
      new Response('slow down', { status: 429, headers: { 'retry-after': '600' } });
    await pollSource(kit.deps, (await getSource(kit.db, 's1'))!);
    expect((await getSource(kit.db, 's1'))?.nextPollAt).toBe(T0 + 600_000);
    kit.net.respond = () =>
      new Response('', {
        status: 503,
        headers: { 'retry-after': new Date(T0 + 900_000).toUTCString() },
      });
    await pollSource(kit.deps, (await getSource(kit.db, 's1'))!);
    expect((await getSource(kit.db, 's1'))?.nextPollAt).toBe(T0 + 900_000);
  });

  test.each([
    [
      'an HTML error page',
      () =>
        new Response('<html>502 Bad Gateway</html>', { headers: { 'content-type': 'text/html' } }),
      /not a status feed: markup that is not an Atom or RSS feed \(an HTML error or login page\?\)/,
    ],
    ['foreign JSON', () => json({ hello: 'world' }), /not a status feed/],
    [
      'incidents that are all garbage',
      () => json({ incidents: ['x', 3, null] }),
      /not a status feed/,
    ],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), /request failed/],
  ])('%s never overwrites the last good snapshot', async (_n, respond, error) => {
    const kit = await goodPoll();
    const snap = await kit.db.get('snapshots', 's1');
    const incidents = await feedIncidentsOf(kit.db, 's1');
    kit.net.respond = respond;
    expect(await pollSource(kit.deps, (await getSource(kit.db, 's1'))!)).toBe('failed');
    expect(await kit.db.get('snapshots', 's1')).toEqual(snap);
    expect(await feedIncidentsOf(kit.db, 's1')).toEqual(incidents);
    expect((await getSource(kit.db, 's1'))?.lastError).toMatch(error);
  });

  test('an incident that leaves the feed is marked inactive, not deleted', async () => {
    const kit = await goodPoll();
    kit.net.respond = () => json(spSummary([]));
    await pollSource(kit.deps, (await getSource(kit.db, 's1'))!);
    expect((await feedIncidentsOf(kit.db, 's1')).map((r) => r.active)).toEqual([0]);
  });

  test('concurrent wakes make one fetch per source', async () => {
    const kit = await feedKit();
    const s = kit.source;
    await Promise.all([pollSource(kit.deps, s), pollSource(kit.deps, s), pollDue(kit.deps)]);
    expect(kit.net.calls).toHaveLength(1);
  });

  test('an answer for a URL changed meanwhile is dropped', async () => {
    const kit = await feedKit();
    const s = kit.source;
    kit.net.respond = async () => {
      await kit.db.put('sources', { ...s, url: 'https://other.test/summary.json' });
      return json(spSummary([spIncident('a')]));
    };
    expect(await pollSource(kit.deps, s)).toBe('skipped');
    expect(await kit.db.get('snapshots', 's1')).toBeUndefined();
  });
});

describe('pollDue', () => {
  test('polls only enabled sources whose time has come', async () => {
    const kit = await feedKit({ id: 'due', nextPollAt: T0 - 1 });
    await withSource(kit, { id: 'later', nextPollAt: T0 + MIN });
    await withSource(kit, { id: 'off', enabled: false, nextPollAt: 0 });
    const r = await pollDue(kit.deps);
    expect([...r.keys()]).toEqual(['due']);
  });

  test('a 30 s source is polled at every 30 s wake, even though its last poll took time', async () => {
    const kit = await feedKit({ pollSeconds: 30 });
    kit.clock.now = T0 + 400; // the first wake's fetch finished 400 ms after the wake
    await pollDue(kit.deps);
    kit.clock.now = T0 + 30_000; // the next alarm
    expect([...(await pollDue(kit.deps)).keys()]).toEqual(['s1']);
  });

  test('a poll interrupted by a worker stop is retried at the next wake once its lease is over', async () => {
    const kit = await feedKit({ pollSeconds: 30 });
    let asked!: () => void;
    const requested = new Promise<void>((r) => (asked = r));
    kit.net.respond = () => {
      asked();
      return new Promise<Response>(() => undefined); // never answers: the worker dies
    };
    void pollDue(kit.deps);
    await requested; // the poll is in flight, its lease written
    const next = await kit.restart();
    next.net.respond = () => json(spSummary([spIncident('a')]));
    kit.clock.now += 30_000; // the next alarm: the dead worker's lease has run out
    expect(await pollDue(next.deps)).toEqual(new Map([['s1', 'updated']]));
    expect(next.net.calls).toHaveLength(2);
  });
});

// Issue 22: 280 requests an hour instead of 120 on a loaded machine. The in-memory in-flight map
// joined wakes only within one worker instance and only while the poll was still running; these
// are the interleavings a slow worker produces, each one request per due poll now (a lease on the
// source record, in the database, with an expiry).
describe('one request per due poll, whatever the load', () => {
  /** A fetch that answers only when `answer()` is called; `requested` resolves at its first call. */
  function heldFetch(kit: Kit) {
    let answer!: () => void;
    let asked!: () => void;
    const requested = new Promise<void>((r) => (asked = r));
    const gate = new Promise<void>((r) => (answer = r));
    kit.net.respond = async () => {
      asked();
      await gate;
      return json(spSummary([]), { headers: { etag: '"v1"' } });
    };
    return { requested, answer };
  }

  test('a second worker instance waking while the first one polls does not fetch again', async () => {
    const kit = await feedKit({ pollSeconds: 30 });
    const held = heldFetch(kit);
    const first = pollDue(kit.deps);
    await held.requested;
    // A restarted (or second) worker: new connection, new memory, same database, same network.
    const second = await makeKit(kit.name, { net: kit.net, clock: kit.clock });
    kit.clock.now += 2_000; // it wakes while the first request is still on the wire
    const again = await pollDue(second.deps);
    held.answer();
    await first;
    expect(kit.net.calls).toHaveLength(1);
    expect(again.get('s1')).toBe('skipped');
  });

  test('a wake that read the sources before the running poll saved does not poll again', async () => {
    const kit = await feedKit({ pollSeconds: 30 });
    const held = heldFetch(kit);
    const first = pollDue(kit.deps);
    await held.requested;
    // A slow wake (the "poll now" button, a late alarm): its read of the sources is answered while
    // the first request is on the wire, but it resumes only after that poll saved and finished.
    const realDb = kit.deps.db;
    let resume!: () => void;
    const resumed = new Promise<void>((r) => (resume = r));
    const slow = new Proxy(kit.db, {
      get(target, key) {
        if (key !== 'getAll') return Reflect.get(target, key, target) as unknown;
        return async (...a: Parameters<Kit['db']['getAll']>) => {
          const rows = await target.getAll(...a);
          await resumed;
          return rows;
        };
      },
    });
    kit.deps.db = async () => slow;
    const second = pollDue(kit.deps);
    kit.deps.db = realDb;
    held.answer();
    await first;
    resume();
    expect((await second).get('s1')).not.toBe('not-modified');
    expect(kit.net.calls).toHaveLength(1);
  });

  test('a lease left by a dead worker does not stop polling for longer than one wake', async () => {
    const kit = await feedKit({ pollSeconds: 30, pollLease: { id: 'dead', until: T0 + 25_000 } });
    expect((await pollDue(kit.deps)).get('s1')).toBe('skipped');
    kit.clock.now = T0 + 30_000;
    expect((await pollDue(kit.deps)).get('s1')).toBe('updated');
  });

  test('a lease written before the clock was set back does not hold', async () => {
    // Until two days from now: no lease is ever that long, so the clock moved back since.
    const kit = await feedKit({ pollLease: { id: 'old', until: T0 + 2 * 86_400_000 } });
    expect((await pollDue(kit.deps)).get('s1')).toBe('updated');
  });

  test('the lease is released by every outcome: a good answer, an error, an unsaveable result', async () => {
    const kit = await feedKit();
    await pollDue(kit.deps);
    expect((await getSource(kit.db, 's1'))?.pollLease).toBeUndefined();
    kit.net.respond = () => new Response('no', { status: 500 });
    expect(await pollSource(kit.deps, (await getSource(kit.db, 's1'))!)).toBe('failed');
    expect((await getSource(kit.db, 's1'))?.pollLease).toBeUndefined();
  });
});
