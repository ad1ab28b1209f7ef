import 'fake-indexeddb/auto';
import { describe, expect, onTestFinished, test } from 'vitest';
import { freshName, T0 } from '../background/worker.test-kit';
import {
  awaitingReview,
  BULK_RECORDS_PER_TX,
  eventsOf,
  latestResolved,
  LOOK_AHEAD,
  saveIncidents,
} from './incidents';
import { openLensDB } from './open';
import { allEvents } from './chunks';
import { refreshAllSummaries } from './summaries';
import { countTimelineReads } from './timeline-reads.test-kit';
import type { IncidentRecord } from './schema';

/** A resolved incident, resolved `n` minutes after T0; `published` gives it a published post-mortem. */
const resolved = (n: number, published = false): IncidentRecord => ({
  id: `i${n}`,
  title: `Incident ${n}`,
  components: [],
  publiclyVisible: false,
  startedAt: T0,
  declaredAt: T0,
  status: 'resolved',
  severity: 2,
  resolvedAt: T0 + n * 60_000,
  updatedAt: T0 + n * 60_000,
  ...(published ? { reviewPublishedAt: T0 + n * 60_000 + 1 } : {}),
});

/** A database holding `records`. */
async function dbWith(records: IncidentRecord[]) {
  const db = await openLensDB(freshName());
  const tx = db.transaction('incidents', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
  return db;
}

const ids = (page: { incidents: IncidentRecord[] }) => page.incidents.map((i) => i.id);

describe('pages of resolved incidents ("show more")', () => {
  test('latest resolved first; more only while older ones exist', async () => {
    const db = await dbWith([1, 2, 3, 4, 5].map((n) => resolved(n)));
    const first = await latestResolved(db, 3);
    expect(ids(first)).toEqual(['i5', 'i4', 'i3']);
    expect(first.more).toBe(true);
    const all = await latestResolved(db, 5);
    expect(all.more).toBe(false);
    db.close();
  });

  test('awaiting post-mortem: no "show more" when only published ones are older', async () => {
    // 3 awaiting (newest), then 20 older ones whose post-mortems are published
    const older = Array.from({ length: 20 }, (_, n) => resolved(n + 1, true));
    const db = await dbWith([...older, resolved(30), resolved(31), resolved(32)]);
    const page = await awaitingReview(db, 3);
    expect(ids(page)).toEqual(['i32', 'i31', 'i30']);
    expect(page.more).toBe(false);
    db.close();
  });

  test('awaiting post-mortem: "show more" when an older one awaits behind published ones', async () => {
    const published = Array.from({ length: 20 }, (_, n) => resolved(n + 10, true));
    const db = await dbWith([resolved(1), ...published, resolved(40), resolved(41)]);
    const page = await awaitingReview(db, 2);
    expect(ids(page)).toEqual(['i41', 'i40']);
    expect(page.more).toBe(true);
    expect(ids(await awaitingReview(db, 4))).toEqual(['i41', 'i40', 'i1']);
    db.close();
  });

  test('looks at most LOOK_AHEAD records past a full page, then assumes more', async () => {
    const published = Array.from({ length: LOOK_AHEAD + 5 }, (_, n) => resolved(n + 10, true));
    const db = await dbWith([...published, resolved(1_000)]);
    const page = await awaitingReview(db, 1);
    expect(ids(page)).toEqual(['i1000']);
    expect(page.more).toBe(true);
    const next = await awaitingReview(db, 2);
    expect(ids(next)).toEqual(['i1000']);
    expect(next.more).toBe(false);
    db.close();
  });
});

describe('the side panel’s first screen reads only what it shows (issue 22)', () => {
  test('a full page of awaiting post-mortems reads a few records past it, not LOOK_AHEAD', async () => {
    const db = await dbWith(Array.from({ length: 300 }, (_, n) => resolved(n + 1)));
    let records = 0;
    const proto = IDBIndex.prototype;
    const original = proto.getAll;
    proto.getAll = function (this: IDBIndex, query?: IDBValidKey | IDBKeyRange | null, n?: number) {
      const out = original.call(this, query, n);
      out.addEventListener('success', () => (records += (out.result as unknown[]).length));
      return out;
    };
    onTestFinished(() => void (proto.getAll = original));
    const page = await awaitingReview(db, 20);
    expect(ids(page)[0]).toBe('i300');
    expect(page.more).toBe(true);
    expect(records).toBeLessThanOrEqual(20 + 8);
    db.close();
  });
});

describe('saveIncidents (bulk)', () => {
  const item = (n: number, events: number) => ({
    incident: resolved(n),
    events: Array.from({ length: events }, (_, k) => ({
      id: `i${n}-e${k}`,
      incidentId: `i${n}`,
      type: 'note' as const,
      at: T0 + k,
    })),
  });

  test('writes every incident with its timeline in chunks, a few hundred records per transaction', async () => {
    const db = await openLensDB(freshName());
    const batches: number[] = [];
    await saveIncidents(
      db,
      Array.from({ length: 3_000 }, (_, n) => item(n, 20)),
      { onBatch: (r) => batches.push(r) },
    );
    expect(await db.count('incidents')).toBe(3_000);
    expect((await allEvents(db)).length).toBe(60_000);
    expect((await eventsOf(db, 'i42')).map((e) => e.id)).toEqual(
      item(42, 20).events.map((e) => e.id),
    );
    // Each incident's 20 events are one record (a chunk), not 20: 6,000 records in all, in
    // batches of whole incidents (2 records each), none over the size.
    expect(await db.count('timeline')).toBe(3_000);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(6_000);
    expect(batches.length).toBe(Math.ceil(6_000 / BULK_RECORDS_PER_TX));
    expect(Math.max(...batches)).toBeLessThanOrEqual(BULK_RECORDS_PER_TX);
    db.close();
  });

  test('writes the summaries and tallies with the batches, from the events it holds: no timeline is read back (issue 22)', async () => {
    const db = await openLensDB(freshName());
    const open = (n: number) => {
      const { events } = item(n, 3);
      const declared = { ...events[0]!, type: 'declared' as const };
      const classified = { ...events[1]!, type: 'classified' as const, severity: 1 as const };
      return {
        incident: { ...resolved(n), status: 'open' as const, resolvedAt: undefined },
        events: [declared, classified, events[2]!],
      };
    };
    // One incident written before: its new event is appended, and its summary read from the store.
    await saveIncidents(db, [open(1)]);
    const later = { ...open(1), events: [{ ...item(1, 1).events[0]!, id: 'i1-late', at: T0 + 9 }] };
    const items = [
      later,
      ...Array.from({ length: 600 }, (_, n) => (n % 3 ? item : open)(n + 2, 3)),
    ];
    const reads = countTimelineReads();
    await saveIncidents(db, items);
    expect(new Set(reads)).toEqual(new Set(['i1']));
    const written = {
      summaries: await db.getAll('summaries'),
      tallies: await db.getAll('commsTallies'),
    };
    expect(written.summaries.length).toBe(1 + 200);
    expect(written.tallies.length).toBe(400);
    // The same as computed from the stored timelines.
    await refreshAllSummaries(db);
    expect(await db.getAll('summaries')).toEqual(written.summaries);
    expect(await db.getAll('commsTallies')).toEqual(written.tallies);
    db.close();
  });

  test('a failing batch rejects, and no incident is left without its events', async () => {
    const db = await openLensDB(freshName());
    const bad = item(7, 3);
    bad.events[1] = { ...bad.events[1]!, id: undefined as unknown as string }; // no key: put fails
    const items = [item(1, 3), bad, item(9, 3)];
    await expect(saveIncidents(db, items)).rejects.toThrow();
    expect(await db.get('incidents', 'i7')).toBeUndefined();
    expect(await db.get('incidents', 'i1')).toBeUndefined(); // the same batch: none of it stays
    expect(await eventsOf(db, 'i7')).toEqual([]);
    db.close();
  });
});
