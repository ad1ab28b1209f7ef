/**
 * The action-item completion rate's running totals per month (issue 22: the reviews dashboard's
 * first screen reads about a dozen of these instead of every review). The same decisions as
 * `completionRates` (actions.ts): an item counts in the month of its due date, `wont_do` and
 * undated items never; a done item always, on time when done by its due date; an open item only
 * once `now` has reached its due date, so open items keep their due dates, decided when read.
 * As in comms-totals.ts, months are UTC and an item due within a day of a month's UTC edge is
 * kept whole, for the reader to place in its own zone.
 */
import { monthKey, nearMonthEdge } from '../time';
import { completionReport, type MonthlyCompletion } from './actions';
import type { ActionItem } from './model';

export interface CompletionTotals {
  /** `YYYY-MM` in UTC of the items' due dates. */
  month: string;
  /** Done items away from the edges, and how many of them were done by their due date. */
  done: number;
  doneOnTime: number;
  /** Open items away from the edges: their due dates. */
  open: number[];
  /** Items within a day of the month's UTC edges (`key`: review id and item id). */
  edge: { key: string; dueAt: number; done: boolean; onTime: boolean }[];
}

/** What one item adds: nothing when it never counts (won't do, undated). */
export function completionEntry(
  item: ActionItem,
): { dueAt: number; done: boolean; onTime: boolean } | null {
  if (item.status === 'wont_do' || item.dueAt === undefined || !Number.isFinite(item.dueAt))
    return null;
  const done = item.status === 'done';
  return {
    dueAt: item.dueAt,
    done,
    onTime: done && item.doneAt !== undefined && item.doneAt <= item.dueAt,
  };
}

export const completionMonth = (dueAt: number): string => monthKey(dueAt, 'UTC');

export const emptyCompletion = (month: string): CompletionTotals => ({
  month,
  done: 0,
  doneOnTime: 0,
  open: [],
  edge: [],
});

/**
 * `totals` with one item's entry (completionEntry) added (1) or removed (-1); `key` names the item.
 * The entry must be in `totals.month`. A new object.
 */
export function applyCompletion(
  totals: CompletionTotals,
  key: string,
  entry: { dueAt: number; done: boolean; onTime: boolean },
  sign: 1 | -1,
): CompletionTotals {
  if (nearMonthEdge(entry.dueAt)) {
    const rest = totals.edge.filter((e) => e.key !== key);
    return { ...totals, edge: sign === 1 ? [...rest, { key, ...entry }] : rest };
  }
  if (entry.done)
    return {
      ...totals,
      done: totals.done + sign,
      doneOnTime: totals.doneOnTime + (entry.onTime ? sign : 0),
    };
  const open = [...totals.open];
  if (sign === 1) open.push(entry.dueAt);
  else {
    const at = open.indexOf(entry.dueAt);
    if (at >= 0) open.splice(at, 1);
  }
  return { ...totals, open };
}

export const isEmptyCompletion = (t: CompletionTotals): boolean =>
  t.done === 0 && t.open.length === 0 && t.edge.length === 0;

/** The same rows as `completionRates` over the items these totals were made of. */
export function completionFromTotals(
  totals: readonly CompletionTotals[],
  now: number,
  months = 12,
  timeZone = 'UTC',
): MonthlyCompletion[] {
  return completionReport(now, months, timeZone, (add) => {
    for (const t of totals) {
      add(t.month, t.done + t.open.filter((at) => at <= now).length, t.doneOnTime);
      for (const e of t.edge)
        if (e.done || e.dueAt <= now) add(monthKey(e.dueAt, timeZone), 1, e.onTime ? 1 : 0);
    }
  });
}
