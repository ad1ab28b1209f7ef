import '../../background/i18n.test-kit';
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { feedIncidentsOf, getSnapshot, getSource } from '../../db/sources';
import { refresh } from '../../background/refresh';
import { json, MIN, spIncident, spSummary, T0, withSource } from '../../background/worker.test-kit';
import { feedKit, type FeedKit } from './poll.test-kit';
import { pollDue } from './poll';

/** Polling attacks and accidents from issue 16 (#5 clock, #6 payloads, #10 database errors). */

const DAY = 24 * 60 * MIN;

/** One alarm wake every 30 s for `ms`; returns how many requests went out. */
async function wakes(kit: FeedKit, ms: number): Promise<number> {
  const before = kit.net.calls.length;
  for (const end = kit.clock.now + ms; kit.clock.now < end; kit.clock.now += 30_000) {
    await pollDue(kit.deps);
  }
  return kit.net.calls.length - before;
}

describe('a clock that jumps (issue 16 #5)', () => {
  test('set two days ahead, then corrected: polling goes on at its interval', async () => {
    const kit = await feedKit();
    kit.clock.now = T0 + 2 * DAY;
    await pollDue(kit.deps); // polled "in the future": nextPollAt two days ahead
    kit.clock.now = T0 + MIN; // the clock is corrected
    expect(await wakes(kit, 60 * MIN)).toBeGreaterThanOrEqual(55);
  });

  test('a nextPollAt further ahead than any poll schedules counts as due; a near one does not', async () => {
    const kit = await feedKit({ nextPollAt: T0 + 3 * 60 * MIN, lastPollAt: T0 - MIN });
    expect((await pollDue(kit.deps)).get('s1')).toBe('updated');
    await withSource(kit, { nextPollAt: T0 + 30 * MIN, lastPollAt: T0 - MIN, failures: 5 });
    expect((await pollDue(kit.deps)).has('s1')).toBe(false);
  });
});

describe('a 200 without a usable incident list keeps the last good data (issue 16 #6)', () => {
  test.each([
    ['incidents: null', { ...spSummary([]), incidents: null }],
    ['incidents missing', (({ incidents: _i, ...rest }) => rest)(spSummary([]))],
    ['no longer a summary (status only)', { status: { indicator: 'none', description: 'ok' } }],
    ['a components list', { components: [] }],
  ])('%s: the incident stays, the source is stale, no "Resolved" notice', async (_what, body) => {
    const kit = await feedKit({}, spSummary([spIncident('a')]));
    await pollDue(kit.deps);
    await refresh(kit.deps);
    kit.clock.now += 2 * MIN;
    kit.net.respond = () => json(body);
    await pollDue(kit.deps);
    await refresh(kit.deps);
    expect(kit.platform.overlay?.incidents.map((i) => i.incident.id)).toEqual(['a']);
    // The page sees the source as stale (no error text reaches a page); the Sources page has why.
    expect(kit.platform.overlay?.failing).toEqual([
      expect.objectContaining({ sourceId: 's1', lastOkAt: expect.any(Number) }),
    ]);
    expect((await getSource(kit.db, 's1'))?.lastError).toMatch(/incident list/);
    expect(kit.platform.notifications.map((n) => n.title)).not.toContainEqual(
      expect.stringMatching(/^Resolved/),
    );
    expect((await getSnapshot(kit.db, 's1'))?.feed.incidents).toHaveLength(1);
    // the real resolution later is announced
    kit.clock.now += 2 * MIN;
    kit.net.respond = () => json(spSummary([]));
    await pollDue(kit.deps);
    await refresh(kit.deps);
    expect(kit.platform.notifications.map((n) => n.title)).toContainEqual(
      expect.stringMatching(/Resolved/),
    );
  });

  test('a feed that never listed incidents (components only) still updates', async () => {
    const kit = await feedKit(
      {},
      { components: [{ id: 'c', name: 'API', status: 'operational' }] },
    );
    expect((await pollDue(kit.deps)).get('s1')).toBe('updated');
  });
});

describe('a broken incident list in the other formats keeps the last good data too (issue 16 #6)', () => {
  const URL_INSTATUS = 'https://status.acme.test/summary.json';
  const instatus = (extra: Record<string, unknown>) => ({
    page: { name: 'Acme', url: 'https://status.acme.test', status: 'HASISSUES' },
    ...extra,
  });
  const open = {
    id: 'i1',
    name: 'API errors',
    started: '2024-05-01T09:00:00Z',
    status: 'INVESTIGATING',
    impact: 'MAJOROUTAGE',
    url: 'https://status.acme.test/incident/i1',
  };

  test('Instatus activeIncidents: null keeps the incident; left out (none open) resolves it', async () => {
    const kit = await feedKit({ url: URL_INSTATUS }, instatus({ activeIncidents: [open] }));
    await pollDue(kit.deps);
    await refresh(kit.deps);
    expect(kit.platform.overlay?.incidents.map((i) => i.incident.id)).toEqual(['i1']);
    kit.clock.now += 2 * MIN;
    kit.net.respond = () => json(instatus({ activeIncidents: null }));
    await pollDue(kit.deps);
    await refresh(kit.deps);
    expect(kit.platform.overlay?.incidents.map((i) => i.incident.id)).toEqual(['i1']);
    expect((await getSource(kit.db, 's1'))?.lastError).toMatch(/incident list/);
    // Instatus leaves the list out when nothing is open: that is a real "all clear"
    kit.clock.now += 2 * MIN;
    kit.net.respond = () => json({ page: { name: 'Acme', status: 'UP' } });
    await pollDue(kit.deps);
    await refresh(kit.deps);
    expect(kit.platform.overlay?.incidents ?? []).toEqual([]);
    expect((await getSource(kit.db, 's1'))?.lastError).toBeUndefined();
  });
});

describe('a failed database write (issue 16 #10)', () => {
  test('is recorded on its source, and the tick goes on for the others', async () => {
    const kit = await feedKit({ id: 'bad', name: 'Bad' });
    await withSource(kit, { id: 'good', name: 'Good', url: 'https://good.test/summary.json' });
    kit.net.respond = (url) => json(spSummary([spIncident(url.includes('good') ? 'g' : 'b')]));
    // The write of the "bad" source's poll fails at commit, as a full disk does: its transaction
    // aborts (nothing of it is kept) and `done` rejects with QuotaExceededError.
    const db = kit.db;
    const transaction = db.transaction.bind(db);
    const failing = (stores: never, mode: never) => {
      const tx = transaction(stores, mode);
      if (!(Array.isArray(stores) && (stores as string[]).includes('snapshots'))) return tx;
      let doomed = false;
      const bound = <T extends object>(o: T, p: string | symbol): unknown => {
        const v = Reflect.get(o, p) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(o) : v;
      };
      const spy = <T extends object>(store: T): T =>
        new Proxy(store, {
          get: (o, p) =>
            p === 'get'
              ? (k: string) => (
                  (doomed ||= k === 'bad'),
                  (o as { get: (k: string) => unknown }).get(k)
                )
              : bound(o, p),
        });
      return new Proxy(tx, {
        get(o, p) {
          if (p === 'objectStore') return (n: never) => spy(o.objectStore(n));
          if (p !== 'done' || !doomed) return bound(o, p);
          o.done.catch(() => undefined);
          o.abort();
          return Promise.reject(
            new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
          );
        },
      });
    };
    const dbProxy = new Proxy(db, {
      get: (o, p) => (p === 'transaction' ? failing : Reflect.get(o, p)),
    });
    kit.deps.db = async () => dbProxy;
    const results = await pollDue(kit.deps);
    await refresh(kit.deps);
    expect(results.get('good')).toBe('updated');
    expect(results.get('bad')).toBe('failed');
    expect((await getSource(db, 'bad'))?.lastError).toMatch(/could not be saved.*quota/i);
    expect(await feedIncidentsOf(db, 'good')).toHaveLength(1);
    expect(kit.platform.badge?.text).toBe('S2');
    expect(kit.platform.overlay?.failing.map((f) => f.sourceId)).toEqual(['bad']);
  });
});
