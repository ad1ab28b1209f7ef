import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeInBothSchemes, launchWithExtension, type ExtensionSession } from '../browser';
import { command, fixture, ready } from '../extension/helpers';
import { startServer, type TestServer } from '../server';

const PANEL = 'src/extension/sidepanel/index.html';
const FEED = '/api/v2/summary.json';

let s: ExtensionSession;
let server: TestServer;
let page: Page;
let id = '';

beforeAll(async () => {
  server = await startServer();
  server.json(FEED, await fixture('statuspage-embed-nyu-summary-critical-investigating.json'));
  s = await launchWithExtension();
  const p = await ready(s);
  const added = await command(p, 'sources/add', {
    name: 'NYU',
    url: server.origin + FEED,
    pollSeconds: 30,
  });
  expect(added.ok).toBe(true);
  const declared = await command(p, 'incidents/declare', {
    title: 'Login failures',
    components: ['Login'],
    publiclyVisible: true,
  });
  id = (declared.value as { id: string }).id;
  const answers = {
    noUserCanAccessCore: false,
    dataIntegrityBreach: false,
    percentUsersAffected: 40,
    featureCriticality: 'critical',
  };
  expect((await command(p, 'incidents/classify', { id, answers, severity: 2 })).ok).toBe(true);
  page = await s.openPage(`${PANEL}#/incident/${id}/link`);
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});

test('linking to a feed incident makes its public updates count as posted updates', async () => {
  await page.goto(s.url(`${PANEL}#/incident/${id}/link`));
  await page.getByLabel('Feed incident', { exact: true }).waitFor();
  expect(await axeInBothSchemes(page), 'link with options').toEqual({ light: [], dark: [] });
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await expect.poll(() => page.getByText(/^Linked to /).count()).toBe(1);
  expect(await axeInBothSchemes(page), 'linked').toEqual({ light: [], dark: [] });
  await page.goto(page.url().replace(/\/link$/, '/obligations'));
  await expect
    .poll(() => page.locator('li[data-rule="status_page"]').getAttribute('data-state'))
    .toBe('met');
  await page.goto(page.url().replace(/\/obligations$/, '/timeline'));
  await expect
    .poll(() => page.getByText('from the linked feed', { exact: false }).count())
    .toBeGreaterThan(0);
  // Feed events are shown but cannot be edited.
  const feedRow = page.locator('.timeline li', { hasText: 'from the linked feed' }).first();
  expect(await feedRow.getByRole('button').count()).toBe(0);
});

test('a draft copies as text and as Markdown', async () => {
  await page.goto(s.url(`${PANEL}#/incident/${id}/compose`));
  await page.getByRole('button', { name: 'Exec and board' }).click();
  await page.getByLabel('Impact').fill('Logins fail for *all* SSO users');
  await page.getByLabel('Customers affected').fill('about 40%');
  await page.getByLabel('Current status').fill('Investigating');
  await page.getByLabel('Incident commander').fill('Ana');
  // Extension origins cannot be granted clipboard-read here, so record what the page writes.
  await page.evaluate(() => {
    const w = globalThis as unknown as { copied: string[] };
    w.copied = [];
    navigator.clipboard.writeText = async (text: string) => void w.copied.push(text);
  });
  const lastCopied = () =>
    page.evaluate(() => (globalThis as unknown as { copied: string[] }).copied.at(-1) ?? '');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect.poll(lastCopied).toContain('Logins fail for \\*all\\* SSO users');
  await page.getByRole('button', { name: 'Copy as text' }).click();
  await expect.poll(lastCopied).toContain('Subject: [SEV-2] Login failures');
  await page.getByRole('button', { name: 'Mark as sent' }).click();
  await expect.poll(() => page.getByLabel('Impact').inputValue()).toBe('');
});
