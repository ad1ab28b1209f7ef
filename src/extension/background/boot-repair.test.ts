import './i18n.test-kit';
import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import { actionItem, checkoutReview, storeUnrepaired } from '../db/review-record.test-kit';
import { boot } from './lifecycle';
import { makeKit, T0 } from './worker.test-kit';

// The poll alarm boot() makes sure of: already there, so nothing else of the browser is needed.
vi.mock('webextension-polyfill', () => ({
  default: { alarms: { get: () => Promise.resolve({ name: 'poll' }), create: vi.fn() } },
}));

describe('worker start (boot)', () => {
  test('repairs a review stored with repeated action-item ids, and records it', async () => {
    const kit = await makeKit();
    const review = checkoutReview(T0, [
      actionItem('a1', 'Canary', T0),
      actionItem('a1', 'Alert', T0),
    ]);
    // As an older version stored it: one item record for the two items.
    await storeUnrepaired(kit.db, review);
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
