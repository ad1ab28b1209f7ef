import '../../background/i18n.test-kit';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createReview, type ActionItem } from '../../../core/review';
import { putReview } from '../../db/drafts';
import type { ReviewRecord } from '../../db/schema';
import { setSetting, DEFAULT_NOTIFICATIONS } from '../../db/settings';
import { actionItemReminders, digestNotice, sendActionItemReminders } from './reminders';
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
  const owned = (items: ActionItem[]) =>
    review(items).actionItems.map((a) => ({ ...a, reviewId: 'r1', reviewTitle: 'Checkout down' }));

  it('reminds 2 days before the due day, on the day and once overdue, naming the owner', () => {
    const r = actionItemReminders(
      owned([item('soon', T0 + DAY), item('late', T0 - DAY), item('today', T0 + 5 * 3_600_000)]),
      T0,
      'UTC',
    );
    expect(r.map((x) => x.title)).toEqual([
      'Action item overdue: Item late',
      'Action item due today: Item today',
      'Action item due within 2 days: Item soon',
    ]);
    expect(r[0]?.message).toContain('Mehmet · due');
    expect(r[0]?.message).toContain('Checkout down');
    expect(r.map((x) => x.key)).toEqual([
      `action|r1|late|overdue|${T0 - DAY}`,
      `action|r1|today|due_today|${T0 + 5 * 3_600_000}`,
      `action|r1|soon|two_days|${T0 + DAY}`,
    ]);
  });

  it('nothing 3 days before; the 2-day reminder on the day 2 days before', () => {
    const far = owned([item('far', T0 + 5 * DAY)]);
    expect(actionItemReminders(far, T0 + 2 * DAY, 'UTC')).toEqual([]);
    expect(actionItemReminders(far, T0 + 3 * DAY, 'UTC').map((x) => x.key)).toEqual([
      `action|r1|far|two_days|${T0 + 5 * DAY}`,
    ]);
  });

  it('the weekly digest for the lead: overdue items and items due this week, from 09:00', () => {
    const items = owned([
      item('soon', T0 + DAY),
      item('late', T0 - DAY),
      item('far', T0 + 5 * DAY),
    ]);
    expect(digestNotice(items, T0 - 60_000, 'UTC')).toBeNull(); // Monday 08:59
    const d = digestNotice(items, T0, 'UTC');
    expect(d?.key).toBe('digest|2025-W02');
    expect(d?.title).toBe('Action items this week: 1 overdue, 2 due');
    expect(d?.message).toBe('Item late · Item soon · Item far');
  });

  it('shows each reminder once, across worker restarts, and again for the next stage', async () => {
    const first = await sendActionItemReminders(kit.deps);
    expect(first).toEqual([
      `action|r1|late|overdue|${T0 - DAY}`,
      `action|r1|soon|two_days|${T0 + DAY}`,
      'digest|2025-W02',
    ]);
    expect(kit.platform.notifications.map((n) => n.id)).toEqual(first);
    expect(await sendActionItemReminders(kit.deps)).toEqual([]);
    const restarted = await kit.restart();
    expect(await sendActionItemReminders(restarted.deps)).toEqual([]);
    expect(kit.platform.notifications).toHaveLength(3);
    // The next day the "soon" item is due today: one more reminder, and only that one.
    restarted.clock.now = T0 + DAY;
    expect(await sendActionItemReminders(restarted.deps)).toEqual([
      `action|r1|soon|due_today|${T0 + DAY}`,
    ]);
    // A week later: the next digest.
    restarted.clock.now = T0 + 7 * DAY;
    expect(await sendActionItemReminders(restarted.deps)).toContain('digest|2025-W03');
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
