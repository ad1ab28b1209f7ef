import { describe, expect, it } from 'vitest';
import { duplicateItemId, withUniqueItemIds } from './item-ids';
import type { ActionItem } from './model';

const items = (...ids: string[]): { actionItems: ActionItem[] } => ({
  actionItems: ids.map((id, k) => ({
    id,
    description: `item ${k}`,
    owner: '',
    status: 'open',
    createdAt: 0,
  })),
});

describe('action-item ids within one review', () => {
  it('finds the first repeat', () => {
    expect(duplicateItemId(items('a', 'b', 'c'))).toBeNull();
    expect(duplicateItemId(items('a', 'b', 'a', 'b'))).toEqual({ index: 2, id: 'a' });
  });

  it('renames each repeat after the first, in order, past ids already taken, keeping the rest', () => {
    const r = withUniqueItemIds(items('a', 'a', 'a-2', 'a', 'b'));
    expect(r.actionItems.map((a) => a.id)).toEqual(['a', 'a-3', 'a-2', 'a-4', 'b']);
    expect(r.actionItems.map((a) => a.description)).toEqual(
      [0, 1, 2, 3, 4].map((k) => `item ${k}`),
    );
  });

  it('is deterministic and idempotent, and leaves a review without repeats untouched', () => {
    const once = withUniqueItemIds(items('x', 'x', 'x'));
    expect(withUniqueItemIds(items('x', 'x', 'x'))).toEqual(once);
    expect(withUniqueItemIds(once)).toBe(once);
    const clean = items('p', 'q');
    expect(withUniqueItemIds(clean)).toBe(clean);
  });
});
