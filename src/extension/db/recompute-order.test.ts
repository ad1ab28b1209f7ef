import { describe, expect, test } from 'vitest';
import { idsAfter, nextBatch, planBatches } from './recompute-order';
import type { SummariesRecompute } from './schema';

const start: SummariesRecompute = { run: 'r', phase: 'open', after: null };
const at = (phase: 'open' | 'rest', after: string | null): SummariesRecompute => ({
  run: 'r',
  phase,
  after,
});
const incidents = (open: string[], resolved: string[]) => [
  ...resolved.map((id) => ({ id, status: 'resolved' })),
  ...open.map((id) => ({ id, status: 'open' })),
];

describe('the recomputation order', () => {
  test('a full batch goes on after its last id; a shorter one ends its phase', () => {
    expect(nextBatch(start, ['a', 'b'], 2)).toEqual({ ids: ['a', 'b'], next: at('open', 'b') });
    expect(nextBatch(at('open', 'b'), ['c'], 2)).toEqual({ ids: ['c'], next: at('rest', null) });
    expect(nextBatch(at('rest', 'a'), ['b', 'c', 'd'], 2)).toEqual({
      ids: ['b', 'c'],
      next: at('rest', 'c'),
    });
    expect(nextBatch(at('rest', 'c'), [], 2)).toEqual({ ids: [], next: null });
  });

  test('the ids after a mark', () => {
    const sorted = ['a', 'c', 'e', 'g'];
    expect(idsAfter(sorted, null, 2)).toEqual(['a', 'c']);
    expect(idsAfter(sorted, 'c', 5)).toEqual(['e', 'g']);
    expect(idsAfter(sorted, 'd', 1)).toEqual(['e']);
    expect(idsAfter(sorted, 'g', 3)).toEqual([]);
  });

  test('planned from known records: open by id, then the rest by id, each mark where the next batch starts', () => {
    const plan = planBatches(incidents(['o3', 'o1', 'o2'], ['r2', 'r1', 'r3']), start, 2);
    expect(plan).toEqual([
      { ids: ['o1', 'o2'], next: at('open', 'o2') },
      { ids: ['o3'], next: at('rest', null) },
      { ids: ['r1', 'r2'], next: at('rest', 'r2') },
      { ids: ['r3'], next: null },
    ]);
  });

  test('a batch that would only move the mark is folded into its neighbour', () => {
    // a whole last batch of open incidents moves straight on to the rest
    expect(planBatches(incidents(['o1', 'o2'], ['r1']), start, 2)).toEqual([
      { ids: ['o1', 'o2'], next: at('rest', null) },
      { ids: ['r1'], next: null },
    ]);
    // nothing resolved: the last open batch removes the mark
    expect(planBatches(incidents(['o1'], []), start, 2)).toEqual([{ ids: ['o1'], next: null }]);
    // nothing open: the rest starts at once
    expect(planBatches(incidents([], ['r1', 'r2']), start, 2)).toEqual([
      { ids: ['r1', 'r2'], next: null },
    ]);
    // nothing at all: one batch, which removes the mark
    expect(planBatches([], start, 2)).toEqual([{ ids: [], next: null }]);
  });

  test('resumed from a recorded mark, only what comes after it', () => {
    const all = incidents(['o1', 'o2', 'o3'], ['r1', 'r2']);
    expect(planBatches(all, at('open', 'o2'), 2).map((b) => b.ids)).toEqual([['o3'], ['r1', 'r2']]);
    expect(planBatches(all, at('rest', 'r1'), 2).map((b) => b.ids)).toEqual([['r2']]);
  });
});
