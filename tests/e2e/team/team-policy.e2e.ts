import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, launchWithExtension, type ExtensionSession } from '../browser';
import { spawnTeamServer, type TeamServerProcess } from '../../support/team-server';
import { connect } from './connect';

/**
 * Issue 20: with team mode on, the policy and the templates are the team's, and every change is
 * recorded with its author. Two Chromium profiles with the built extension, signed in as Ann and
 * Bob to the real express-pouchdb team server (team/server.mjs, a child process on loopback).
 */

let server: TeamServerProcess;
let a: ExtensionSession;
let b: ExtensionSession;

beforeAll(async () => {
  server = await spawnTeamServer([
    ['ann', 'ann-pw'],
    ['bob', 'bob-pw'],
  ]);
  [a, b] = await Promise.all([launchWithExtension(), launchWithExtension()]);
  for (const [s, user, pw, name] of [
    [a, 'ann', 'ann-pw', 'Ann Responder'],
    [b, 'bob', 'bob-pw', 'Bob Responder'],
  ] as const) {
    const page = await connect(server, s, user, pw, name);
    await page.locator('.team-status[data-state="connected"]').waitFor({ timeout: 15_000 });
    await page.close();
  }
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await server?.close();
});

const lastChanged = (p: Page) => p.getByTestId('last-changed');

test('A changes the SEV-2 status-page deadline; B sees the new policy and "Last changed by Ann"', async () => {
  const pa = await a.openPage('src/extension/options/index.html#policy');
  const sev2 = pa.getByRole('group', { name: 'SEV-2 (Major)' });
  const field = sev2.getByLabel('Public status page updated: minutes after classification');
  await field.fill('15');
  await pa.getByRole('button', { name: 'Save the policy' }).click();
  await pa
    .getByRole('status')
    .filter({ hasText: /Saved as version/ })
    .waitFor();
  await expect
    .poll(() => lastChanged(pa).textContent())
    .toMatch(/^Last changed by Ann Responder at /);

  const pb = await b.openPage('src/extension/options/index.html#policy');
  const fieldB = pb
    .getByRole('group', { name: 'SEV-2 (Major)' })
    .getByLabel('Public status page updated: minutes after classification');
  await expect
    .poll(() => lastChanged(pb).textContent(), { timeout: 15_000, interval: 200 })
    .toMatch(/^Last changed by Ann Responder at /);
  await pb.reload(); // the editor keeps what it loaded; a fresh load shows the team's value
  await expect.poll(() => fieldB.inputValue()).toBe('15');

  // B saves again: the history lists both, newest first.
  await fieldB.fill('20');
  await pb.getByRole('button', { name: 'Save the policy' }).click();
  await expect.poll(() => lastChanged(pb).textContent()).toMatch(/^Last changed by Bob Responder/);
  await pb.getByText('Recent changes').click();
  const history = pb.locator('details li');
  await expect
    .poll(() => history.allTextContents())
    .toEqual([
      expect.stringMatching(/^Bob Responder saved version \d+ at /),
      expect.stringMatching(/^Ann Responder saved version \d+ at /),
    ]);
  expect(await axe(pb)).toEqual([]);
  await Promise.all([pa.close(), pb.close()]);
});

test('B edits the update template; A sees the text and "Last changed by Bob" on that template only', async () => {
  const pb = await b.openPage('src/extension/options/index.html#templates');
  await pb.getByLabel('Template', { exact: true }).selectOption('update');
  const area = pb.getByLabel('Template text');
  const text = `${await area.inputValue()} Reach us on the status page.`;
  await area.fill(text);
  await pb.getByRole('button', { name: 'Save the template' }).click();
  await pb.getByRole('status').filter({ hasText: 'Template saved.' }).waitFor();

  const pa = await a.openPage('src/extension/options/index.html#templates');
  await pa.getByLabel('Template', { exact: true }).selectOption('update');
  await expect
    .poll(() => lastChanged(pa).textContent(), { timeout: 15_000, interval: 200 })
    .toMatch(/^Last changed by Bob Responder at /);
  await pa.reload();
  await pa.getByLabel('Template', { exact: true }).selectOption('update');
  await expect.poll(() => pa.getByLabel('Template text').inputValue()).toBe(text);
  // The template list names the author beside that template only.
  const options = await pa
    .getByLabel('Template', { exact: true })
    .locator('option')
    .allTextContents();
  expect(options.filter((o) => o.includes('changed by'))).toEqual([
    expect.stringMatching(/ — changed by Bob Responder$/),
  ]);
  // Another template nobody changed names no author.
  await pa.getByLabel('Template', { exact: true }).selectOption('initial');
  expect(await lastChanged(pa).count()).toBe(0);
  expect(await axe(pa)).toEqual([]);
  await Promise.all([pa.close(), pb.close()]);
});
