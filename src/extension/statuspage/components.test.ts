import { describe, expect, it } from 'vitest';
import { componentChoices } from './components';

describe('componentChoices', () => {
  it('offers components, not groups, in page order, naming the group they sit in', () => {
    expect(
      componentChoices([
        { id: 'cmp1', name: 'Checkout', groupId: null, group: false },
        { id: 'grp1', name: 'Payments', groupId: null, group: true },
        { id: 'cmp2', name: 'Card API', groupId: 'grp1', group: false },
        { id: 'cmp3', name: 'Orphan', groupId: 'gone', group: false },
      ]),
    ).toEqual([
      { id: 'cmp1', name: 'Checkout' },
      { id: 'cmp2', name: 'Card API', group: 'Payments' },
      { id: 'cmp3', name: 'Orphan' },
    ]);
  });
});
