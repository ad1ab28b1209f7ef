import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { axeInBothSchemes, type ExtensionSession } from '../browser';
import { writeFileSync } from 'node:fs';
import type { StatuspageMock } from '../../support/statuspage-mock';
import { responderWorld, SEV2_ANSWERS } from './world';

const MIN = 60_000;
const TITLE = 'Checkout payments failing';
const PUBLIC_TITLE = 'Card payments failing at checkout';

let s: ExtensionSession;
let mock: StatuspageMock;
let page: Page;

// The responder's workflow, one step per test. Each test starts from its own browser and
// Statuspage mock, and seeds the steps before it through the extension's commands: any test runs
// alone, in any order.
const { cmd, writes, connectMock, openIncident } = responderWorld((w) => ({ s, mock, page } = w));

/** Step 1, seeded: the incident declared now. Returns its id. */
async function seedDeclared(): Promise<string> {
  const inc = await cmd<{ id: string }>('incidents/declare', {
    title: TITLE,
    components: ['Checkout', 'Payments API'],
    publiclyVisible: true,
  });
  return inc.id;
}

/** Steps 1 and 2, seeded: declared and classified SEV-2 (a quarter of users, a significant feature). */
async function seedClassified(): Promise<string> {
  const id = await seedDeclared();
  await cmd('incidents/classify', { id, answers: SEV2_ANSWERS, severity: 2 });
  return id;
}

/** Step 5, seeded: connected to the Statuspage mock, the initial post published there. */
async function seedPublished(id: string): Promise<void> {
  await connectMock(); // (host access as the settings form asks for it: docs/toolchain.md)
  const published = await cmd<{ ok: boolean }>('incidents/publish', {
    id,
    kind: 'initial',
    text: 'We are aware of an issue affecting Checkout, Payments API and are investigating. We will update every 30 minutes.',
    via: 'statuspage',
    publicTitle: PUBLIC_TITLE,
    target: {
      status: 'investigating',
      componentIds: ['cmp1', 'cmp3'],
      componentStatus: 'partial_outage',
    },
  });
  expect(published.ok).toBe(true);
}

const incidentId = () => /#\/incident\/([^/]+)/.exec(page.url())?.[1] ?? '';
const go = (hash: string) => page.evaluate((h) => (location.hash = h), hash);
const section = async (name: string) => {
  await page
    .getByRole('navigation', { name: 'Incident sections' })
    .getByRole('link', { name })
    .click();
};

/** The incident's events, read from the extension's IndexedDB in the page. */
function events(): Promise<
  { type: string; at: number; text?: string; edits?: { reason: string }[] }[]
> {
  return page.evaluate(
    (id) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('incident-lens');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          // The incident's timeline chunks, in time order (db/chunks.ts).
          const req = open.result
            .transaction('timeline')
            .objectStore('timeline')
            .getAll(IDBKeyRange.bound([id], [id, []]));
          req.onsuccess = () => {
            open.result.close();
            ok((req.result as { events: unknown[] }[]).flatMap((c) => c.events) as never);
          };
        };
      }),
    incidentId(),
  );
}

test('list and declare views, then 1) declare an incident', async () => {
  await expect
    .poll(() => page.getByRole('heading', { name: 'Responder incidents' }).count())
    .toBe(1);
  expect(await axeInBothSchemes(page), 'list').toEqual({ light: [], dark: [] });
  await go('#/declare');
  await page.getByLabel('Title', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Declare', exact: true }).click();
  await expect.poll(() => page.getByText('Give the incident a title.').count()).toBe(1);
  await page.getByRole('group', { name: 'When did it start?' }).getByLabel('Earlier').check();
  expect(await axeInBothSchemes(page), 'declare (with errors)').toEqual({ light: [], dark: [] });
  await page.getByRole('group', { name: 'When did it start?' }).getByLabel('Now').check();
  await page.getByLabel('Title', { exact: true }).fill(TITLE);
  await page.getByLabel('Affected features or components').fill('Checkout, Payments API');
  await page.getByRole('button', { name: 'Declare', exact: true }).click();
  await expect.poll(() => page.url()).toMatch(/#\/incident\/[^/]+\/classify$/);
  expect((await events()).map((e) => e.type)).toEqual(['declared']);
});

test('2) classify it as SEV-2, with the rule that fired shown', async () => {
  await openIncident(await seedDeclared(), 'classify');
  const q = (name: string) => page.getByRole('group', { name });
  await q('Can no user at all reach the core product?').getByLabel('No', { exact: true }).check();
  await q('Is there a confirmed data integrity breach or data loss?')
    .getByLabel('No', { exact: true })
    .check();
  await page.getByLabel('Share of active users affected (%)').fill('25');
  await q('How important is the affected feature?').getByLabel('Significant').check();
  await expect.poll(() => page.locator('.suggestion').textContent()).toContain('SEV-2');
  expect(await page.locator('.suggestion').textContent()).toContain(
    'More than 10% of active users affected (25%)',
  );
  expect(await axeInBothSchemes(page), 'classify').toEqual({ light: [], dark: [] });
  // Overriding without a reason is refused.
  await page.getByLabel('Severity').selectOption('1');
  await page.getByRole('button', { name: 'Override with SEV-1' }).click();
  await expect
    .poll(() => page.getByRole('alert').filter({ hasText: 'An override needs a reason.' }).count())
    .toBe(1);
  await page.getByLabel('Severity').selectOption('2');
  await page.getByRole('button', { name: 'Accept SEV-2' }).click();
  await expect.poll(() => page.url()).toMatch(/\/obligations$/);
  const ev = await events();
  expect(ev.map((e) => e.type)).toEqual(['declared', 'classified']);
});

test('3) obligations: status page 15 min, meeting 30 min, customer email 60 min after classification', async () => {
  await openIncident(await seedClassified(), 'obligations');
  const classifiedAt = (await events()).find((e) => e.type === 'classified')!.at;
  const due = async (rule: string) =>
    Number(await page.locator(`li[data-rule="${rule}"]`).getAttribute('data-due'));
  await page.locator('li[data-rule="status_page"]').waitFor();
  expect((await due('status_page')) - classifiedAt).toBe(15 * MIN);
  expect((await due('coordination_meeting')) - classifiedAt).toBe(30 * MIN);
  expect((await due('customer_email')) - classifiedAt).toBe(60 * MIN);
  expect(await page.locator('li[data-rule="status_page"] .cd').textContent()).toMatch(/1[45]:\d\d/);
  expect(await axeInBothSchemes(page), 'obligations').toEqual({ light: [], dark: [] });
  // Mark the meeting done, then move its time with a reason.
  await page
    .getByRole('button', { name: 'Mark done: Cross-functional coordination meeting' })
    .click();
  await expect
    .poll(() => page.locator('li[data-rule="coordination_meeting"]').getAttribute('data-state'))
    .toBe('met');
  await page
    .getByRole('button', { name: 'Edit time: Cross-functional coordination meeting' })
    .click();
  await page.getByLabel('Reason for the change').fill('Meeting started before it was logged');
  expect(await axeInBothSchemes(page), 'obligations (editing)').toEqual({ light: [], dark: [] });
  await page.getByRole('button', { name: 'Save time' }).click();
  await expect
    .poll(async () => (await events()).find((e) => e.type === 'obligation_met')?.edits?.[0]?.reason)
    .toBe('Meeting started before it was logged');
});

test('4) an update with an element missing is refused', async () => {
  await openIncident(await seedClassified(), 'obligations');
  await section('Compose');
  await page.getByRole('button', { name: 'Status page update' }).click();
  await page
    .getByLabel('What is still impacted')
    .fill('Card payments fail for about a quarter of checkouts.');
  const refusal =
    'Refused: an update needs all three elements. Missing: what the team has learned.';
  await expect.poll(() => page.locator('[data-refused]').textContent()).toBe(refusal);
  await page.getByRole('button', { name: 'Mark as posted' }).click();
  await expect.poll(() => page.getByRole('alert').filter({ hasText: refusal }).count()).toBe(1);
  expect((await events()).some((e) => e.type === 'update_posted')).toBe(false);
  expect(await axeInBothSchemes(page), 'composer (update refused)').toEqual({
    light: [],
    dark: [],
  });
  for (const kind of [
    'Enterprise email',
    'Exec and board',
    'In-app banner',
    'Initial status page post',
  ]) {
    await page.getByRole('button', { name: kind }).click();
    expect(await axeInBothSchemes(page), `composer (${kind})`).toEqual({ light: [], dark: [] });
  }
});

test('5) publish to the local Statuspage-compatible server; a 422 shows a clear message and keeps the draft', async () => {
  await openIncident(await seedClassified(), 'obligations');
  await s.grantHost('http://127.0.0.1/*');
  const back = page.url();
  await go('#/settings');
  await page.getByLabel('API base URL').fill(mock.base);
  await page.getByLabel('Page id').fill(mock.pageId);
  await page.getByLabel('API key').fill(mock.apiKey);
  expect(await axeInBothSchemes(page), 'statuspage settings').toEqual({ light: [], dark: [] });
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: `Connected to ${mock.pageId}` })
        .count(),
    )
    .toBe(1);
  expect(await page.content()).not.toContain(mock.apiKey);
  expect(mock.requests[0]).toMatchObject({
    method: 'GET',
    path: `/v1/pages/${mock.pageId}`,
    authorization: `OAuth ${mock.apiKey}`,
  });
  expect(await axeInBothSchemes(page), 'statuspage connected').toEqual({ light: [], dark: [] });

  await page.goto(back.replace(/\/[a-z]+$/, '/compose'));
  await page.getByRole('button', { name: 'Initial status page post' }).click();
  await page
    .getByLabel('Impact', { exact: true })
    .fill('Card payments fail for about a quarter of checkouts.');
  // The internal title never goes out: without a public title nothing is sent.
  await page.getByRole('button', { name: 'Publish to Statuspage' }).click();
  await expect
    .poll(() =>
      page
        .getByRole('alert')
        .filter({ hasText: 'Give the incident a public title for the status page.' })
        .count(),
    )
    .toBe(1);
  expect(writes()).toEqual([]);
  // Internal detail in the public title asks for a confirmation; the responder fixes it instead.
  await page.getByLabel('Public title (shown on the status page)').fill(`SEV-2 ${PUBLIC_TITLE}`);
  await page.getByRole('button', { name: 'Publish to Statuspage' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Publish anyway' }).count()).toBe(1);
  expect(writes()).toEqual([]);
  await page.getByLabel('Public title (shown on the status page)').fill(PUBLIC_TITLE);
  // Components are chosen by name from the page's list; the ids land in the same field.
  await page.getByRole('button', { name: 'Choose components' }).click();
  const picker = page.getByRole('group', { name: 'Components on Statuspage' });
  await picker.getByLabel('Checkout', { exact: true }).check();
  await picker
    .getByRole('group', { name: 'Payments' })
    .getByLabel('Card API', { exact: true })
    .check();
  expect(await picker.getByLabel('Search', { exact: true }).isChecked()).toBe(false);
  await expect
    .poll(() => page.getByLabel('Statuspage component ids').inputValue())
    .toBe('cmp1, cmp3');
  expect(mock.requests.at(-1)).toMatchObject({
    method: 'GET',
    path: `/v1/pages/${mock.pageId}/components`,
    authorization: `OAuth ${mock.apiKey}`,
  });
  expect(await axeInBothSchemes(page), 'composer (publish controls, components chosen)').toEqual({
    light: [],
    dark: [],
  });
  await page.getByRole('button', { name: 'Publish to Statuspage' }).click();
  await expect.poll(() => mock.requests.filter((r) => r.method === 'POST').length).toBe(1);
  expect(mock.requests.at(-1)).toMatchObject({
    path: `/v1/pages/${mock.pageId}/incidents`,
    authorization: `OAuth ${mock.apiKey}`,
    body: {
      incident: {
        name: PUBLIC_TITLE,
        status: 'investigating',
        body: expect.stringMatching(
          /^We are aware of an issue affecting Checkout, Payments API and are investigating\. Card payments fail for about a quarter of checkouts\. We will update every 30 minutes; the next update will be posted by .+ UTC\.$/,
        ),
        impact_override: 'major',
        components: { cmp1: 'partial_outage', cmp3: 'partial_outage' },
        component_ids: ['cmp1', 'cmp3'],
        deliver_notifications: true,
      },
    },
  });
  // "Published", with the public link.
  await expect
    .poll(() => page.locator('[data-published] a').getAttribute('href'))
    .toMatch(/^https:\/\/stspg\.io\//);
  expect(await page.locator('[data-published]').textContent()).toContain('Published');
  await expect
    .poll(async () => (await events()).some((e) => e.type === 'status_page_posted'))
    .toBe(true);

  // An update that Statuspage refuses: the message is clear and the draft survives a reload.
  await page.getByRole('button', { name: 'Status page update' }).click();
  await page
    .getByLabel('What is still impacted')
    .fill('Card payments fail for about a quarter of checkouts.');
  await page
    .getByLabel('What the team has learned')
    .fill('We identified a faulty deploy of the payments gateway and are rolling it back.');
  mock.failNext({ status: 422, error: 'Body is too long' });
  await page.getByRole('button', { name: 'Publish to Statuspage' }).click();
  const msg = 'Statuspage refused the message: Body is too long. Your draft is kept.';
  await expect.poll(() => page.getByRole('alert').filter({ hasText: msg }).count()).toBe(1);
  expect(await axeInBothSchemes(page), 'composer (422)').toEqual({ light: [], dark: [] });
  expect((await events()).some((e) => e.type === 'update_posted')).toBe(false);
  await page.reload();
  await page.getByRole('button', { name: 'Status page update' }).click();
  await expect
    .poll(() => page.getByLabel('What the team has learned').inputValue())
    .toContain('faulty deploy');
  // A 429: the button counts down, disabled, and publishes once the wait is over.
  mock.failNext({ status: 429, retryAfter: 3 });
  await page.getByRole('button', { name: 'Publish to Statuspage' }).click();
  await expect
    .poll(() => page.getByRole('alert').filter({ hasText: 'Try again in 3 s' }).count())
    .toBe(1);
  const waiting = page.getByRole('button', { name: /^Try again in \d s$/ });
  expect(await waiting.isDisabled()).toBe(true);
  await page.getByRole('button', { name: 'Publish to Statuspage' }).click();
  // The refused (422) and rate-limited (429) attempts reached the server too; the third one lands.
  await expect.poll(() => mock.requests.filter((r) => r.method === 'PATCH').length).toBe(3);
  // No components chosen for the update: the incident's own are kept, with their states.
  expect(mock.requests.at(-1)?.body).toMatchObject({
    incident: {
      name: PUBLIC_TITLE,
      status: 'identified',
      body: expect.stringContaining('What we have learned: We identified'),
      components: { cmp1: 'partial_outage', cmp3: 'partial_outage' },
      component_ids: ['cmp1', 'cmp3'],
      deliver_notifications: true,
    },
  });
  await expect
    .poll(async () => (await events()).some((e) => e.type === 'update_posted'))
    .toBe(true);
}, 120_000);

test('5b) reclassify: raising to SEV-1 is one step; lowering asks for a reason', async () => {
  const id = await seedClassified();
  await seedPublished(id);
  await openIncident(id, 'obligations');
  await section('Classify');
  const q = (name: string) => page.getByRole('group', { name });
  await q('Can no user at all reach the core product?').getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Accept SEV-1' }).click();
  await expect.poll(() => page.url()).toMatch(/\/obligations$/);
  expect((await events()).filter((e) => e.type === 'reclassified')).toHaveLength(1);
  // The next update goes out as critical.
  await section('Compose');
  await page.getByRole('button', { name: 'Status page update' }).click();
  await page.getByLabel('What is still impacted').fill('No customer can check out.');
  await page
    .getByLabel('What the team has learned')
    .fill('We identified that the rollback also failed and are restoring the previous build.');
  await page.getByRole('button', { name: 'Publish to Statuspage' }).click();
  await expect.poll(() => mock.requests.filter((r) => r.method === 'PATCH').length).toBe(1);
  expect(mock.requests.at(-1)?.body).toMatchObject({
    incident: { name: PUBLIC_TITLE, impact_override: 'critical' },
  });
  // Back down to SEV-2 with the questionnaire's own suggestion: still a downgrade, so a reason.
  await section('Classify');
  await q('Can no user at all reach the core product?').getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: /SEV-2$/ }).click();
  await expect
    .poll(() =>
      page.getByRole('alert').filter({ hasText: 'Lowering the severity needs a reason.' }).count(),
    )
    .toBe(1);
  expect((await events()).filter((e) => e.type === 'reclassified')).toHaveLength(1);
  // 150% is refused on the field, not read as "don't know".
  await page.getByLabel('Share of active users affected (%)').fill('150');
  await expect
    .poll(() => page.getByText('Enter a share between 0 and 100%.').count())
    .toBeGreaterThan(0);
  await page.getByLabel('Share of active users affected (%)').fill('25');
});

test('6) resolve: the post-mortem clock appears and the incident moves to the reviews list', async () => {
  const id = await seedClassified();
  await seedPublished(id);
  await openIncident(id, 'obligations');
  await section('Timeline');
  await page.getByLabel('Note').fill('Rollback finished; error rate back to baseline.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect.poll(() => page.locator('.timeline li[data-type="note"]').count()).toBe(1);
  expect(await axeInBothSchemes(page), 'timeline').toEqual({ light: [], dark: [] });
  await section('Link feed');
  expect(await axeInBothSchemes(page), 'link').toEqual({ light: [], dark: [] });
  await section('Resolve');
  // An id typed by hand shows as ticked in the list.
  await page.getByLabel('Statuspage component ids').fill('cmp1');
  await page.getByRole('button', { name: 'Choose components' }).click();
  const picker = page.getByRole('group', { name: 'Components on Statuspage' });
  await expect.poll(() => picker.getByLabel('Checkout', { exact: true }).isChecked()).toBe(true);
  expect(await picker.getByLabel('Payouts', { exact: true }).isChecked()).toBe(false);
  // The resolution is published by default only because this incident is on the page.
  expect(await page.getByLabel('Also publish the resolution to Statuspage').isChecked()).toBe(true);
  await page
    .getByLabel('Brief explanation (what happened, what fixed it)')
    .fill('A faulty gateway deploy was rolled back and the previous build restored.');
  expect(await axeInBothSchemes(page), 'resolve').toEqual({ light: [], dark: [] });
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await page.locator('[data-postmortem]').waitFor();
  expect(await page.locator('[data-postmortem]').textContent()).toMatch(/due in/);
  // Every component the incident set is back to operational, not only the one chosen here.
  expect(mock.requests.at(-1)).toMatchObject({
    method: 'PATCH',
    body: {
      incident: {
        name: PUBLIC_TITLE,
        status: 'resolved',
        body: expect.stringContaining(
          'A faulty gateway deploy was rolled back and the previous build restored. We will publish a full post-mortem within 48 hours.',
        ),
        components: { cmp1: 'operational', cmp3: 'operational' },
        component_ids: ['cmp1', 'cmp3'],
        deliver_notifications: true,
      },
    },
  });
  const resolved = (await events()).find((e) => e.type === 'resolved');
  expect(resolved?.text).toContain('This incident has been resolved.');
  // What was sent for declare → update → reclassify → resolve, for the closing note.
  const out = process.env.RESPONDER_BODIES_OUT;
  if (out)
    writeFileSync(
      out,
      writes()
        .map((w) => `${w.method} ${w.path}\n${JSON.stringify(w.body, null, 2)}`)
        .join('\n\n') + '\n',
    );
  expect(await axeInBothSchemes(page), 'post-mortem clock').toEqual({ light: [], dark: [] });
  await go('#/');
  const reviews = page.getByRole('region', { name: 'Resolved, awaiting post-mortem' });
  await expect.poll(() => reviews.getByText(TITLE).count()).toBe(1);
  expect(await axeInBothSchemes(page), 'list with a review').toEqual({ light: [], dark: [] });
  // Several incidents can be open at once.
  for (const title of ['Search is slow', 'Exports delayed']) {
    await go('#/declare');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Affected features or components').fill('Search');
    await page.getByRole('button', { name: 'Declare', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/classify$/);
  }
  // A never-published, unclassified incident: its resolution is recorded here only, nothing is
  // posted (it used to POST a new, already-resolved public incident).
  const before = writes().length;
  await go(`#/incident/${incidentId()}/resolve`);
  await page.locator('[data-not-published]').waitFor();
  expect(await page.getByLabel('Also publish the resolution to Statuspage').count()).toBe(0);
  await page.getByLabel('Brief explanation (what happened, what fixed it)').fill('False alarm.');
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await page.locator('[data-postmortem]').waitFor();
  expect(writes().length).toBe(before);
  await go('#/declare');
  await page.getByLabel('Title', { exact: true }).fill('Search is slow');
  await page.getByLabel('Affected features or components').fill('Search');
  await page.getByRole('button', { name: 'Declare', exact: true }).click();
  await expect.poll(() => page.url()).toMatch(/\/classify$/);
  await go('#/');
  const open = page.getByRole('region', { name: 'Open incidents' });
  await expect.poll(() => open.getByRole('listitem').count()).toBe(2);
  expect(await axeInBothSchemes(page), 'list with two open incidents').toEqual({
    light: [],
    dark: [],
  });
}, 120_000);
