/**
 * The README's pictures of the review's communication section and of the reviews dashboard with
 * both charts, taken from the real extension over incidents seeded across three months.
 */
import { afterAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../e2e/browser';
import { command, MIN, seedCommsIncident } from '../e2e/reviews/seed';

const DAY = 86_400_000;
let s: ExtensionSession | undefined;
afterAll(() => s?.close());

test('screenshots: a review’s communication section, and the dashboard with both charts', async () => {
  s = await launchWithExtension();
  const page = await s.openPage('src/extension/options/index.html#reviews');
  await page.setViewportSize({ width: 1100, height: 900 });
  const now = Date.now();
  // Two months ago: everything on time. Last month: a late first post. Now: a late first post,
  // customers told on time, one missed update.
  const older = await seedCommsIncident(page, {
    title: 'Login errors',
    at: now - 62 * DAY,
    severity: 1,
    posts: [
      ['bridge_opened', 1],
      ['status_page_posted', 9],
      ['customers_notified', 25],
      ['update_posted', 38],
      ['execs_notified', 50],
      ['update_posted', 66],
    ],
    resolvedAfter: 90,
  });
  await seedCommsIncident(page, {
    title: 'Slow exports',
    at: now - 31 * DAY,
    severity: 2,
    posts: [
      ['status_page_posted', 21],
      ['update_posted', 50],
      ['customers_notified', 70],
    ],
    resolvedAfter: 75,
  });
  const id = await seedCommsIncident(page, {
    title: 'Search outage',
    at: now - 3 * 60 * MIN,
    severity: 2,
    posts: [
      ['status_page_posted', 16],
      ['customers_notified', 42],
      ['update_posted', 44],
    ],
    resolvedAfter: 80,
  });
  // Action items for the completion chart: one missed two months ago, one done on time, one open.
  const review = await command<{ id: string; title: string }>(page, 'reviews/create', {
    incidentId: older,
  });
  const item = (itemId: string, description: string, dueAt: number) => ({
    id: itemId,
    description,
    owner: 'Ana',
    dueAt,
    status: 'open',
    createdAt: now - 60 * DAY,
  });
  await command(page, 'reviews/save', {
    review: {
      ...review,
      rootCause: 'Session tokens were not refreshed after the key rotation.',
      actionItems: [
        item('a0', 'Rotate the signing keys with the refresh check in place', now - 50 * DAY),
        item('a1', 'Add a token refresh check to the key rotation runbook', now + DAY),
        item('a2', 'Alert when login errors exceed 2% for 5 minutes', now + 2 * DAY),
      ],
    },
  });
  await command(page, 'reviews/setItemStatus', { id: review.id, itemId: 'a1', status: 'done' });
  await command(page, 'reviews/create', { incidentId: id });
  await page.goto(s.url(`src/extension/options/index.html?review=${id}#reviews`));
  const section = page.getByTestId('rv-compliance');
  await section.waitFor();
  expect(await page.getByTestId('rv-compliance-summary').textContent()).toContain('updates 1/2');
  await section.screenshot({ path: 'docs/review-compliance.png' });

  await page.goto(s.url('src/extension/options/index.html?reviews=dashboard#reviews'));
  await page.getByTestId('rv-comms-chart').waitFor();
  await page.getByTestId('rv-chart').waitFor();
  const dash = page.locator('.rv').first();
  await dash.screenshot({ path: 'docs/review-dashboard.png' });
});
