// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { useCatalogue } from '../../background/i18n.test-kit';
import { putReview } from '../../db/drafts';
import type { ReviewRecord } from '../../db/schema';
import { pageDB } from '../../ui/hooks/use-db';
import { ITEMS_PAGE } from './view-model';

/**
 * The reviews dashboard's "Show more" with more than two pages of action items, as the user sees
 * it: the real page reading its rows from a database seeded through the repository (the paging
 * itself is tested at the database level in dashboard-first.test.ts).
 */
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } },
  },
}));
vi.mock('../../messaging/channel', () => ({ send: vi.fn() }));
const { ActionItemDashboard } = await import('./dashboard');

const N = 2 * ITEMS_PAGE + 20;
const DAY = 24 * 60 * 60_000;
const NOW = Date.now();
const host = document.createElement('div');
document.body.append(host);

beforeAll(async () => {
  useCatalogue('en');
  const review: ReviewRecord = {
    id: 'rev-1',
    incidentId: 'inc-1',
    title: 'Checkout outage',
    createdAt: NOW,
    updatedAt: NOW,
    timeline: [],
    impact: { accounts: [] },
    whys: [],
    mitigations: [],
    participants: [],
    // due one day after another, so the dashboard's order is the items' order
    actionItems: Array.from({ length: N }, (_, k) => ({
      id: `a${k}`,
      description: `Action ${k + 1}`,
      owner: 'Ana',
      dueAt: NOW + (k + 1) * DAY,
      status: 'open' as const,
      createdAt: NOW,
    })),
  };
  await putReview(await pageDB(), review);
});
afterAll(() => render(null, host));

const rows = () => host.querySelectorAll('[data-testid=rv-items] tbody tr');
const more = () =>
  [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show more'));

describe('the reviews dashboard’s "Show more"', () => {
  test('shows the next rows, keeps the ones shown and moves focus to the first new one', async () => {
    act(() => render(<ActionItemDashboard onOpen={() => undefined} />, host));
    await vi.waitFor(() => expect(rows()).toHaveLength(ITEMS_PAGE));
    expect(more()?.textContent).toBe(`Show more action items (${N - ITEMS_PAGE} more)`);

    for (const [page, left] of [
      [2, N - 2 * ITEMS_PAGE],
      [3, 0],
    ] as const) {
      const from = (page - 1) * ITEMS_PAGE;
      more()!.focus();
      act(() => more()!.click());
      await vi.waitFor(() => expect(rows()).toHaveLength(Math.min(N, page * ITEMS_PAGE)));
      const texts = [...rows()].map((r) => r.querySelector('td')!.textContent);
      expect(texts).toEqual(texts.map((_, k) => `Action ${k + 1}`));
      // Focus lands on the first new row's control, named by its item, not lost to the page:
      // a keyboard user goes on from where the list grew.
      await vi.waitFor(() =>
        expect(document.activeElement?.getAttribute('aria-label')).toBe(
          `Status of "Action ${from + 1}"`,
        ),
      );
      expect(rows()[from]!.contains(document.activeElement)).toBe(true);
      if (left > 0) expect(more()?.textContent).toBe(`Show more action items (${left} more)`);
      else expect(more()).toBeUndefined();
    }
  });
});
