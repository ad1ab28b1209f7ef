/**
 * Communication compliance in reviews, end to end in Chromium with the built extension: an
 * incident with a late first post and one missed update → its review shows the compliance line →
 * the dashboard's chart and table show that month's compliance → a vague action item blocks
 * publishing → a reminder fires for an item due in 2 days. axe-core runs on every new view.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeInBothSchemes, launchWithExtension, type ExtensionSession } from '../browser';
import { MIN, reminders, seedCommsIncident, tickNow } from './seed';

const DAY = 86_400_000;
let s: ExtensionSession;
let page: Page;
let incidentId: string;
/** Classified 3 hours ago, so the incident's month is the current one. */
const T = Date.now() - 3 * 60 * MIN;
const month = new Date(T).toISOString().slice(0, 7);
const iso = (at: number) => new Date(at).toISOString().slice(0, 10);

beforeAll(async () => {
  s = await launchWithExtension();
  page = await s.openPage('src/extension/options/index.html#reviews');
  // A SEV-2 classified at T: status page first posted at 16 min (due 15: late), customers told at
  // 42 min (due 60), an update at 44 min (due 46: on time), then silence until the resolution at
  // 80 min (the update due at 74 missed).
  incidentId = await seedCommsIncident(page, {
    title: 'Search outage',
    at: T,
    severity: 2,
    posts: [
      ['status_page_posted', 16],
      ['customers_notified', 42],
      ['update_posted', 44],
    ],
    resolvedAfter: 80,
  });
  await page.reload();
});
afterAll(() => s?.close());

test('1–2. the review of an incident with a late first post and a missed update shows the compliance line', async () => {
  const row = page.locator(`tr[data-incident="${incidentId}"]`);
  await expect.poll(() => row.textContent()).toContain('Search outage');
  await row.getByRole('button', { name: /Start review/ }).click();
  const line = page.getByTestId('rv-compliance-summary');
  await expect
    .poll(() => line.textContent())
    .toBe(
      'status page first posted at 16 min (due 15), updates 1/2 on time, customers told at 42 min (due 60)',
    );
  expect(await page.getByTestId('rv-cadence').textContent()).toContain(
    '1 of 2 updates on time, longest gap 36 min',
  );
  const page1 = page.locator('[data-testid="rv-duties"] tr[data-duty="status_page"]');
  expect(await page1.getAttribute('data-outcome')).toBe('late');
  expect(await page1.textContent()).toContain('1 min late');
  expect(await axeInBothSchemes(page), 'review compliance section').toEqual({
    light: [],
    dark: [],
  });
});

test('4. a vague action item blocks publishing until rewritten or marked to define', async () => {
  await page
    .getByLabel('Root cause', { exact: true })
    .fill('Search index rebuilds ran without a capacity check.');
  await page.getByRole('button', { name: 'Add action item' }).click();
  await page.getByLabel('Action item 1', { exact: true }).fill('Improve monitoring');
  await page.getByLabel('Owner Action item 1').fill('Ana');
  await page.getByLabel('Due date Action item 1').fill(iso(Date.now() + 2 * DAY));
  await page.getByRole('button', { name: 'Mark review published' }).click();
  const status = page.locator('.rv-builder > [role=status]');
  await expect.poll(() => status.textContent()).toContain('"Improve monitoring" is vague');
  expect(await page.getByTestId('rv-published').count()).toBe(0);
  expect(
    await page.locator('#rv-lint-ai-0 [data-code="vague_action"]').getAttribute('class'),
  ).toContain('lint-error');
  expect(await axeInBothSchemes(page), 'review builder with a blocked publication').toEqual({
    light: [],
    dark: [],
  });
});

test('5. a reminder fires for the item due in 2 days', async () => {
  await tickNow(page);
  await expect.poll(() => reminders(page), { timeout: 15_000 }).toHaveLength(1);
  const [id] = await reminders(page);
  expect(id).toMatch(/\|two_days\|\d+$/);
});

test('the 48-hour post-mortem stays on the responder’s list until the review is published', async () => {
  const panel = await s.openPage('src/extension/sidepanel/index.html');
  const item = panel.getByText('Search outage');
  await expect.poll(() => item.count()).toBeGreaterThan(0);
  await page.getByLabel('Follow-up to define Action item 1').check();
  await page.getByRole('button', { name: 'Mark review published' }).click();
  await expect.poll(() => page.getByTestId('rv-published').textContent()).toMatch(/^Published /);
  await panel.reload();
  await expect.poll(() => panel.getByText('Search outage').count()).toBe(0);
  await panel.close();
});

test('3. the dashboard chart and table show that month’s compliance', async () => {
  await page.getByRole('button', { name: 'Back to resolved incidents' }).click();
  await page.getByRole('button', { name: 'Action items', exact: true }).click();
  const cell = (metric: string) =>
    page.locator(
      `[data-testid="rv-comms-table"] tr[data-month="${month}"] td[data-metric="${metric}"]`,
    );
  await expect.poll(() => cell('status_page').textContent()).toBe('0/1 (0%)');
  expect(await cell('customers').textContent()).toBe('1/1 (100%)');
  expect(await cell('cadence').textContent()).toBe('1/2 (50%)');
  expect(await cell('executives').textContent()).toBe('—');
  const bars = page.locator(`[data-testid="rv-comms-chart"] g[data-month="${month}"] rect.bar`);
  expect(await bars.count()).toBe(3);
  expect(await page.getByTestId('rv-chart').count()).toBe(1);
  expect(await axeInBothSchemes(page), 'dashboard').toEqual({ light: [], dark: [] });
  // The severity filter: no SEV-1 incident this month.
  await page.getByLabel('Severity').selectOption('1');
  await expect.poll(() => cell('status_page').textContent()).toBe('—');
  await page.getByLabel('Severity').selectOption('all');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain(`${month},status_page,1,0,0\r\n`);
  expect(csv).toContain(`${month},cadence,2,1,50\r\n`);
});
