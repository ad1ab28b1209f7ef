import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { freshName, T0 } from '../background/worker.test-kit';
import { MAX_EVENTS_PER_INCIDENT } from './backup';
import { openLensDB } from './open';
import { putEvents } from './chunks';
import type { EventRecord } from './schema';
import {
  countEvents,
  eventsOf,
  eventsOfMany,
  hasAtLeastEvents,
  OLDER_COUNTED,
  timelinePage,
} from './timeline';

/** A database whose incident `big` has `n` notes (one a second, written newest first) and `small` has 3. */
async function seeded(n: number) {
  const db = await openLensDB(freshName());
  const events: EventRecord[] = [];
  for (let i = n - 1; i >= 0; i--)
    events.push({
      id: `e${String(i).padStart(6, '0')}`,
      incidentId: 'big',
      type: 'note',
      at: T0 + i * 1000,
    });
  for (let i = 0; i < 3; i++)
    events.push({ id: `s${i}`, incidentId: 'small', type: 'note', at: T0 + i });
  await putEvents(db, events);
  return db;
}
const num = (e: EventRecord) => Number(e.id.slice(1));

describe('timeline reads from the chunks, in time order', () => {
  test('a page is the newest events in time order, with the count of older ones', async () => {
    const db = await seeded(1000);
    const first = await timelinePage(db, 'big', 200);
    expect(first).toMatchObject({ older: 800, olderCapped: false });
    expect(first.events.map(num)).toEqual(Array.from({ length: 200 }, (_, i) => 800 + i));
    const two = await timelinePage(db, 'big', 400);
    expect(two.older).toBe(600);
    expect(two.events.map(num)[0]).toBe(600);
    const small = await timelinePage(db, 'small', 200);
    expect(small).toMatchObject({ older: 0, olderCapped: false });
    expect(small.events.map((e) => e.id)).toEqual(['s0', 's1', 's2']);
    expect(await countEvents(db, 'big')).toBe(1000);
    expect(await countEvents(db, 'none')).toBe(0);
    expect(await hasAtLeastEvents(db, 'big', 1000)).toBe(true);
    expect(await hasAtLeastEvents(db, 'big', 1001)).toBe(false);
    expect((await timelinePage(db, 'none', 200)).events).toEqual([]);
    db.close();
  });

  test('events at the same time as the page boundary are not lost or doubled', async () => {
    const db = await openLensDB(freshName());
    await putEvents(
      db,
      Array.from({ length: 10 }, (_, i) => ({
        id: `t${i}`,
        incidentId: 'x',
        type: 'note' as const,
        at: T0 + (i < 6 ? 0 : i),
      })),
    );
    const page = await timelinePage(db, 'x', 5);
    expect(page.events.map((e) => e.id)).toEqual(['t5', 't6', 't7', 't8', 't9']);
    expect(page.older).toBe(5);
    db.close();
  });

  test('an incident past the bound is read bounded: the oldest and the newest, never every event', async () => {
    // A bound of 100 here (the app's is MAX_EVENTS_PER_INCIDENT): the same reads, fewer records.
    const n = 1000;
    const db = await seeded(n);
    const events = await eventsOf(db, 'big', 100);
    expect(events).toHaveLength(100);
    const nums = events.map(num);
    // in time order, starting at the first (the declaration) and ending at the newest
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
    expect(nums[0]).toBe(0);
    expect(nums.at(-1)).toBe(n - 1);
    expect(new Set(nums).size).toBe(nums.length);
    // within the bound, every event
    const many = await eventsOfMany(db, ['small', 'big']);
    expect(many.get('small')!.map((e) => e.id)).toEqual(['s0', 's1', 's2']);
    expect(many.get('big')).toHaveLength(n);
    expect(n).toBeLessThan(MAX_EVENTS_PER_INCIDENT);
    db.close();
  });

  test('older events are counted up to OLDER_COUNTED, past it the page says "at least"', async () => {
    const db = await seeded(OLDER_COUNTED + 300);
    const page = await timelinePage(db, 'big', 200);
    expect(page.events).toHaveLength(200);
    expect(page).toMatchObject({ older: OLDER_COUNTED, olderCapped: true });
    const exact = await timelinePage(db, 'big', 400);
    expect(exact).toMatchObject({ older: OLDER_COUNTED - 100, olderCapped: false });
    db.close();
  }, 60_000);
});
