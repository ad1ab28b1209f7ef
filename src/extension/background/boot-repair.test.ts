import './i18n.test-kit';
import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import { syncReviewItems, ITEM_STORES } from '../db/action-items';
import type { ReviewRecord } from '../db/schema';
import { boot } from './lifecycle';
import { makeKit, T0 } from './worker.test-kit';

// The poll alarm boot() makes sure of: already there, so nothing else of the browser is needed.
vi.mock('webextension-polyfill', () => ({
  default: { alarms: { get: () => Promise.resolve({ name: 'poll' }), create: vi.fn() } },
}));

const item = (id: string, description: string) =>
  ({ id, description, owner: 'Ana', status: 'open', createdAt: T0 }) as const;

describe('worker start (boot)', () => {
  test('repairs a review stored with repeated action-item ids, and records it', async () => {
    const kit = await makeKit();
    const review: ReviewRecord = {
      id: 'rev-1',
      incidentId: 'inc-1',
      title: 'Checkout outage',
      createdAt: T0,
      updatedAt: T0,
      timeline: [],
      impact: { accounts: [] },
      whys: [],
      mitigations: [],
      participants: [],
      actionItems: [item('a1', 'Canary'), item('a1', 'Alert')],
    };
    // As an older version stored it: one item record for the two items.
    const tx = kit.db.transaction(['reviews', ...ITEM_STORES], 'readwrite');
    await Promise.all([
      tx.objectStore('reviews').put(review),
      syncReviewItems(tx, [{ id: review.id, review }]),
      tx.done,
    ]);
    expect(await kit.db.count('actionItems')).toBe(1);
    await boot(kit.deps);
    expect((await kit.db.getAll('actionItems')).map((r) => r.item.description)).toEqual([
      'Canary',
      'Alert',
    ]);
    expect((await kit.db.get('reviews', 'rev-1'))?.actionItems.map((a) => a.id)).toEqual([
      'a1',
      'a1-2',
    ]);
    expect((await kit.db.get('settings', 'reviewItemsRepaired'))?.value).toBe(kit.db.version);
    kit.db.close();
  });
});
