import 'fake-indexeddb/auto';
import { describe, expect, onTestFinished, test } from 'vitest';
import { freshName, T0 } from '../background/worker.test-kit';
import { presentKeys, putAll, SPAN_KEYS } from './bulk';
import { BACKUP_FORMAT, BACKUP_VERSION, importAll } from './backup';
import { putReviews } from './drafts';
import { saveIncident, saveIncidents } from './incidents';
import { openLensDB } from './open';
import { sampleRecords } from './seed.test-kit';
import { refreshAllSummaries } from './summaries';
import type { EventRecord, IncidentRecord, ReviewRecord } from './schema';

/** Every read or delete of one record or range made on these stores while the test runs. */
function countRequests(stores: readonly string[]): string[] {
  const seen: string[] = [];
  const proto = IDBObjectStore.prototype;
  const originals = { get: proto.get, getAll: proto.getAll, delete: proto.delete };
  for (const name of ['get', 'getAll', 'delete'] as const) {
    const original = originals[name] as (this: IDBObjectStore, ...a: unknown[]) => IDBRequest;
    (proto as unknown as Record<string, unknown>)[name] = function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      if (stores.includes(this.name)) seen.push(`${name} ${this.name}`);
      return original.apply(this, args);
    };
  }
  onTestFinished(() => void Object.assign(proto, originals));
  return seen;
}

const incident = (n: number, open: boolean): IncidentRecord => ({
  id: `i${String(n).padStart(3, '0')}`,
  title: `Incident ${n}`,
  components: [],
  publiclyVisible: true,
  startedAt: T0,
  declaredAt: T0,
  status: open ? 'open' : 'resolved',
  severity: 2,
  updatedAt: T0 + n,
  ...(open ? {} : { resolvedAt: T0 + 3_600_000 + n }),
});

const timeline = (i: IncidentRecord): EventRecord[] => [
  { id: `${i.id}-d`, incidentId: i.id, type: 'declared', at: T0 },
  { id: `${i.id}-c`, incidentId: i.id, type: 'classified', at: T0 + 60_000, severity: 2 },
  ...(i.status === 'open'
    ? []
    : [{ id: `${i.id}-r`, incidentId: i.id, type: 'resolved' as const, at: i.resolvedAt! }]),
];

describe('putAll and presentKeys (issue 22)', () => {
  test('putAll writes every record and resolves once the last is written', async () => {
    const db = await openLensDB(freshName());
    const tx = db.transaction('notified', 'readwrite');
    const recs = Array.from({ length: 1_200 }, (_, i) => ({ key: `k${i}`, at: T0 + i }));
    await putAll(tx.store, recs);
    expect(await tx.store.count()).toBe(1_200); // all of them, in the same transaction
    await tx.done;
    db.close();
  });

  test('a record refused on the spot throws, as put does; an abort meanwhile rejects: nothing stays', async () => {
    const db = await openLensDB(freshName());
    let tx = db.transaction('notified', 'readwrite');
    const recs: unknown[] = [{ key: 'a', at: 1 }, { at: 2 }, { key: 'c', at: 3 }]; // no key
    expect(() => putAll(tx.store, recs as never)).toThrow(); // the caller aborts
    tx.abort();
    await expect(tx.done).rejects.toThrow();
    tx = db.transaction('notified', 'readwrite');
    const written = putAll(tx.store, [{ key: 'a', at: 1 }]);
    tx.abort(); // as the browser does on a full disk
    await expect(written).rejects.toThrow();
    await expect(tx.done).rejects.toThrow();
    expect(await db.count('notified')).toBe(0);
    db.close();
  });

  test('presentKeys: the keys stored among some, from one read; none when too few or too wide', async () => {
    const db = await openLensDB(freshName());
    await db.put('notified', { key: 'b', at: 1 });
    await db.put('notified', { key: 'd', at: 1 });
    const store = db.transaction('notified').store;
    expect(await presentKeys(store, ['a', 'b', 'c', 'd', 'e'])).toEqual(new Set(['b', 'd']));
    expect(await presentKeys(store, ['a', 'b'])).toBeNull(); // a lookup each is as cheap
    const tx = db.transaction('notified', 'readwrite');
    await putAll(
      tx.store,
      Array.from({ length: SPAN_KEYS + 1 }, (_, i) => ({ key: `m${i}`, at: 1 })),
    );
    await tx.done;
    expect(await presentKeys(db.transaction('notified').store, ['a', 'b', 'c', 'z'])).toBeNull();
    db.close();
  });
});

describe('bulk writes make no request per record where nothing is stored (issue 22)', () => {
  test('saveIncidents of new incidents: no summary, tally or review item read or deleted one by one', async () => {
    const db = await openLensDB(freshName());
    const items = Array.from({ length: 300 }, (_, n) => incident(n, n % 10 === 0)).map((i) => ({
      incident: i,
      events: timeline(i),
    }));
    const seen = countRequests(['summaries', 'commsTallies', 'actionItems']);
    await saveIncidents(db, items);
    const reviews: ReviewRecord[] = items.slice(0, 40).map(({ incident: i }) => ({
      ...(sampleRecords().reviews[0] as unknown as ReviewRecord),
      id: `r-${i.id}`,
      incidentId: i.id,
    }));
    await putReviews(db, reviews);
    expect(seen).toEqual([]);
    expect(await db.count('summaries')).toBe(30);
    expect(await db.count('commsTallies')).toBe(270);
    expect(await db.count('actionItems')).toBe(40 * reviews[0]!.actionItems.length);
    db.close();
  });

  test('saveIncidents over incidents stored without a timeline: their old summaries and tallies go', async () => {
    const db = await openLensDB(freshName());
    // Six incidents saved before with no events: three open (a summary each), three resolved (a
    // tally each). Written again in bulk, with their timelines, the other way round.
    for (let n = 0; n < 6; n++) await saveIncident(db, incident(n, n < 3));
    expect(await db.count('summaries')).toBe(3);
    expect(await db.count('commsTallies')).toBe(3);
    const again = Array.from({ length: 6 }, (_, n) => incident(n, n >= 3));
    await saveIncidents(
      db,
      again.map((i) => ({ incident: i, events: timeline(i) })),
    );
    const written = {
      summaries: await db.getAll('summaries'),
      tallies: await db.getAll('commsTallies'),
      totals: await db.getAll('commsTotals'),
    };
    expect(written.summaries.map((s) => s.incidentId)).toEqual(['i003', 'i004', 'i005']);
    expect(written.tallies.map((s) => s.incidentId)).toEqual(['i000', 'i001', 'i002']);
    // The same as recomputed from the stored timelines, each tally counted once in the totals.
    await refreshAllSummaries(db);
    expect(await db.getAll('summaries')).toEqual(written.summaries);
    expect(await db.getAll('commsTallies')).toEqual(written.tallies);
    const fresh = await openLensDB(freshName());
    await saveIncidents(
      fresh,
      again.map((i) => ({ incident: i, events: timeline(i) })),
    );
    expect(written.totals).toEqual(await fresh.getAll('commsTotals'));
    expect(written.totals.length).toBeGreaterThan(0);
    db.close();
    fresh.close();
  });

  test('putReviews again with an item dropped: the review’s old items are replaced', async () => {
    const db = await openLensDB(freshName());
    const base = sampleRecords().reviews[0] as unknown as ReviewRecord;
    const reviews = Array.from({ length: 5 }, (_, n) => ({ ...base, id: `r${n}` }));
    const two = [
      ...base.actionItems,
      { ...base.actionItems[0]!, id: 'second', description: 'Another' },
    ];
    await putReviews(
      db,
      reviews.map((r) => ({ ...r, actionItems: two })),
    );
    expect(await db.count('actionItems')).toBe(10);
    await putReviews(db, reviews);
    expect((await db.getAll('actionItems')).map((r) => r.itemId)).toEqual(
      reviews.map(() => base.actionItems[0]!.id),
    );
    db.close();
  });

  test('importAll (replace) writes into the stores it emptied: no record read or deleted one by one', async () => {
    const db = await openLensDB(freshName());
    const all = Array.from({ length: 120 }, (_, n) => incident(n, n % 4 === 0));
    const stores = sampleRecords();
    stores.incidents = all as never;
    stores.events = all.flatMap(timeline) as never;
    stores.reviews = all.slice(1, 30).map((i) => ({
      ...stores.reviews[0]!,
      id: `r-${i.id}`,
      incidentId: i.id,
    }));
    const json = JSON.stringify({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: T0,
      stores,
    });
    expect((await importAll(db, json)).ok).toBe(true); // into data of its own
    const seen = countRequests(['summaries', 'commsTallies', 'actionItems', 'timeline']);
    const r = await importAll(db, json);
    if (!r.ok) throw new Error(r.error);
    // The summaries and tallies, written after the commit into the stores it emptied, read
    // nothing one by one either (a key read per batch tells none is there).
    await r.derived;
    expect(seen).toEqual([]);
    expect(await db.count('summaries')).toBe(30);
    expect(await db.count('commsTallies')).toBe(90);
    expect(await db.count('timeline')).toBe(120);
    db.close();
  });
});
