import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, onTestFinished, test } from 'vitest';
import { DEFAULT_POLICY } from '../../core/policy';
import { freshName, sampleSource, T0 } from '../background/worker.test-kit';
import { eventsOf, listIncidents, saveIncident } from './incidents';
import { claimKeys, pruneNotified, settleKeys } from './marks';
import { MIGRATIONS } from './migrations';
import { openLensDB } from './open';
import { DB_VERSION, type IncidentRecord, type LensDB } from './schema';
import { getSetting, getSettings, setSetting } from './settings';
import {
  activeFeedIncidents,
  markFeedIncidentDone,
  savePoll,
  seenSeverities,
  SEVERITY_HISTORY,
} from './sources';
import { readStore, sampleRecords, seedEveryStore } from './seed.test-kit';
import { CHUNK_EVENTS } from './chunks';
import { WRITE_PIECE } from './bulk';
import { timelineRange } from './timeline';
import { derive, ensureSummaries } from './summaries';
import { countStoreReads } from './store-reads.test-kit';

describe('openLensDB and migrations', () => {
  test('migrations are ordered, start at 1 and end at DB_VERSION', () => {
    // Strictly increasing, not necessarily contiguous: two branches may each add a step (v6, v7)
    // and either may land first; a database upgrades through whichever steps exist.
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(MIGRATIONS[MIGRATIONS.length - 1]?.version).toBe(DB_VERSION);
  });

  test('a fresh database has every store and index', async () => {
    const db = await openLensDB(freshName());
    expect([...db.objectStoreNames].sort()).toEqual(
      [
        ...['copiedReplies', 'drafts', 'timeline', 'feedIncidents', 'incidents', 'notified'],
        ...['marks', 'reviews', 'settings', 'sites', 'snapshots', 'sources', 'summaries'],
        ...['commsTallies', 'commsTotals', 'actionItems', 'itemTotals', 'dashboardState'],
        'openComms',
      ].sort(),
    );
    const tx = db.transaction(['feedIncidents', 'notified', 'timeline', 'reviews'], 'readonly');
    expect([...tx.objectStore('feedIncidents').indexNames].sort()).toEqual([
      'by-active',
      'by-source',
    ]);
    expect([...tx.objectStore('notified').indexNames]).toEqual(['by-at']);
    expect([...tx.objectStore('timeline').indexNames]).toEqual([]);
    expect(tx.objectStore('timeline').keyPath).toEqual(['incidentId', 'at', 'id', 'n']);
    db.close();
  });

  test('a v1 database (written with the v1 schema) opens at the current version with every record', async () => {
    const name = freshName();
    const v1 = await openLensDB(name, 1);
    expect(v1.version).toBe(1);
    expect([...v1.transaction('notified').store.indexNames]).toEqual([]);
    const written = await seedEveryStore(v1);
    v1.close();

    const db = await openLensDB(name);
    expect(db.version).toBe(DB_VERSION);
    for (const [store, records] of Object.entries(written)) {
      expect(await readStore(db, store), store).toEqual(
        [...records].sort((a, b) =>
          String(Object.values(a)[0]).localeCompare(String(Object.values(b)[0])),
        ),
      );
    }
    // The v2 index works on records written before it existed.
    expect(await db.getAllKeysFromIndex('notified', 'by-at')).toEqual(['n1']);
    db.close();
  });

  test('a v2 database opens at v3 with every record, the by-resolved index covering its resolved incidents and reviewPublishedAt filled in from published reviews', async () => {
    const name = freshName();
    const v2 = await openLensDB(name, 2);
    expect(v2.version).toBe(2);
    expect([...v2.transaction('incidents').store.indexNames]).toEqual(['by-status']);
    const written = await seedEveryStore(v2);
    const resolved = (id: string, resolvedAt: number): IncidentRecord => ({
      id,
      title: `Resolved ${id}`,
      components: [],
      publiclyVisible: false,
      startedAt: T0,
      declaredAt: T0,
      status: 'resolved',
      severity: 1,
      resolvedAt,
      updatedAt: resolvedAt,
    });
    const extra = [resolved('r-old', T0 + 1000), resolved('r-new', T0 + 5000)];
    for (const i of extra) await v2.put('incidents', i);
    // A review of r-old published under v2: v3 denormalises its time onto the incident.
    const review = {
      ...sampleRecords().reviews[0]!,
      id: 'r2',
      incidentId: 'r-old',
      publishedAt: T0 + 9000,
    };
    await v2.put('reviews', review as never);
    v2.close();

    const db = await openLensDB(name, 3);
    expect(db.version).toBe(3);
    const byKey = (a: object, b: object) =>
      String(Object.values(a)[0]).localeCompare(String(Object.values(b)[0]));
    for (const [store, records] of Object.entries(written)) {
      if (store === 'marks') continue; // new in v4
      const expected =
        store === 'incidents'
          ? // Every record kept; the only change is r-old's denormalised publication time.
            [...records, { ...extra[0]!, reviewPublishedAt: T0 + 9000 }, extra[1]!]
          : store === 'reviews'
            ? [...records, review]
            : [...records];
      expect(await db.getAll(store as never), store).toEqual(expected.sort(byKey));
    }
    // Open incidents have no resolvedAt, so the index holds exactly the resolved ones, by time.
    expect(await db.getAllKeysFromIndex('incidents', 'by-resolved')).toEqual(['r-old', 'r-new']);
    expect([...db.transaction('incidents').store.indexNames].sort()).toEqual([
      'by-resolved',
      'by-status',
    ]);
    db.close();
  });

  test('a v3 database opens at v4 with every record and an empty store for team marks', async () => {
    const name = freshName();
    const v3 = await openLensDB(name, 3);
    const written = await seedEveryStore(v3);
    v3.close();
    const db = await openLensDB(name, 4);
    for (const [store, records] of Object.entries(written)) {
      const byKey = (a: object, b: object) =>
        String(Object.values(a)[0]).localeCompare(String(Object.values(b)[0]));
      expect(await db.getAll(store as never), store).toEqual([...records].sort(byKey));
    }
    expect(await db.getAll('marks')).toEqual([]);
    db.close();
  });

  test('a v4 database opens at v5 with every record, its events indexed by [incidentId, at]', async () => {
    const name = freshName();
    const v4 = await openLensDB(name, 4);
    expect([...v4.transaction('events' as never).store.indexNames]).toEqual(['by-incident']);
    const written = await seedEveryStore(v4);
    // Two incidents' events written out of time order under v4.
    const ev = (id: string, incidentId: string, at: number) =>
      ({ id, incidentId, type: 'note', at, text: id }) as const;
    const extra = [ev('z1', 'a', T0 + 3), ev('z2', 'a', T0 + 1), ev('z3', 'b', T0 + 2)];
    for (const e of extra) await v4.put('events' as never, e);
    v4.close();

    const db = await openLensDB(name, 5);
    expect(db.version).toBe(5);
    const byKey = (a: object, b: object) =>
      String(Object.values(a)[0]).localeCompare(String(Object.values(b)[0]));
    for (const [store, records] of Object.entries(written)) {
      const expected = store === 'events' ? [...records, ...extra] : [...records];
      expect(await db.getAll(store as never), store).toEqual(expected.sort(byKey));
    }
    expect([...db.transaction('events' as never).store.indexNames]).toEqual(['by-incident-at']);
    // The new index covers the events written before it existed, in time order.
    const at = (incidentId: string) =>
      db.getAllFromIndex(
        'events' as never,
        'by-incident-at' as never,
        IDBKeyRange.bound([incidentId, -Infinity], [incidentId, Infinity]),
      ) as Promise<{ id: string }[]>;
    expect((await at('a')).map((e) => e.id)).toEqual(['z2', 'z1']);
    expect((await at('b')).map((e) => e.id)).toEqual(['z3']);
    db.close();
  });

  test('a v5 database opens at v6 with every event moved into timeline chunks, in time order, and no events store', async () => {
    const name = freshName();
    const v5 = await openLensDB(name, 5);
    const written = await seedEveryStore(v5);
    // 450 events of one incident written newest first (three chunks), two more incidents' few,
    // ties in time ordered by id.
    const ev = (id: string, incidentId: string, at: number) =>
      ({ id, incidentId, type: 'note', at, text: id }) as const;
    const big = Array.from({ length: 450 }, (_, i) =>
      ev(`b${String(i).padStart(3, '0')}`, 'big', T0 + i),
    );
    const extra = [
      ...big.reverse(),
      ev('z1', 'a', T0 + 3),
      ev('z2', 'a', T0 + 1),
      ev('z0', 'a', T0 + 1),
    ];
    extra.push(ev('z3', 'b', T0 + 2));
    const tx = v5.transaction('events' as never, 'readwrite');
    for (const e of extra) void tx.store.put(e);
    await tx.done;
    v5.close();

    const db = await openLensDB(name, 6);
    expect(db.version).toBe(6);
    expect([...db.objectStoreNames]).not.toContain('events');
    const byKey = (a: object, b: object) =>
      String(Object.values(a)[0]).localeCompare(String(Object.values(b)[0]));
    for (const [store, records] of Object.entries(written)) {
      const expected = store === 'events' ? [...records, ...extra] : [...records];
      expect((await readStore(db, store)) as object[], store).toEqual(
        expect.arrayContaining(expected),
      );
      expect(((await readStore(db, store)) as object[]).sort(byKey), store).toEqual(
        expected.sort(byKey),
      );
    }
    expect((await eventsOf(db, 'a')).map((e) => e.id)).toEqual(['z0', 'z2', 'z1']);
    expect((await eventsOf(db, 'b')).map((e) => e.id)).toEqual(['z3']);
    expect((await eventsOf(db, 'big')).map((e) => e.id)).toEqual(big.map((e) => e.id).sort());
    // In chunks of CHUNK_EVENTS: 450 events are three records, not 450.
    const keys = await db.getAllKeys('timeline', timelineRange('big'));
    expect(keys.map((k) => k[3])).toEqual([CHUNK_EVENTS, CHUNK_EVENTS, 50]);
    db.close();
  });

  test('a v8 database opens at v9 with its summaries kept, indexed in list order once the worker refills them', async () => {
    const name = freshName();
    const v8 = await openLensDB(name, 8);
    const open = (id: string, severity: 1 | 2, startedAt: number): IncidentRecord => ({
      id,
      title: id,
      components: [],
      publiclyVisible: true,
      startedAt,
      declaredAt: startedAt,
      status: 'open',
      severity,
      updatedAt: startedAt,
    });
    // Written as v8 code did (today's write paths name v10's store): records and summaries.
    const records = [open('b', 2, T0), open('a', 1, T0 + 1)];
    const { summaries } = derive(records, new Map(), DEFAULT_POLICY, new Map(), T0 + 2);
    for (const r of records) await v8.put('incidents', r);
    for (const s of summaries) await v8.put('summaries', s);
    // A v8 summary: no list order.
    const before = (await v8.get('summaries', 'a'))!;
    delete before.order;
    await v8.put('summaries', before);
    v8.close();
    // Through v9 and every later step (today's code runs on the current schema).
    const db = await openLensDB(name);
    expect(await db.get('summaries', 'a')).toEqual(before);
    expect(await db.countFromIndex('summaries', 'by-order')).toBe(1);
    await ensureSummaries(db);
    expect(await db.getAllKeysFromIndex('summaries', 'by-order')).toEqual(['a', 'b']);
    db.close();
  });

  test('a failing migration leaves the older database untouched', async () => {
    const name = freshName();
    const v1 = await openLensDB(name, 1);
    await v1.put('notified', { key: 'k', at: 1 });
    v1.close();
    // A "v3" whose step throws: opening fails, and v1 still opens with its data.
    const broken = openDB<LensDB>(name, 3, {
      upgrade(_db, _old, _new, tx) {
        tx.done.catch(() => undefined);
        tx.abort();
      },
    });
    await expect(broken).rejects.toBeTruthy();
    const again = await openLensDB(name, 1);
    expect(await again.get('notified', 'k')).toEqual({ key: 'k', at: 1 });
    again.close();
  });
});

describe('severity history of a feed incident', () => {
  const rec = (severities?: { severity: 1 | 2 | 3 | 4 | null; at: number }[]) =>
    ({
      key: 's|a',
      sourceId: 's',
      incident: { severity: 2 },
      active: 1,
      firstSeenAt: T0,
      lastSeenAt: T0,
      ...(severities ? { severities } : {}),
    }) as unknown as Parameters<typeof seenSeverities>[0];

  test('starts at the first sighting, grows only on a change, keeps the first when capped', () => {
    expect(seenSeverities(undefined, 3, T0)).toEqual([{ severity: 3, at: T0 }]);
    const same = [{ severity: 2 as const, at: T0 }];
    expect(seenSeverities(rec(same), 2, T0 + 1)).toBe(same);
    // a record from before the history existed: its first sighting, then the change
    expect(seenSeverities(rec(), 1, T0 + 5)).toEqual([
      { severity: 2, at: T0 },
      { severity: 1, at: T0 + 5 },
    ]);
    let h = seenSeverities(undefined, 4, T0);
    for (let i = 1; i <= 30; i++) h = seenSeverities(rec(h), ((i % 2) + 1) as 1 | 2, T0 + i);
    expect(h).toHaveLength(SEVERITY_HISTORY);
    expect(h[0]).toEqual({ severity: 4, at: T0 });
    expect(h.at(-1)).toEqual({ severity: 1, at: T0 + 30 });
  });
});

describe('repositories', () => {
  test('notification settings stored before the filters existed read with the filters’ defaults', async () => {
    const db = await openLensDB(freshName());
    const old = {
      newIncident: false,
      severityChange: true,
      newUpdate: true,
      obligationDue: true,
      actionItemDue: true,
    };
    await db.put('settings', { key: 'notifications', value: old as never });
    expect(await getSetting(db, 'notifications')).toEqual({
      ...old,
      minSeverity: null,
      role: 'all',
      mutedSources: [],
    });
    expect((await getSettings(db)).notifications.role).toBe('all');
  });

  test('settings read as defaults until written', async () => {
    const db = await openLensDB(freshName());
    const s = await getSettings(db);
    expect(s.policy).toEqual(DEFAULT_POLICY);
    expect(s.locale).toBe('en');
    expect(s.statuspage).toBeNull();
    expect(s.notifications).toEqual({
      newIncident: true,
      severityChange: true,
      newUpdate: true,
      obligationDue: true,
      actionItemDue: true,
      minSeverity: null,
      role: 'all',
      mutedSources: [],
    });
    expect(Object.keys(s.templates)).toContain('support_reply');
    await setSetting(db, 'locale', 'de');
    expect(await getSetting(db, 'locale')).toBe('de');
    // Defaults are copies: mutating one does not leak into the next read.
    s.notifications.newIncident = false;
    expect((await getSettings(db)).notifications.newIncident).toBe(true);
    db.close();
  });

  test('incidents and their events are saved together and read in time order', async () => {
    const db = await openLensDB(freshName());
    const inc: IncidentRecord = {
      id: 'i1',
      title: 'Login down',
      components: [],
      publiclyVisible: true,
      startedAt: T0,
      declaredAt: T0,
      status: 'open',
      severity: null,
      updatedAt: T0,
    };
    await saveIncident(db, inc, [
      { id: 'e2', incidentId: 'i1', type: 'note', at: T0 + 5 },
      { id: 'e1', incidentId: 'i1', type: 'declared', at: T0 },
    ]);
    expect((await eventsOf(db, 'i1')).map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(await listIncidents(db, 'open')).toHaveLength(1);
    expect(await listIncidents(db, 'resolved')).toHaveLength(0);
    db.close();
  });

  test('claimKeys returns each key once, ever; changes are silent when the intro is new', async () => {
    const name = freshName();
    let db = await openLensDB(name);
    const g = { intro: 'new|a', changes: ['sev|a|2'], dues: ['due|a|x'] };
    expect([...(await claimKeys(db, [g], T0))].sort()).toEqual(['due|a|x', 'new|a']);
    // the change is recorded silently, so it is not shown later either
    expect(await db.getKey('notified', 'sev|a|2')).toBe('sev|a|2');
    db.close();
    db = await openLensDB(name);
    // not shown yet (the worker stopped): claimed again, so the notification is not lost
    expect([...(await claimKeys(db, [g], T0))].sort()).toEqual(['due|a|x', 'new|a']);
    await settleKeys(db, ['due|a|x', 'new|a'], 'shown', T0);
    expect(await claimKeys(db, [g], T0)).toEqual(new Set());
    expect(await claimKeys(db, [{ ...g, changes: ['sev|a|1'] }], T0)).toEqual(new Set(['sev|a|1']));
    expect(await pruneNotified(db, T0 + 1)).toBe(4);
    db.close();
  });

  test('claimKeys over many keys reads the store once (then each written piece) and claims exactly as key by key', async () => {
    const groups = Array.from({ length: 150 }, (_, i) => ({
      intro: `new|${i}`,
      changes: [`sev|${i}|2`],
      dues: [`due|${i}|a`, `due|${i}|b`],
    }));
    /** The same history: some claimed, shown, held, a stale record; then every group at `now`. */
    const world = async () => {
      const db = await openLensDB(freshName());
      for (const g of groups.slice(0, 40)) await claimKeys(db, [g], T0);
      await settleKeys(db, ['new|3', 'due|5|a'], 'shown', T0);
      await settleKeys(db, ['due|7|b'], 'held', T0);
      await db.put('notified', { key: 'shown|x|1', at: T0, state: 'shown' });
      return db;
    };
    const now = T0 + 25 * 60 * 60_000;
    const one = await world();
    const byKey = new Set<string>();
    for (const g of groups) for (const k of await claimKeys(one, [g], now)) byKey.add(k);
    const all = await world();
    const reads = countStoreReads();
    const bulk = await claimKeys(all, groups, now);
    // The store once, then each piece's key range before it is written: all 600 keys are written
    // (440 new, 160 re-dated a day on), so two pieces of WRITE_PIECE.
    expect(reads.of('notified')).toEqual(['getAll', 'getAll', 'getAll']);
    expect([...bulk].sort()).toEqual([...byKey].sort());
    expect(await all.getAll('notified')).toEqual(await one.getAll('notified'));
    one.close();
    all.close();
  });

  test('claiming and settling many keys writes at most WRITE_PIECE records per transaction', async () => {
    // 10,000 open incidents' deadlines newly due (after an import, a policy change): one
    // transaction of 10,000 puts kept IndexedDB busy for 1.3–1.6 s in Chromium, and a side panel
    // opened meanwhile waited for all of it, its connection's open included (issue 22).
    const db = await openLensDB(freshName());
    const groups = Array.from({ length: 600 }, (_, i) => ({
      intro: `new|${i}`,
      changes: [`sev|${i}|2`],
      dues: [`due|${i}|a`],
    }));
    const puts = new Map<IDBTransaction, number>();
    const proto = IDBObjectStore.prototype;
    const put = proto.put;
    proto.put = function (this: IDBObjectStore, ...a: Parameters<IDBObjectStore['put']>) {
      puts.set(this.transaction, (puts.get(this.transaction) ?? 0) + 1);
      return put.apply(this, a);
    };
    onTestFinished(() => void (proto.put = put));
    const show = await claimKeys(db, groups, T0);
    await settleKeys(db, [...show], 'shown', T0);
    proto.put = put;
    expect(show.size).toBe(1200);
    expect((await db.getAll('notified')).length).toBe(1800);
    expect(Math.max(...puts.values())).toBeLessThanOrEqual(WRITE_PIECE);
    db.close();
  });

  test('a key another context claims between the read and its piece is left to it', async () => {
    const name = freshName();
    const db = await openLensDB(name);
    const other = await openLensDB(name);
    const groups = Array.from({ length: 300 }, (_, i) => ({ changes: [], dues: [`due|${i}|a`] }));
    // Just before the first piece's transaction: the other context records one key as shown and
    // one as pending (its transaction, created first, runs first).
    const transaction = db.transaction.bind(db);
    let raced = false;
    db.transaction = ((stores: never, mode?: IDBTransactionMode) => {
      if (mode === 'readwrite' && !raced) {
        raced = true;
        const tx = other.transaction('notified', 'readwrite');
        void tx.store.put({ key: 'due|0|a', at: T0, state: 'shown' });
        void tx.store.put({ key: 'due|1|a', at: T0, state: 'pending' });
      }
      return transaction(stores, mode);
    }) as typeof db.transaction;
    const show = await claimKeys(db, groups, T0);
    expect(raced).toBe(true);
    expect(show.has('due|0|a')).toBe(false);
    expect(show.has('due|1|a')).toBe(true);
    expect(show.size).toBe(299);
    expect((await db.get('notified', 'due|0|a'))?.state).toBe('shown');
    expect((await db.get('notified', 'due|2|a'))?.state).toBe('pending');
    db.close();
    other.close();
  });

  test('an agent\'s "Mark done" survives the next good poll, with new data or without ETags', async () => {
    const db = await openLensDB(freshName());
    const sample = sampleRecords();
    const source = { ...sample.sources[0], url: 'https://a.test/' } as never;
    await db.put('sources', source);
    const [snapshot] = sample.snapshots as never[];
    const [seen] = sample.feedIncidents as {
      sourceId: string;
      incident: { id: string; updates: unknown[] };
    }[];
    const poll = (now: number, incident = seen!.incident) =>
      savePoll(
        db,
        's1',
        'https://a.test/',
        { failures: 0 },
        {
          snapshot: snapshot!,
          incidents: [{ sourceId: 's1', incident, active: 1 } as never],
          now,
        },
      );
    expect(await poll(T0)).toBe(true);
    expect(await markFeedIncidentDone(db, 's1|fi1', 'customer_email', T0 + 1)).toBe(true);
    // The same answer again (a server without ETags), then a new public update.
    await poll(T0 + 60_000);
    await poll(T0 + 120_000, { ...seen!.incident, updates: [...seen!.incident.updates] });
    const [rec] = await activeFeedIncidents(db);
    expect(rec?.done).toEqual([{ obligationId: 'customer_email', at: T0 + 1 }]);
    db.close();
  });

  test('savePoll refuses an answer for a URL that changed meanwhile', async () => {
    const db = await openLensDB(freshName());
    await db.put('sources', sampleSource({ id: 's', name: 'S', url: 'https://b.test/' }));
    const ok = await savePoll(db, 's', 'https://a.test/', { failures: 3 });
    expect(ok).toBe(false);
    expect((await db.get('sources', 's'))?.failures).toBe(0);
    expect(await activeFeedIncidents(db)).toEqual([]);
    db.close();
  });
});
