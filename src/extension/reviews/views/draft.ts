/** Small pure helpers for editing a review draft in the builder. */
import type { ActionItem, Review, ReviewTimelineEntry } from '../../../core/review';

/** A change to the draft. */
export type Patch = (review: Review) => Review;

/** `list` with item `i` replaced. */
export function replaceAt<T>(list: readonly T[], i: number, value: T): T[] {
  return list.map((x, j) => (j === i ? value : x));
}

/** `list` without item `i`. */
export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_x, j) => j !== i);
}

/** A fresh id for a new timeline entry or action item. */
export function freshId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** A new timeline entry one minute after the last one (or at `fallback` for an empty timeline). */
export function newEntry(
  timeline: readonly ReviewTimelineEntry[],
  fallback: number,
): ReviewTimelineEntry {
  const last = timeline.reduce((m, e) => Math.max(m, e.at), Number.NEGATIVE_INFINITY);
  return { id: freshId('tl'), at: Number.isFinite(last) ? last + 60_000 : fallback, text: '' };
}

/** A new, empty open action item. */
export function newItem(now: number): ActionItem {
  return { id: freshId('ai'), description: '', owner: '', status: 'open', createdAt: now };
}

/** How many why inputs to show: every answer so far plus one for the next why, at most five. */
export function whyInputs(whys: readonly string[], max: number): number {
  const next = whys.length === 0 || (whys[whys.length - 1] ?? '').trim() !== '' ? 1 : 0;
  return Math.min(max, whys.length + next);
}

/** A number input's value: undefined when blank or not a non-negative number. */
export function amount(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
