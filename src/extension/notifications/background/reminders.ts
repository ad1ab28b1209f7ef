import {
  digestReady,
  itemReminders,
  weeklyDigest,
  type ActionItem,
  type ReminderStage,
} from '../../../core/review';
import { listReviews } from '../../db/drafts';
import { t, uiLocale } from '../../i18n/translate';
import { getSetting } from '../../db/settings';
import type { Deps } from '../../background/deps';
import { clip } from './notices';
import { deliver } from './deliver';

/** An action item with the review it belongs to. */
interface Owned extends ActionItem {
  reviewId: string;
  reviewTitle: string;
}

/** One notification: its de-duplication key (also its id) and what it says. */
export interface Reminder {
  key: string;
  title: string;
  message: string;
}

function dueDate(at: number, timeZone: string): string {
  // The agent's UI language: the notice around it is in that language too.
  return new Intl.DateTimeFormat(uiLocale(), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone,
  }).format(at);
}

const TITLE: Record<ReminderStage, string> = {
  two_days: 'notice_actionDueInDays',
  due_today: 'notice_actionDueToday',
  overdue: 'notice_actionOverdue',
};

/**
 * The reminders for action items at `now` (core `itemReminders`): 2 days before the due day, on
 * the day, and once overdue, each addressed to the item's owner by name. The key carries the stage
 * and the due date, so moving the date reminds again and the same stage never twice.
 */
export function actionItemReminders(
  items: readonly Owned[],
  now: number,
  timeZone: string,
): Reminder[] {
  return itemReminders(items, now, timeZone).map(({ item, stage, daysLeft, key }) => {
    const dueAt = item.dueAt ?? now;
    const owner = item.owner.trim() || t('notice_unassigned');
    return {
      key: `action|${item.reviewId}|${item.id}|${key}`,
      title: t(TITLE[stage], clip(item.description.trim(), 80), daysLeft),
      message: clip(t('notice_actionDue', owner, dueDate(dueAt, timeZone), item.reviewTitle), 180),
    };
  });
}

/** The lead's weekly digest: overdue items and items due this week; null when there are none. */
export function digestNotice(
  items: readonly Owned[],
  now: number,
  timeZone: string,
): Reminder | null {
  if (!digestReady(now, timeZone)) return null;
  const d = weeklyDigest(items, now, timeZone);
  if (d.overdue.length === 0 && d.dueThisWeek.length === 0) return null;
  const names = [...d.overdue, ...d.dueThisWeek].map((i) => i.description.trim());
  return {
    key: d.key,
    title: t('notice_digest', d.overdue.length, d.dueThisWeek.length),
    message: clip(names.join(' · '), 180),
  };
}

/** The zone reminders and the digest count calendar days in: the browser's own. */
function zone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Shows desktop notifications for review action items (2 days before, on the day, overdue) and
 * the weekly digest. Keys are claimed in the `notified` store first, so each is shown at most
 * once in the database's life, across worker restarts. With `notifications.actionItemDue` off the
 * keys are still claimed (as for every other kind): turning it back on does not replay old ones.
 * Returns the keys shown. Call it on every alarm tick.
 */
export async function sendActionItemReminders(
  deps: Pick<Deps, 'db' | 'now' | 'platform'>,
  timeZone: string = zone(),
): Promise<string[]> {
  const db = await deps.db();
  const now = deps.now();
  const items: Owned[] = (await listReviews(db)).flatMap((r) =>
    r.actionItems.map((a) => ({ ...a, reviewId: r.id, reviewTitle: r.title })),
  );
  const digest = digestNotice(items, now, timeZone);
  const reminders = [...actionItemReminders(items, now, timeZone), ...(digest ? [digest] : [])];
  if (reminders.length === 0) return [];
  const prefs = await getSetting(db, 'notifications');
  const shown: string[] = [];
  // (through the same limits and pending → shown bookkeeping as every other notification)
  const recording = {
    notify: async (id: string, n: { title: string; message: string }) => {
      await deps.platform.notify(id, n);
      shown.push(id);
    },
  };
  const notices = reminders.map((r) => ({ ...r, pref: 'actionItemDue' as const }));
  await deliver(recording, db, [{ changes: [], dues: notices }], prefs, now);
  return shown;
}
