import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeInBothSchemes, launchWithExtension, type ExtensionSession } from '../browser';
import { command } from '../extension/helpers';
import { spawnTeamServer, type TeamServerProcess } from '../../support/team-server';

/**
 * axe-core finds nothing on Options → Team in each of its states (signed out, a sign-in error,
 * connected, offline, the server refusing the session) nor on the side panel's team list, in the
 * light and the dark colour scheme. One profile and the real team server; each test brings the
 * state it checks about itself, so any test runs alone and in any order.
 */

let server: TeamServerProcess;
let s: ExtensionSession;
let password = 'dana-pw';

beforeAll(async () => {
  server = await spawnTeamServer([['dana', password]]);
  s = await launchWithExtension();
  await s.grantHost(`${server.url}/*`);
}, 60_000);
afterAll(async () => {
  await s?.close();
  await server?.close();
});

const options = () => s.openPage('src/extension/options/index.html#team');
const state = (p: Page) => p.locator('.team-status').getAttribute('data-state');

async function fill(p: Page, pw: string) {
  await p.getByLabel('Server URL').fill(server.url);
  await p.getByLabel('Database').fill(server.db);
  await p.getByLabel('User name').fill('dana');
  await p.getByLabel('Display name (optional)').fill('Dana Lead');
  await p.getByLabel(/^Password/).fill(pw);
}

/** Signed in and synced (connecting if needed). */
async function connected(): Promise<Page> {
  const p = await options();
  if ((await p.locator('.team-status').count()) === 0 || (await state(p)) !== 'connected') {
    await command(p, 'team/syncNow', null);
    if ((await p.locator('.team-status[data-state="connected"]').count()) === 0) {
      await fill(p, password);
      await p.getByRole('button', { name: /^(Connect|Sign in again)$/ }).click();
    }
  }
  await p.locator('.team-status[data-state="connected"]').waitFor({ timeout: 15_000 });
  return p;
}

test('signed out, and a wrong password’s error', async () => {
  const p = await options();
  if ((await p.locator('.team-status').count()) > 0) {
    await p.getByRole('button', { name: 'Disconnect' }).click();
    await p.getByRole('button', { name: 'Connect' }).waitFor();
  }
  expect(await axeInBothSchemes(p), 'signed out').toEqual({ light: [], dark: [] });
  await fill(p, 'wrong');
  await p.getByRole('button', { name: 'Connect' }).click();
  await p.getByRole('alert').waitFor();
  expect(await axeInBothSchemes(p), 'wrong password').toEqual({ light: [], dark: [] });
  await p.close();
});

test('connected', async () => {
  const p = await connected();
  expect(await axeInBothSchemes(p), 'connected').toEqual({ light: [], dark: [] });
  await p.close();
});

test('offline, with a change waiting', async () => {
  const p = await connected();
  await server.stop();
  try {
    await command(p, 'incidents/declare', {
      title: 'Declared offline (a11y)',
      components: [],
      publiclyVisible: false,
    });
    await command(p, 'team/syncNow', null);
    await p.locator('.team-status[data-state="offline"]').waitFor({ timeout: 15_000 });
    expect(await axeInBothSchemes(p), 'offline').toEqual({ light: [], dark: [] });
  } finally {
    await server.start();
  }
  await p.close();
});

test('the server refuses the session: the message and the sign-in-again form', async () => {
  const p = await connected();
  password = `${password}-new`;
  await server.setPassword('dana', password);
  await command(p, 'team/syncNow', null);
  await p.locator('.team-status[data-state="error"]').waitFor({ timeout: 15_000 });
  await p.getByRole('button', { name: 'Sign in again' }).waitFor();
  expect(await axeInBothSchemes(p), 'error').toEqual({ light: [], dark: [] });
  await p.close();
});

test('the side panel’s team list: who declared, who acted last', async () => {
  const p = await connected();
  await command(p, 'incidents/declare', {
    title: 'Team list (a11y)',
    components: ['API'],
    publiclyVisible: true,
  });
  const panel = await s.openPage('src/extension/sidepanel/index.html#/');
  await panel
    .locator('li.card', { hasText: 'Team list (a11y)' })
    .getByTestId('team-authors')
    .waitFor();
  expect(await axeInBothSchemes(panel), 'side panel list').toEqual({ light: [], dark: [] });
  await Promise.all([p.close(), panel.close()]);
});
