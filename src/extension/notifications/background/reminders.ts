import { remindersDue, type ActionItem } from '../../../core/review';
import { listReviews } from '../../db/drafts';
import { t } from '../../i18n/translate';
import { claimKeys } from '../../db/marks';
import { getSetting } from '../../db/settings';
import type { Deps } from '../../background/deps';
import { clip } from './notices';

/** An action item with the review it belongs to. */
interface Owned extends ActionItem {
  reviewId: string;
  reviewTitle: string;
}

/** One reminder: its de-duplication key and what the notification says. */
export interface Reminder {
  key: string;
  title: string;
  message: string;
}

function dueDate(at: number): string {
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' }).format(
    at,
  );
}

/**
 * The reminders for action items at `now`: one when an open item comes within `days` days of its
 * due date and one more once it is overdue. The key carries the due date, so moving the date
 * reminds again; it does not carry `now`, so the same state never reminds twice.
 */
export function actionItemReminders(items: readonly Owned[], now: number, days = 2): Reminder[] {
  return remindersDue(items, now, days).map((item) => {
    const dueAt = item.dueAt ?? now;
    const overdue = dueAt < now;
    const owner = item.owner.trim() || t('notice_unassigned');
    return {
      key: `action|${item.reviewId}|${item.id}|${dueAt}|${overdue ? 'overdue' : 'soon'}`,
      title: t(
        overdue ? 'notice_actionOverdue' : 'notice_actionDueSoon',
        clip(item.description.trim(), 80),
      ),
      message: clip(t('notice_actionDue', owner, dueDate(dueAt), item.reviewTitle), 180),
    };
  });
}

/**
 * Shows desktop notifications for review action items due within 2 days and overdue ones.
 * Keys are claimed in the `notified` store first, so a reminder is shown at most once in the
 * database's life, across worker restarts. With `notifications.actionItemDue` off the keys are
 * still claimed (as for every other notification kind): turning it back on does not replay old
 * reminders. Returns the keys shown. Call it on every alarm tick.
 */
export async function sendActionItemReminders(
  deps: Pick<Deps, 'db' | 'now' | 'platform'>,
): Promise<string[]> {
  const db = await deps.db();
  const now = deps.now();
  const items: Owned[] = (await listReviews(db)).flatMap((r) =>
    r.actionItems.map((a) => ({ ...a, reviewId: r.id, reviewTitle: r.title })),
  );
  const reminders = actionItemReminders(items, now);
  if (reminders.length === 0) return [];
  const show = await claimKeys(db, [{ changes: [], dues: reminders.map((r) => r.key) }], now);
  const prefs = await getSetting(db, 'notifications');
  if (!prefs.actionItemDue) return [];
  const shown: string[] = [];
  for (const r of reminders) {
    if (!show.has(r.key)) continue;
    await deps.platform
      .notify(r.key, { title: r.title, message: r.message })
      .catch(() => undefined);
    shown.push(r.key);
  }
  return shown;
}
