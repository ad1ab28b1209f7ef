/** Action-item tracking across reviews: the monthly completion rate, the dashboard, reminders. */
import { monthKey } from '../time';
import type { ActionItem, Review } from './model';
import { byString } from './timeline';

/** One month of the completion report. `rate` is null when nothing fell due that month. */
export interface MonthlyCompletion {
  /** `YYYY-MM` in the report's time zone. */
  month: string;
  due: number;
  doneOnTime: number;
  rate: number | null;
}

/** The `YYYY-MM` keys of the `months` months ending with the one containing `now`, oldest first. */
export function monthKeys(now: number, months: number, timeZone: string): string[] {
  const [y, m] = monthKey(now, timeZone).split('-').map(Number) as [number, number];
  const keys: string[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const index = y * 12 + (m - 1) - i;
    const year = Math.floor(index / 12);
    keys.push(`${year}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return keys;
}

/** A month of the completion report while it is counted. */
interface MonthCount {
  due: number;
  doneOnTime: number;
}

/**
 * The report's months (`monthKeys`), counted by `count` (a month outside the report is passed
 * over) and then turned into the report: the one frame both ways of making it fill, from the
 * items (`completionRates`) and from their stored totals (completion-totals.ts).
 */
export function completionReport(
  now: number,
  months: number,
  timeZone: string,
  count: (add: (month: string, due: number, doneOnTime: number) => void) => void,
): MonthlyCompletion[] {
  const keys = monthKeys(now, months, timeZone);
  const rows = new Map<string, MonthCount>(keys.map((k) => [k, { due: 0, doneOnTime: 0 }]));
  count((month, due, doneOnTime) => {
    const row = rows.get(month);
    if (!row) return;
    row.due += due;
    row.doneOnTime += doneOnTime;
  });
  return keys.map((month) => {
    const { due, doneOnTime } = rows.get(month)!;
    return { month, due, doneOnTime, rate: due === 0 ? null : doneOnTime / due };
  });
}

/**
 * Monthly completion rate, as Product Ops reports it: of the items due in a month (by `dueAt` in
 * `timeZone`), how many were done by their due date (`doneAt <= dueAt`).
 * Decisions: `wont_do` items are excluded (a deliberate decision is neither done nor missed);
 * items without a due date are excluded (they have no month); an item due later than `now` counts
 * only once it is done — otherwise the current month would show open, not-yet-due items as misses.
 */
export function completionRates(
  items: readonly ActionItem[],
  now: number,
  months = 12,
  timeZone = 'UTC',
): MonthlyCompletion[] {
  return completionReport(now, months, timeZone, (add) => {
    for (const item of items) {
      if (item.status === 'wont_do' || item.dueAt === undefined || !Number.isFinite(item.dueAt)) {
        continue;
      }
      const done = item.status === 'done';
      if (item.dueAt > now && !done) continue;
      const onTime = done && item.doneAt !== undefined && item.doneAt <= item.dueAt;
      add(monthKey(item.dueAt, timeZone), 1, onTime ? 1 : 0);
    }
  });
}

/** An action item with the review it came from. */
export interface DashboardRow {
  item: ActionItem;
  reviewId: string;
  reviewTitle: string;
  /** Open and past its due date. */
  overdue: boolean;
}

function isOverdue(item: ActionItem, now: number): boolean {
  return item.status === 'open' && item.dueAt !== undefined && item.dueAt < now;
}

/**
 * Every action item across reviews: overdue ones first, then by due date (undated last), then by
 * review title and item id so the order is stable.
 */
export function actionItemDashboard(reviews: readonly Review[], now: number): DashboardRow[] {
  const rows = reviews.flatMap((r) =>
    r.actionItems.map((item) => ({
      item,
      reviewId: r.id,
      reviewTitle: r.title,
      overdue: isOverdue(item, now),
    })),
  );
  const due = (r: DashboardRow): number => r.item.dueAt ?? Number.POSITIVE_INFINITY;
  return rows.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (due(a) === due(b) ? 0 : due(a) < due(b) ? -1 : 1) ||
      byString(a.reviewTitle, b.reviewTitle) ||
      byString(a.item.id, b.item.id),
  );
}

/**
 * Open items to remind their owners about: overdue ones and those due within `days` days
 * (inclusive: due exactly `now + days` is included). Sorted by due date.
 */
export function remindersDue<T extends ActionItem>(
  items: readonly T[],
  now: number,
  days = 2,
): T[] {
  const horizon = now + days * 86_400_000;
  return items
    .filter((i) => i.status === 'open' && i.dueAt !== undefined && i.dueAt <= horizon)
    .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0) || byString(a.id, b.id));
}
