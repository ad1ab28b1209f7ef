/**
 * Action-item reminders and the lead's weekly digest, as pure schedules: the background asks on
 * each alarm which reminders are due and shows each key at most once.
 *
 * Reminders go by calendar day in the team's time zone (a due date is a day, see ActionItem.dueAt):
 * one when the item is 2 days (or, if created later, 1 day) from its due day, one on the day, and
 * one once it is overdue. The digest is one per ISO week, from 09:00 local time on the first day
 * the extension runs that week: overdue items, and items due by the end of the week.
 */
import { dayKey, dtf } from '../time';
import type { ActionItem } from './model';
import { byString } from './timeline';

const DAY = 86_400_000;

export type ReminderStage = 'two_days' | 'due_today' | 'overdue';

export interface ItemReminder<T extends ActionItem> {
  item: T;
  stage: ReminderStage;
  /** Calendar days from today to the due day (0 on the day, negative once past). */
  daysLeft: number;
  /** `stage|dueAt`: moving the date reminds again; the same stage never twice. */
  key: string;
}

/** A `YYYY-MM-DD` day as a day number, so days subtract. */
const dayNumber = (key: string): number => {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY);
};

/** Calendar days from `now`'s day to `at`'s day in the zone. */
export function calendarDaysBetween(now: number, at: number, timeZone: string): number {
  return dayNumber(dayKey(at, timeZone)) - dayNumber(dayKey(now, timeZone));
}

/** The reminders due at `now` for open, dated items, soonest first. */
export function itemReminders<T extends ActionItem>(
  items: readonly T[],
  now: number,
  timeZone: string,
): ItemReminder<T>[] {
  const out: ItemReminder<T>[] = [];
  for (const item of items) {
    const due = item.dueAt;
    if (item.status !== 'open' || due === undefined || !Number.isFinite(due)) continue;
    const daysLeft = calendarDaysBetween(now, due, timeZone);
    const stage: ReminderStage | null =
      due < now ? 'overdue' : daysLeft === 0 ? 'due_today' : daysLeft <= 2 ? 'two_days' : null;
    if (stage) out.push({ item, stage, daysLeft, key: `${stage}|${due}` });
  }
  return out.sort(
    (a, b) => (a.item.dueAt ?? 0) - (b.item.dueAt ?? 0) || byString(a.item.id, b.item.id),
  );
}

/** ISO 8601 week of a local day: `2025-W11`. */
function isoWeek(day: string): string {
  const n = dayNumber(day);
  const weekday = (new Date(n * DAY).getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date((n - weekday + 3) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface WeeklyDigest<T extends ActionItem> {
  /** `digest|YYYY-Www`: one digest per week. */
  key: string;
  overdue: T[];
  /** Open, not yet overdue, due by the end of this week (Sunday). */
  dueThisWeek: T[];
}

/** The lead's digest for the week holding `now`. */
export function weeklyDigest<T extends ActionItem>(
  items: readonly T[],
  now: number,
  timeZone: string,
): WeeklyDigest<T> {
  const today = dayKey(now, timeZone);
  const weekday = (new Date(dayNumber(today) * DAY).getUTCDay() + 6) % 7;
  const daysToSunday = 6 - weekday;
  const dated = items
    .filter((i) => i.status === 'open' && i.dueAt !== undefined && Number.isFinite(i.dueAt))
    .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0) || byString(a.id, b.id));
  return {
    key: `digest|${isoWeek(today)}`,
    overdue: dated.filter((i) => (i.dueAt ?? 0) < now),
    dueThisWeek: dated.filter(
      (i) =>
        (i.dueAt ?? 0) >= now && calendarDaysBetween(now, i.dueAt ?? 0, timeZone) <= daysToSunday,
    ),
  };
}

/** True from `hour`:00 local time: the digest waits for the working day. */
export function digestReady(now: number, timeZone: string, hour = 9): boolean {
  const h = Number(dtf('en-GB', timeZone, { hour: '2-digit', hourCycle: 'h23' }).format(now));
  return h >= hour;
}
