import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../core/policy';
import { sharedStore } from '../../../tests/support/pouch';
import { freshName, T0 } from '../background/worker.test-kit';
import { listReviews, putReview } from './drafts';
import { eventsOf, getIncident, listIncidents, saveIncident, saveIncidents } from './incidents';
import { openLensDB, type LensDatabase } from './open';
import { attachShared, claimLocal, migrateToShared, project, type SharedStore } from './shared';
import { getSetting, setSetting } from './settings';
import { markFeedIncidentDone } from './sources';
import { STORES } from './backup';
import { readStore, sampleRecords, seedEveryStore } from './seed.test-kit';
import type { IncidentRecord, ReviewRecord } from './schema';
import { summariesSettled } from './summaries';

const ann = { name: 'ann', display: 'Ann Example' };

const store = (author = ann, now = T0): SharedStore => sharedStore(author, now);

const incident = (id: string): IncidentRecord => ({
  id,
  title: 'Checkout fails',
  components: ['Checkout'],
  publiclyVisible: true,
  startedAt: T0,
  declaredAt: T0,
  status: 'open',
  severity: null,
  updatedAt: T0,
});

async function everything(db: LensDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const s of STORES) out[s] = await readStore(db, s);
  return out;
}

describe('the repository API over the shared store', () => {
  test('a bulk write (saveIncidents) goes through the shared store, so a team replicates it', async () => {
    const db = await openLensDB(freshName());
    const shared = store();
    let synced = 0;
    attachShared(db, { ...shared, afterWrite: () => void synced++ });
    const items = Array.from({ length: 30 }, (_, n) => ({
      incident: incident(`b${n}`),
      events: Array.from({ length: 20 }, (_, k) => ({
        id: `b${n}-e${k}`,
        incidentId: `b${n}`,
        type: 'note' as const,
        at: T0 + k,
      })),
    }));
    await saveIncidents(db, items, { perTx: 100 });
    // every record in PouchDB (what replicates) with its author, and projected into the stores
    const { rows } = await shared.pouch.allDocs({});
    expect(rows.filter((r) => r.id.startsWith('incident:'))).toHaveLength(30);
    expect(rows.filter((r) => r.id.startsWith('event:'))).toHaveLength(600);
    expect(await shared.pouch.get('event:b7:b7-e3')).toMatchObject({ author: ann });
    expect(await db.count('incidents')).toBe(30);
    expect((await eventsOf(db, 'b7')).map((e) => e.id)).toEqual(items[7]!.events.map((e) => e.id));
    expect(synced).toBe(1);
  });

  test('a declared incident is written to PouchDB with its author and read back from the stores', async () => {
    const db = await openLensDB(freshName());
    const shared = store();
    attachShared(db, shared);
    await saveIncident(db, incident('i1'), [
      { id: 'e1', incidentId: 'i1', type: 'declared', at: T0 },
    ]);
    const doc = await shared.pouch.get('incident:i1');
    expect(doc).toMatchObject({ kind: 'incident', author: ann, createdBy: ann, at: T0 });
    expect(await getIncident(db, 'i1')).toEqual({
      ...incident('i1'),
      createdBy: ann,
      lastBy: ann,
      lastAt: T0,
    });
    expect(await eventsOf(db, 'i1')).toEqual([
      { id: 'e1', incidentId: 'i1', type: 'declared', at: T0, author: ann },
    ]);
  });

  test('the projection writes events into timeline chunks: projected again, replicated late or deleted, each event is there once, in time order', async () => {
    const db = await openLensDB(freshName());
    const shared = store();
    attachShared(db, shared);
    const ev = (id: string, at: number) =>
      ({ id, incidentId: 'i1', type: 'note', at: T0 + at, text: id }) as const;
    await saveIncident(db, incident('i1'), [ev('e1', 1), ev('e3', 3)]);
    // Another browser's event, older than ours, arrives by replication (straight into PouchDB).
    await shared.pouch.put({
      _id: 'event:i1:e2',
      kind: 'event',
      record: ev('e2', 2),
      author: { name: 'bob', display: 'Bob' },
      at: T0 + 9,
    } as never);
    await project(db, shared);
    // The whole projection again from the start (a lost checkpoint): no event doubled.
    await setSetting(db, 'teamSeq', 0);
    await project(db, shared);
    const ids = async () => (await eventsOf(db, 'i1')).map((e) => e.id);
    expect(await ids()).toEqual(['e1', 'e2', 'e3']);
    expect(await db.count('timeline')).toBe(1); // one record for the three
    const doc = await shared.pouch.get('event:i1:e3');
    await shared.pouch.remove(doc._id, doc._rev!);
    await project(db, shared);
    expect(await ids()).toEqual(['e1', 'e2']);
  });

  test('a later write by someone else keeps who declared it and shows who acted last', async () => {
    const db = await openLensDB(freshName());
    const shared = store();
    attachShared(db, shared);
    await saveIncident(db, incident('i1'));
    const bob = { name: 'bob', display: 'Bob' };
    attachShared(db, { ...shared, author: () => bob, now: () => T0 + 5 });
    const read = (await getIncident(db, 'i1'))!;
    await saveIncident(db, { ...read, title: 'Checkout down' });
    expect(await listIncidents(db)).toEqual([
      { ...incident('i1'), title: 'Checkout down', createdBy: ann, lastBy: bob, lastAt: T0 + 5 },
    ]);
  });

  test('reviews, the policy and feed-incident marks are shared documents too', async () => {
    const db = await openLensDB(freshName());
    const shared = store();
    attachShared(db, shared);
    const review = sampleRecords().reviews[0] as unknown as ReviewRecord;
    await putReview(db, review);
    await setSetting(db, 'policy', { ...DEFAULT_POLICY, name: 'Team policy' });
    const records = sampleRecords();
    await db.put('sources', records.sources[0] as never);
    await db.put('feedIncidents', records.feedIncidents[0] as never);
    await markFeedIncidentDone(db, 's1|fi1', 'customer_email', T0 + 1);
    expect(await listReviews(db)).toEqual([review]);
    expect((await getSetting(db, 'policy')).name).toBe('Team policy');
    const { rows } = await shared.pouch.allDocs({});
    expect(rows.map((r) => r.id).sort()).toEqual([
      `mark:${String(records.sources[0]!.url)}|fi1|customer_email`,
      'review:r1',
      'setting:policy',
    ]);
    expect(await db.getAll('marks')).toEqual([
      expect.objectContaining({ incidentId: 'fi1', obligationId: 'customer_email', author: ann }),
    ]);
    expect((await db.get('feedIncidents', 's1|fi1'))?.done).toEqual([
      { obligationId: 'customer_email', at: T0 + 1, by: 'Ann Example' },
    ]);
  });
});

describe('migrateToShared: existing local data moves into PouchDB once', () => {
  test('keeps 100% of the records: every store reads the same before and after, and each shared record has a document', async () => {
    const db = await openLensDB(freshName());
    const records = sampleRecords();
    const fi = records.feedIncidents[0]!;
    fi.done = [{ obligationId: 'customer_email', at: T0 }];
    await seedEveryStore(db, records);
    const before = await everything(db);
    const shared = store();
    const counts = await migrateToShared(db, shared);
    expect(counts).toEqual({
      incident: records.incidents.length,
      event: records.events.length,
      review: records.reviews.length,
      mark: 1,
      setting: records.settings.filter((s) => s.key === 'policy' || s.key === 'templates').length,
    });
    const { rows } = await shared.pouch.allDocs({});
    expect(rows.length).toBe(Object.values(counts!).reduce((a, b) => a + b, 0));
    // The projected policy's recomputation runs in the background (recomputeAllLater): its
    // progress setting is there until it ends.
    await summariesSettled(db);
    const after = await everything(db);
    // The projection adds the team mark and its checkpoint; nothing else changes.
    expect({
      ...after,
      marks: [],
      settings: after.settings!.filter((s) => (s as { key: string }).key !== 'teamSeq'),
    }).toEqual(before);
    expect(after.marks).toHaveLength(1);
    expect(await migrateToShared(db, shared)).toBeNull();
    expect((await shared.pouch.allDocs({})).rows.length).toBe(rows.length);
  });

  test('on connecting, records written before any team user become the connecting user’s', async () => {
    const db = await openLensDB(freshName());
    await db.put('incidents', incident('i1'));
    const shared = store({ name: '', display: '' });
    await migrateToShared(db, shared);
    expect(await claimLocal({ ...shared, author: () => ann })).toBe(1);
    expect(await shared.pouch.get('incident:i1')).toMatchObject({ author: ann, createdBy: ann });
  });
});
