import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { ExtensionSession } from '../browser';
import type { StatuspageMock } from '../../support/statuspage-mock';
import { responderWorld, SEV2_ANSWERS } from './world';

/**
 * Issue 23 through the UI, against the local Statuspage-shaped server (which logs every request):
 * the popup while a local SEV-1 is open, "Publish anyway", the cancel of a mistaken incident, the
 * 404 unlink and the look-up after a timed-out create. Each test has its own browser and server.
 */
const PUBLIC_TITLE = 'Card payments failing at checkout';
const IMPACT = 'Card payments fail for about a quarter of checkouts.';

let s: ExtensionSession;
let mock: StatuspageMock;
let page: Page;
const {
  cmd,
  writes,
  connectMock,
  openIncident: open,
} = responderWorld((w) => ({ s, mock, page } = w));

/** Declared and classified at `severity`, connected to the mock. */
async function seed(severity: 1 | 2): Promise<string> {
  const { id } = await cmd<{ id: string }>('incidents/declare', {
    title: 'Checkout payments failing',
    components: ['Checkout'],
    publiclyVisible: true,
  });
  const answers =
    severity === 1 ? { noUserCanAccessCore: true, dataIntegrityBreach: false } : SEV2_ANSWERS;
  await cmd('incidents/classify', { id, answers, severity });
  await connectMock();
  return id;
}

/** The initial post, published through the worker (as the composer does). */
async function seedPublished(id: string): Promise<void> {
  const r = await cmd<{ ok: boolean }>('incidents/publish', {
    id,
    kind: 'initial',
    text: `We are aware of an issue affecting Checkout and are investigating. ${IMPACT} We will update every 30 minutes.`,
    via: 'statuspage',
    publicTitle: PUBLIC_TITLE,
    target: { status: 'investigating', componentIds: ['cmp1'], componentStatus: 'partial_outage' },
  });
  expect(r.ok).toBe(true);
}

const alert = (text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

/** The composer's initial post, filled in with a public title. */
async function composeInitial(id: string, title: string): Promise<void> {
  await open(id, 'compose');
  await page.getByRole('button', { name: 'Initial status page post' }).click();
  await page.getByLabel('Impact', { exact: true }).fill(IMPACT);
  await page.getByLabel('Public title (shown on the status page)').fill(title);
  await page.getByLabel('Statuspage component ids').fill('cmp1');
}

/** The composer's status-page update, filled in and published. */
async function publishUpdate(): Promise<void> {
  await page.getByRole('button', { name: 'Status page update' }).click();
  await page.getByLabel('What is still impacted').fill(IMPACT);
  await page
    .getByLabel('What the team has learned')
    .fill('We identified a faulty deploy of the payments gateway and are rolling it back.');
  await page.getByRole('button', { name: 'Publish to Statuspage' }).click();
}

test('the popup does not say "All systems operational" while a local SEV-1 is open', async () => {
  await seed(1);
  const popup = await s.openPage('src/extension/popup/index.html');
  const local = popup.getByRole('list', { name: 'Responder' });
  await expect.poll(() => local.textContent(), { timeout: 10_000 }).toContain('SEV-1');
  expect(await local.textContent()).toContain('Checkout payments failing');
  expect(await popup.locator('body').textContent()).not.toContain('All systems operational');
});

test('a warning asks, and "Publish anyway" publishes; an error blocks with nothing to override', async () => {
  const id = await seed(2);
  // An error (no public title): refused, no "Publish anyway", nothing sent.
  await composeInitial(id, '');
  await page.getByRole('button', { name: 'Publish to Statuspage' }).click();
  await expect.poll(() => alert(/public title/).count()).toBeGreaterThan(0);
  expect(await page.getByRole('button', { name: 'Publish anyway' }).count()).toBe(0);
  expect(writes()).toEqual([]);
  // A warning (a severity label in the public title): asks, sends nothing yet…
  const title = `SEV-2 ${PUBLIC_TITLE}`;
  await page.getByLabel('Public title (shown on the status page)').fill(title);
  await page.getByRole('button', { name: 'Publish to Statuspage' }).click();
  const anyway = page.getByRole('button', { name: 'Publish anyway' });
  await expect.poll(() => anyway.count()).toBe(1);
  expect(writes()).toEqual([]);
  // …and the responder's confirmation sends it as written.
  await anyway.click();
  await expect.poll(() => writes().length).toBe(1);
  expect(writes()[0]).toMatchObject({
    method: 'POST',
    path: `/v1/pages/${mock.pageId}/incidents`,
    body: { incident: { name: title, status: 'investigating', deliver_notifications: true } },
  });
  await expect.poll(() => page.locator('[data-published]').count()).toBe(1);
});

test('cancel a mistaken incident from the Resolve view: a reason, the public incident deleted', async () => {
  const id = await seed(2);
  await seedPublished(id);
  const [created] = [...mock.incidents.keys()];
  await open(id, 'resolve');
  await page.getByRole('button', { name: 'Cancel incident' }).click();
  await expect.poll(() => alert('Say why the incident is cancelled.').count()).toBe(1);
  expect(writes().filter((w) => w.method === 'DELETE')).toEqual([]);
  await page
    .getByLabel('Why it is cancelled')
    .fill('Declared for the wrong service: a test alert.');
  await page.getByRole('button', { name: 'Cancel incident' }).click();
  await expect
    .poll(() =>
      writes()
        .filter((w) => w.method === 'DELETE')
        .map((w) => w.path),
    )
    .toEqual([`/v1/pages/${mock.pageId}/incidents/${created}`]);
  await expect.poll(() => page.locator('body').textContent()).toContain('Cancelled');
  // no resolution was posted for it
  expect(writes().filter((w) => w.method === 'PATCH')).toEqual([]);
});

test('a 404 for a lost public incident offers "Unlink and create it again", which creates it anew', async () => {
  const id = await seed(2);
  await seedPublished(id);
  mock.incidents.clear(); // someone deleted it on the status page
  await open(id, 'compose');
  await publishUpdate();
  const unlink = page.getByRole('button', { name: 'Unlink and create it again' });
  await expect.poll(() => unlink.count()).toBe(1);
  expect(writes().at(-1)).toMatchObject({ method: 'PATCH' });
  await unlink.click();
  await expect.poll(() => unlink.count()).toBe(0);
  const posts = () => writes().filter((w) => w.method === 'POST').length;
  expect(posts()).toBe(1); // the original create only
  await page.getByRole('button', { name: 'Publish to Statuspage' }).click();
  await expect.poll(posts).toBe(2);
  expect(mock.incidents.size).toBe(1);
  await expect.poll(() => page.locator('[data-published]').count()).toBe(1);
});

test('a create that times out is looked up and adopted, never posted twice', async () => {
  const id = await seed(2);
  await composeInitial(id, PUBLIC_TITLE);
  // the API creates the incident but answers after the client's 15 s timeout
  mock.delayNext(20_000);
  await page.getByRole('button', { name: 'Publish to Statuspage' }).click();
  await expect.poll(() => page.locator('[data-published]').count(), { timeout: 40_000 }).toBe(1);
  // the look-up found it: one POST, one incident on the page, and it is linked
  expect(writes().filter((w) => w.method === 'POST')).toHaveLength(1);
  expect(mock.incidents.size).toBe(1);
  expect(mock.requests.some((r) => r.method === 'GET' && r.path.includes('/incidents'))).toBe(true);
  // publishing the next update changes that incident instead of creating another
  await publishUpdate();
  await expect.poll(() => writes().filter((w) => w.method === 'PATCH').length).toBe(1);
  expect(writes().filter((w) => w.method === 'POST')).toHaveLength(1);
}, 90_000);
