import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { freshName, T0 } from '../background/worker.test-kit';
import { allEvents, CHUNK_EVENTS, deleteEvents, getEvent, putEvents } from './chunks';
import { openLensDB, type LensDatabase } from './open';
import type { EventRecord } from './schema';
import { countEvents, eventsOf, timelinePage, timelineRange } from './timeline';

const note = (id: string, at: number, incidentId = 'i1'): EventRecord => ({
  id,
  incidentId,
  type: 'note',
  at: T0 + at,
  text: id,
});
const ids = (events: EventRecord[]) => events.map((e) => e.id);
/** The event counts of an incident's chunks, oldest first. */
const sizes = async (db: LensDatabase, incidentId = 'i1') =>
  (await db.getAllKeys('timeline', timelineRange(incidentId))).map((k) => k[3]);

describe('putEvents: timelines in chunks', () => {
  test('appends one at a time fill a chunk, then start the next; every event read back in order', async () => {
    const db = await openLensDB(freshName());
    const n = CHUNK_EVENTS + 5;
    for (let i = 0; i < n; i++) await putEvents(db, [note(`e${String(i).padStart(3, '0')}`, i)]);
    expect(await sizes(db)).toEqual([CHUNK_EVENTS, 5]);
    expect(ids(await eventsOf(db, 'i1'))).toEqual(
      Array.from({ length: n }, (_, i) => `e${String(i).padStart(3, '0')}`),
    );
    expect(await countEvents(db, 'i1')).toBe(n);
    db.close();
  });

  test('the same event written again (team mode projecting it twice) is kept once, its last version', async () => {
    const db = await openLensDB(freshName());
    await putEvents(db, [note('a', 1), note('b', 2)]);
    await putEvents(db, [note('a', 1), { ...note('b', 2), text: 'changed' }]);
    await putEvents(db, [note('b', 2), note('b', 2)]); // twice in one write
    const events = await eventsOf(db, 'i1');
    expect(ids(events)).toEqual(['a', 'b']);
    expect(events[1]!.text).toBe('b');
    // Many at once (the merge path) as well.
    const many = Array.from({ length: 40 }, (_, i) => note(`m${i}`, 10 + i));
    await putEvents(db, many);
    await putEvents(db, many);
    expect(await countEvents(db, 'i1')).toBe(42);
    expect(new Set(ids(await allEvents(db))).size).toBe(42);
    db.close();
  });

  test('a bulk write of several incidents, some stored already, some new: each event once, in order', async () => {
    const db = await openLensDB(freshName());
    const of = (incidentId: string, from: number, n: number) =>
      Array.from({ length: n }, (_, i) => note(`${incidentId}-${from + i}`, from + i, incidentId));
    await putEvents(db, [...of('b', 0, 3), ...of('d', 0, 30)]);
    // b and d again (overlapping ids), a, c and e new (their span holds b's and d's chunks)
    await putEvents(db, [
      ...of('a', 0, 5),
      ...of('b', 1, 5),
      ...of('c', 0, 2),
      ...of('d', 20, 20),
      ...of('e', 0, 1),
    ]);
    const count = async (id: string) => ids(await eventsOf(db, id));
    expect(await count('a')).toEqual(ids(of('a', 0, 5)));
    expect(await count('b')).toEqual(ids(of('b', 0, 6)));
    expect(await count('c')).toEqual(ids(of('c', 0, 2)));
    expect(await count('d')).toEqual(ids(of('d', 0, 40)));
    expect(await count('e')).toEqual(ids(of('e', 0, 1)));
    db.close();
  });

  test('an event arriving late (replicated after newer ones) lands in time order, also in an earlier chunk', async () => {
    const db = await openLensDB(freshName());
    const evens = Array.from({ length: 2 * CHUNK_EVENTS }, (_, i) => note(`e${i}`, 2 * i));
    await putEvents(db, evens);
    expect(await sizes(db)).toEqual([CHUNK_EVENTS, CHUNK_EVENTS]);
    await putEvents(db, [note('late-middle', 11)]); // between e5 (10) and e6 (12), first chunk
    await putEvents(db, [note('late-first', -5)]); // before every event
    await putEvents(db, [note('late-tie', 10)]); // the same time as e5: after it in id order
    const got = ids(await eventsOf(db, 'i1'));
    expect(got.slice(0, 9)).toEqual([
      'late-first',
      ...['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'late-tie', 'late-middle'],
    ]);
    expect(got).toHaveLength(2 * CHUNK_EVENTS + 3);
    // The full first chunk was split, never over CHUNK_EVENTS; the newest page is unchanged.
    expect(Math.max(...(await sizes(db)))).toBeLessThanOrEqual(CHUNK_EVENTS);
    const page = await timelinePage(db, 'i1', 5);
    expect(ids(page.events)).toEqual(['e395', 'e396', 'e397', 'e398', 'e399']);
    expect(page.older).toBe(2 * CHUNK_EVENTS + 3 - 5);
    db.close();
  });

  test('an edited event moves to its new time, from another chunk, without a copy left behind', async () => {
    const db = await openLensDB(freshName());
    await putEvents(
      db,
      Array.from({ length: 2 * CHUNK_EVENTS }, (_, i) => note(`e${i}`, i)),
    );
    const old = (await getEvent(db, 'i1', 'e3'))!;
    expect(old.at).toBe(T0 + 3);
    const edited = {
      ...old,
      at: T0 + 1000,
      edits: [{ editedAt: T0 + 2000, previousAt: old.at, reason: 'wrong time' }],
    };
    await putEvents(db, [edited]);
    const got = await eventsOf(db, 'i1');
    expect(got).toHaveLength(2 * CHUNK_EVENTS);
    expect(ids(got).filter((id) => id === 'e3')).toEqual(['e3']);
    expect(got.at(-1)).toEqual(edited);
    expect(await getEvent(db, 'i1', 'e3')).toEqual(edited);
    expect(await getEvent(db, 'i2', 'e3')).toBeUndefined();
    db.close();
  });

  test('deleteEvents removes events by id from one incident only', async () => {
    const db = await openLensDB(freshName());
    await putEvents(db, [note('a', 1), note('b', 2), note('c', 3), note('a', 1, 'other')]);
    const tx = db.transaction('timeline', 'readwrite');
    await deleteEvents(tx.store, 'i1', ['a', 'c']);
    await tx.done;
    expect(ids(await eventsOf(db, 'i1'))).toEqual(['b']);
    expect(ids(await eventsOf(db, 'other'))).toEqual(['a']);
    db.close();
  });

  test('an event without an id or a time is refused and nothing of the write stays', async () => {
    const db = await openLensDB(freshName());
    const bad = { ...note('x', 1), at: Number.NaN };
    await expect(putEvents(db, [note('a', 1), bad])).rejects.toThrow(/needs an id/);
    expect(await allEvents(db)).toEqual([]);
    db.close();
  });
});
