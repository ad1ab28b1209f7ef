import { describe, expect, it } from 'vitest';
import { lostEditText, mergeVersions, type Version } from './team';

const ann = { name: 'ann', display: 'Ann' };
const bob = { name: 'bob', display: 'Bob' };
type Rec = { title: string; severity: number | null; status: string; updatedAt: number };
const base: Rec = { title: 'DB slow', severity: null, status: 'open', updatedAt: 1 };
const v = (rev: string, author: typeof ann, at: number, change: Partial<Rec>): Version<Rec> => ({
  rev,
  author,
  at,
  record: { ...base, ...change, updatedAt: at },
});

describe('mergeVersions (the team merge rule)', () => {
  it('keeps edits of different fields from both sides when the ancestor is known', () => {
    const m = mergeVersions(
      [v('2-a', ann, 10, { title: 'DB down' }), v('2-b', bob, 20, { severity: 2 })],
      base,
      ['updatedAt'],
    );
    expect(m.record).toEqual({ title: 'DB down', severity: 2, status: 'open', updatedAt: 20 });
    expect(m.lost).toEqual([]);
  });

  it('gives one field edited by both to the later edit and reports the other value', () => {
    const m = mergeVersions(
      [v('2-a', ann, 30, { title: 'Ann title' }), v('2-b', bob, 20, { title: 'Bob title' })],
      base,
      ['updatedAt'],
    );
    expect(m.record.title).toBe('Ann title');
    expect(m.winner.author).toEqual(ann);
    expect(m.lost).toEqual([
      { field: 'title', value: 'Bob title', kept: 'Ann title', author: bob, at: 20 },
    ]);
    expect(lostEditText(m.lost[0]!)).toBe(
      'Edited concurrently by Bob: title was set to "Bob title"; "Ann title" was kept (the later edit).',
    );
  });

  it('is deterministic: the same versions in any order give the same result, ties by revision', () => {
    const a = v('2-a', ann, 20, { title: 'A' });
    const b = v('2-b', bob, 20, { title: 'B' });
    const one = mergeVersions([a, b], base, ['updatedAt']);
    const two = mergeVersions([b, a], base, ['updatedAt']);
    expect(one).toEqual(two);
    expect(one.record.title).toBe('B');
    expect(one.lost.map((l) => l.value)).toEqual(['A']);
  });

  it('without an ancestor reports every differing field of the losing version', () => {
    const m = mergeVersions([
      v('2-a', ann, 10, { title: 'A' }),
      v('2-b', bob, 5, { status: 'resolved' }),
    ]);
    expect(m.record.title).toBe('A');
    expect(m.record.status).toBe('open');
    expect(m.lost.map((l) => [l.field, l.value])).toEqual([
      ['status', 'resolved'],
      ['title', 'DB slow'],
      ['updatedAt', 5],
    ]);
  });
});
