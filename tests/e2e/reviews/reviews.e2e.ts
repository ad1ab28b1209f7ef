import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { axeInBothSchemes, launchWithExtension, type ExtensionSession } from '../browser';
import { expectedMarkdown } from './expected';
import { reminders, seedFinishedReview, seedItems, seedResolvedIncident, tickNow } from './seed';

const DAY = 86_400_000;
let s: ExtensionSession;
let page: Page;
let incidentId: string;

/** `YYYY-MM-DD`, `YYYY-MM` and "Mar 14, 2025" of an instant in UTC (the browser's zone here). */
const iso = (at: number) => new Date(at).toISOString().slice(0, 10);
const dateText = (at: number) =>
  new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(at);
const now = Date.now();
const today = iso(now);
const yesterday = iso(now - DAY);

// Every test starts from its own browser profile with one resolved incident, and seeds what else
// it needs through the extension's commands: any test runs alone, in any order.
beforeEach(async () => {
  s = await launchWithExtension();
  page = await s.openPage('src/extension/options/index.html#reviews');
  incidentId = await seedResolvedIncident(page);
});
afterEach(() => s?.close());

/** Reloads the reviews page (it reads what was seeded) and opens the incident's review builder. */
async function openBuilder(button: 'Start review' | 'Open review'): Promise<void> {
  await page.reload();
  const row = page.locator(`tr[data-incident="${incidentId}"]`);
  await row.getByRole('button', { name: new RegExp(button) }).click();
  await expect
    .poll(() => page.locator('.rv-builder h3').textContent())
    .toBe('Post-incident review: Checkout outage');
}

test('the resolved incident is listed and its review opens prefilled from its timeline', async () => {
  await page.reload();
  const row = page.locator(`tr[data-incident="${incidentId}"]`);
  await expect.poll(() => row.textContent()).toContain('Checkout outage');
  expect(await row.textContent()).toContain('Not started');
  expect(await axeInBothSchemes(page), 'reviews list').toEqual({ light: [], dark: [] });
  await row.getByRole('button', { name: /Start review/ }).click();
  await expect
    .poll(() => page.locator('.rv-builder h3').textContent())
    .toBe('Post-incident review: Checkout outage');
  const texts = page.getByLabel(/^What happened entry/);
  await expect.poll(() => texts.count()).toBe(4);
  const values = await texts.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values).toEqual([
    'Declared',
    'Classified SEV-1',
    'Mitigated: Rolled back the config change',
    'Resolved',
  ]);
  expect(await page.getByLabel('Time entry 3').inputValue()).toBe('2025-03-14T14:20');
  expect(await page.getByTestId('rv-duration').textContent()).toBe('55 min');

  await page.getByLabel('Participants').fill('Ana, Mehmet');
  await page.getByLabel('Participants').press('Tab');
  await page.getByLabel('Validated by entry 1').fill('Ana');
  await page.getByLabel('Validated by entry 2').fill('Mehmet');
  await page.getByLabel('Customers affected').fill('1200');
  for (const [name, arr] of [
    ['Acme', '120000'],
    ['Globex', '80000'],
  ] as const) {
    await page.getByRole('button', { name: 'Add account' }).click();
    await page
      .getByLabel(/^Account account/)
      .last()
      .fill(name);
    await page
      .getByLabel(/^ARR account/)
      .last()
      .fill(arr);
  }
  expect(await page.getByTestId('rv-arr').textContent()).toContain('200,000');
  expect(await page.getByTestId('rv-arr').textContent()).toContain('sum of 2 accounts');
});

test('blameless lint flags blaming words across the review, with suggestions', async () => {
  await openBuilder('Start review');
  const summary = page.getByLabel('Summary');
  await summary.fill('The on-call engineer should have checked the schema.');
  const blame = page.getByTestId('rv-blame');
  await expect
    .poll(() => blame.textContent())
    .toContain('"Should have" judges a person in hindsight');
  expect(await blame.textContent()).toContain('Instead:');
  await summary.fill('A schema migration broke checkout for all customers for 45 minutes.');
  await expect.poll(() => page.getByText('No blaming language found.').count()).toBe(1);
});

test('the five whys prompt for the next why and flag a chain that stops at a person', async () => {
  await openBuilder('Start review');
  const whys = [
    'An engineer ran a schema migration against production by hand',
    'The runbook allowed manual migrations against production',
    'The deploy pipeline had no migration step',
    'Migrations were left out when the pipeline was built',
    'The pipeline template has no checklist for schema changes',
  ];
  expect(await page.locator('#rv-why-prompt-0').textContent()).toBe(
    'Why did this incident happen?',
  );
  await page.getByLabel('Why 1 of 5').fill(whys[0]!);
  const flag = page.locator('#rv-lint-why-0 [data-code="why_stops_at_person"]');
  await expect.poll(() => flag.textContent()).toContain('What in the system allowed it?');
  await expect
    .poll(() => page.locator('#rv-why-prompt-1').textContent())
    .toBe(`Why did "${whys[0]}" happen?`);
  for (let i = 1; i < 5; i++) await page.getByLabel(`Why ${i + 1} of 5`).fill(whys[i]!);
  expect(await flag.count()).toBe(0);
  expect(await page.getByText('All five whys are answered.').count()).toBe(1);
  await page
    .getByLabel('Root cause', { exact: true })
    .fill('Schema changes could reach production without going through the pipeline.');
  await page.getByRole('button', { name: 'Add mitigation' }).click();
  await page.getByLabel('Mitigation 1', { exact: true }).fill('Rolled back the migration');
});

test('action items: a vague one is flagged, missing owner and date too; the review saves', async () => {
  await openBuilder('Start review');
  const add = page.getByRole('button', { name: 'Add action item' });
  await add.click();
  await page
    .getByLabel('Action item 1', { exact: true })
    .fill('Add the migration step to the deploy pipeline');
  const lints1 = page.locator('#rv-lint-ai-0');
  await expect.poll(() => lints1.textContent()).toContain('Give the action item an owner.');
  expect(await lints1.textContent()).toContain('Give the action item a due date.');
  await page.getByLabel('Owner Action item 1').fill('Mehmet');
  await page.getByLabel('Due date Action item 1').fill(today);
  await expect.poll(() => lints1.locator('li').count()).toBe(0);

  await add.click();
  await page.getByLabel('Action item 2', { exact: true }).fill('Improve monitoring');
  await page.getByLabel('Owner Action item 2').fill('Ana');
  await page.getByLabel('Due date Action item 2').fill(yesterday);
  const vague = page.locator('#rv-lint-ai-1 [data-code="vague_action"]');
  await expect
    .poll(() => vague.textContent())
    .toContain('"Improve" does not say what result will exist');
  expect(await page.locator('#rv-lint-ai-1 [data-code="due_date_past"]').count()).toBe(1);

  await page.getByRole('button', { name: 'Save review' }).click();
  await expect
    .poll(() => page.locator('.rv-builder > [role=status]').textContent())
    .toBe('Review saved.');
  expect(await axeInBothSchemes(page), 'review builder').toEqual({ light: [], dark: [] });
});

test('the Markdown export matches the expected text exactly', async () => {
  await seedFinishedReview(page, incidentId, seedItems(now));
  await openBuilder('Open review');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('post-incident-review-checkout-outage.md');
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path, 'utf8');
  const due = {
    yesterday: dateText(Date.parse(`${yesterday}T23:59:59.999Z`)),
    today: dateText(Date.parse(`${today}T23:59:59.999Z`)),
  };
  expect(text).toBe(expectedMarkdown(incidentId, due));
  // The same review gives the same bytes again.
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  expect(await readFile(await again.path(), 'utf8')).toBe(text);

  await s.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect.poll(() => page.getByText('Markdown copied.').count()).toBe(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
});

test('the printable HTML opens in a new tab, with the blameless statement and no scripts', async () => {
  await seedFinishedReview(page, incidentId, seedItems(now));
  await openBuilder('Open review');
  const [tab] = await Promise.all([
    s.context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open printable HTML' }).click(),
  ]);
  await tab.waitForLoadState();
  expect(await tab.locator('h1').textContent()).toBe('Post-incident review: Checkout outage');
  expect(await tab.locator('.statement').textContent()).toMatch(/^This review is blameless/);
  expect(await tab.locator('script').count()).toBe(0);
  expect(await tab.locator('ol li').count()).toBe(5);
  await tab.close();
});

test('reminders: the alarm tick notifies once for the overdue item and the one due today, never again', async () => {
  const reviewId = await seedFinishedReview(page, incidentId, seedItems(now));
  await tickNow(page);
  await expect.poll(() => reminders(page), { timeout: 15_000 }).toHaveLength(2);
  const shown = await reminders(page);
  expect(shown.filter((id) => id.includes('|overdue|'))).toHaveLength(1);
  expect(shown.filter((id) => id.includes('|due_today|'))).toHaveLength(1);
  await page.evaluate(
    (ids) =>
      Promise.all(
        ids.map((id) =>
          (
            globalThis as unknown as {
              chrome: { notifications: { clear(id: string): Promise<boolean> } };
            }
          ).chrome.notifications.clear(id),
        ),
      ),
    shown,
  );
  // Across a worker restart too: the keys are claimed in IndexedDB, not held in memory.
  await s.stopWorker();
  // A third item, due tomorrow: its reminder is the sign that the restarted worker ran the
  // reminder step (the step claims every key at once, before it shows any).
  const tomorrow = {
    id: 'ai-runbook',
    description: 'Add a schema-change checklist to the pipeline template',
    owner: 'Ana',
    due: iso(Date.now() + DAY),
  };
  await seedFinishedReview(page, incidentId, [...seedItems(now), tomorrow]);
  await tickNow(page);
  const third = `action|${reviewId}|ai-runbook|`;
  await expect
    .poll(async () => (await reminders(page)).some((id) => id.startsWith(third)), {
      timeout: 15_000,
    })
    .toBe(true);
  expect(await reminders(page)).toEqual([expect.stringMatching(/\|ai-runbook\|two_days\|\d+$/)]);
});

test('marking items done updates the monthly completion rate', async () => {
  await seedFinishedReview(page, incidentId, seedItems(now));
  await page.reload();
  await page.getByRole('button', { name: 'Action items', exact: true }).click();
  const rows = page.getByTestId('rv-items').locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(2);
  expect(await rows.first().getAttribute('data-overdue')).toBe('true'); // overdue first
  expect(await rows.first().textContent()).toContain('Improve monitoring');
  expect(await axeInBothSchemes(page), 'action item dashboard').toEqual({ light: [], dark: [] });

  const mToday = today.slice(0, 7);
  const mYesterday = yesterday.slice(0, 7);
  const cell = (month: string, col: number) =>
    page.locator(`[data-testid="rv-rates"] tr[data-month="${month}"] > :nth-child(${col})`);
  const rate = (month: string) => cell(month, 4).textContent();
  // "Improve monitoring" was due yesterday and is still open: a miss.
  expect(await rate(mYesterday)).toBe('0%');
  if (mToday !== mYesterday) expect(await rate(mToday)).toBe('—');

  await page
    .getByLabel('Status of "Add the migration step to the deploy pipeline"')
    .selectOption('done');
  await expect.poll(() => rate(mToday)).toBe(mToday === mYesterday ? '50%' : '100%');
  expect(await cell(mToday, 3).textContent()).toBe('1');

  // Done today, but it was due yesterday: late, so the rate does not go up.
  await page.getByLabel('Status of "Improve monitoring"').selectOption('done');
  await expect.poll(() => rows.first().getAttribute('data-overdue')).toBe('false');
  expect(await cell(mYesterday, 2).textContent()).toBe(mToday === mYesterday ? '2' : '1');
  expect(await rate(mYesterday)).toBe(mToday === mYesterday ? '50%' : '0%');
});

test('marking the review published meets the post-mortem obligation', async () => {
  await seedFinishedReview(page, incidentId, seedItems(now));
  await page.reload();
  const row = page.locator(`tr[data-incident="${incidentId}"]`);
  await expect.poll(() => row.textContent()).toContain('Draft');
  expect(await row.textContent()).toContain('overdue');
  await row.getByRole('button', { name: /Open review/ }).click();
  // "Improve monitoring" is vague: published only as a follow-up to define.
  const blockers = page.getByTestId('rv-blockers');
  await expect.poll(() => blockers.textContent()).toContain('Action item 2 is vague');
  await page.getByLabel('Follow-up to define Action item 2').check();
  await expect.poll(() => blockers.count()).toBe(0);
  await page.getByRole('button', { name: 'Mark review published' }).click();
  await expect.poll(() => page.getByTestId('rv-published').textContent()).toMatch(/^Published /);
  await page.getByRole('button', { name: 'Back to resolved incidents' }).click();
  await expect.poll(() => row.textContent()).toContain('published late');
  expect(await row.textContent()).toContain('Published');
});
