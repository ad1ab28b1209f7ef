import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeInBothSchemes } from '../browser';
import { startUi, type UiSession } from './session';

let u: UiSession;
beforeAll(async () => {
  u = await startUi();
  await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
});
afterAll(() => u?.close());

test('popup: active incidents with countdowns, the site toggle, the settings link; no axe violations', async () => {
  const p = await u.s.openPage('src/extension/popup/index.html');
  await p.getByRole('heading', { name: /Elevated errors on Checkout/ }).waitFor();
  expect(await p.locator('.cd').count()).toBeGreaterThan(0);
  // Opened as a tab, the active tab is the popup itself: the toggle says it cannot run here.
  await p.getByText('Incident Lens cannot run on this page.').waitFor();
  await p.getByRole('link', { name: /Settings/ }).waitFor();
  expect(await axeInBothSchemes(p), 'popup').toEqual({ light: [], dark: [] });
  await p.close();
});

test('options: every section has no axe violations, in light and dark', async () => {
  const p = await u.s.openPage('src/extension/options/index.html');
  // What each section shows once its IndexedDB read is done (one source, no site yet).
  const loaded = {
    sources: p.getByRole('heading', { name: 'Acme status' }),
    sites: p.getByText('The overlay is not on for any site yet.'),
    notifications: p.locator('#section-notifications input[type=checkbox]').first(),
    data: p.locator('#section-data button').first(),
  };
  for (const section of ['sources', 'sites', 'notifications', 'data'] as const) {
    await p.goto(u.s.url(`src/extension/options/index.html#${section}`));
    await loaded[section].waitFor();
    expect(await axeInBothSchemes(p), section).toEqual({ light: [], dark: [] });
  }
  await p.close();
});

test('options: a source shows its last poll; Test reports what the feed returns or an error', async () => {
  const p = await u.s.openPage('src/extension/options/index.html#sources');
  await p.getByText(/^Last poll:/).waitFor();
  const form = p.getByRole('form', { name: 'Add a source' });
  await form.getByLabel('Name').fill('Probe');
  await form.getByLabel(/^Feed URL/).fill(`${u.server.origin}/api/v2/summary.json`);
  await form.getByRole('button', { name: 'Test' }).click();
  await p.getByText(/The feed answers: Statuspage, with 1 incident,/).waitFor();
  // the status page's own address: Test finds its feed and puts it in the field
  await form.getByLabel(/^Feed URL/).fill(u.server.origin);
  await form.getByRole('button', { name: 'Test' }).click();
  await p.getByText(/The feed answers: Statuspage, with/).waitFor();
  expect(await form.getByLabel(/^Feed URL/).inputValue()).toBe(
    `${u.server.origin}/api/v2/summary.json`,
  );
  await form.getByLabel(/^Feed URL/).fill(`${u.server.origin}/missing.json`);
  await form.getByRole('button', { name: 'Test' }).click();
  await p.getByText(/^The test failed:/).waitFor();
  // plain http to another host: allowed, with a warning shown as it is typed (issue 16 #16)
  await form.getByLabel(/^Feed URL/).fill('http://status.example.com/x.json');
  await p.getByText(/^Plain http: anyone on the network path/).waitFor();
  await form.getByLabel(/^Feed URL/).fill('ftp://status.example.com/x.json');
  await form.getByRole('button', { name: 'Test' }).click();
  await p.getByText('The URL must start with https:// (or http://).').waitFor();
  await p.close();
});

test('options: a corrupt backup is refused with its message and nothing changes', async () => {
  const p = await u.s.openPage('src/extension/options/index.html#data');
  const before = await u.cmd('data/export', null);
  await p.getByLabel('Import a backup file').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"incident-lens-backup","version":1,"stores":{"sources":[{"id":'),
  });
  await p.getByText(/^Import refused, nothing was changed:/).waitFor();
  const after = await u.cmd('data/export', null);
  const strip = (r: typeof before) =>
    (JSON.parse((r.value as { json: string }).json) as { stores: unknown }).stores;
  expect(strip(after)).toEqual(strip(before));
  await p.close();
});
