import '../../background/i18n.test-kit';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createReview, type ActionItem } from '../../../core/review';
import { putReview } from '../../db/drafts';
import type { ReviewRecord } from '../../db/schema';
import { setSetting, DEFAULT_NOTIFICATIONS } from '../../db/settings';
import { actionItemReminders, sendActionItemReminders } from './reminders';
import { makeKit, T0, type Kit } from '../../background/worker.test-kit';

const DAY = 86_400_000;
let kit: Kit;

const item = (
  id: string,
  dueAt: number | undefined,
  over: Partial<ActionItem> = {},
): ActionItem => ({
  id,
  description: `Item ${id}`,
  owner: 'Mehmet',
  ...(dueAt !== undefined ? { dueAt } : {}),
  status: 'open',
  createdAt: T0 - 10 * DAY,
  ...over,
});

function review(items: ActionItem[]): ReviewRecord {
  const base = createReview({
    id: 'r1',
    incidentId: 'i1',
    title: 'Checkout down',
    events: [],
    now: T0 - 10 * DAY,
  });
  return { ...base, actionItems: items };
}

beforeEach(async () => {
  kit = await makeKit();
  await putReview(
    kit.db,
    review([
      item('soon', T0 + DAY), // due within 2 days
      item('late', T0 - DAY), // overdue
      item('far', T0 + 5 * DAY), // not yet
      item('done', T0 - DAY, { status: 'done', doneAt: T0 - 2 * DAY }),
      item('wont', T0 - DAY, { status: 'wont_do' }),
      item('undated', undefined),
    ]),
  );
});

describe('action item reminders', () => {
  it('reminds about items due within 2 days and overdue ones, with their own words', () => {
    const owned = review([item('soon', T0 + DAY), item('late', T0 - DAY)]).actionItems.map((a) => ({
      ...a,
      reviewId: 'r1',
      reviewTitle: 'Checkout down',
    }));
    const r = actionItemReminders(owned, T0);
    expect(r.map((x) => x.title)).toEqual([
      'Action item overdue: Item late',
      'Action item due soon: Item soon',
    ]);
    expect(r[0]?.message).toContain('Mehmet · due');
    expect(r[0]?.message).toContain('Checkout down');
  });

  it('shows each reminder once, across worker restarts, and again for the next state', async () => {
    const first = await sendActionItemReminders(kit.deps);
    expect(first).toHaveLength(2);
    expect(kit.platform.notifications.map((n) => n.id)).toEqual(first);
    expect(await sendActionItemReminders(kit.deps)).toEqual([]);
    const restarted = await kit.restart();
    expect(await sendActionItemReminders(restarted.deps)).toEqual([]);
    expect(kit.platform.notifications).toHaveLength(2);
    // Two days later the "soon" item is overdue: one more reminder, and only that one.
    restarted.clock.now = T0 + 2 * DAY;
    const later = await sendActionItemReminders(restarted.deps);
    expect(later).toEqual([`action|r1|soon|${T0 + DAY}|overdue`]);
  });

  it('respects notifications.actionItemDue', async () => {
    await setSetting(kit.db, 'notifications', { ...DEFAULT_NOTIFICATIONS, actionItemDue: false });
    expect(await sendActionItemReminders(kit.deps)).toEqual([]);
    expect(kit.platform.notifications).toEqual([]);
    // Turning it back on does not replay reminders that fell due while it was off.
    await setSetting(kit.db, 'notifications', DEFAULT_NOTIFICATIONS);
    expect(await sendActionItemReminders(kit.deps)).toEqual([]);
  });
});
