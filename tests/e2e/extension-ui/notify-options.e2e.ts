/**
 * What a user sees of issue 19, items 10 and 13 in the options page: the notification filters,
 * Pause and an undoable Remove for a source, and the page in German (source errors included),
 * each without axe violations.
 */
import { afterEach, expect, test } from 'vitest';
import { axeInBothSchemes, launchWithExtension, type ExtensionSession } from '../browser';
import { startServer, type TestServer } from '../server';
import { command, readStores, ready } from '../extension/helpers';
import { until } from '../support/wait';
import { startUi, type UiSession } from './session';

let u: UiSession | undefined;
let s: ExtensionSession | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await u?.close();
  await s?.close();
  await server?.close();
  u = s = server = undefined;
});

type Prefs = { minSeverity: number | null; role: string; mutedSources: string[] };
async function prefs(ui: UiSession): Promise<Prefs | undefined> {
  const { settings } = await readStores(ui.ext, ['settings']);
  return (settings as { key: string; value: Prefs }[]).find((r) => r.key === 'notifications')
    ?.value;
}

test('options → Notifications: severity, role and source filters are saved; no axe violations', async () => {
  u = await startUi();
  const p = u.ext;
  await p.goto(u.s.url('src/extension/options/index.html#notifications'));
  await p
    .locator('#section-notifications')
    .getByLabel('Severity', { exact: true })
    .selectOption({ label: 'SEV-1 only' });
  await p.getByRole('radio', { name: /support agent/ }).check();
  await p.getByRole('checkbox', { name: 'Acme status' }).uncheck();
  await until('the filters to be stored', async () => {
    const v = await prefs(u!);
    return v?.minSeverity === 1 && v.role === 'agent' && v.mutedSources.length === 1;
  });
  // the controls show what is stored after a reload
  await p.reload();
  expect(
    await p.locator('#section-notifications').getByLabel('Severity', { exact: true }).inputValue(),
  ).toBe('1');
  expect(await p.getByRole('radio', { name: /support agent/ }).isChecked()).toBe(true);
  expect(await p.getByRole('checkbox', { name: 'Acme status' }).isChecked()).toBe(false);
  expect(await axeInBothSchemes(p)).toEqual({ light: [], dark: [] });
});

test('options → Sources: Pause leaves the source out of the overlay; Remove can be undone from the keyboard', async () => {
  u = await startUi();
  await u.pollUntil((st) => (st?.incidents.length ?? 0) === 1, 'the incident');
  const p = u.ext;
  await p.getByRole('button', { name: 'Pause Acme status' }).click();
  await p.getByText(/^Paused: not polled/).waitFor();
  await u.pollUntil((st) => st?.incidents.length === 0, 'no incident while paused');
  await p.getByRole('button', { name: 'Resume Acme status' }).click();
  await u.pollUntil((st) => st?.incidents.length === 1, 'the incident again');

  await p.getByRole('button', { name: 'Remove Acme status' }).click();
  await p.getByRole('status').getByText('Removed Acme status.').waitFor();
  // Undo has the focus: Enter brings the source back, as it was
  await p.keyboard.press('Enter');
  await p.getByRole('heading', { name: 'Acme status' }).waitFor();
  expect(await axeInBothSchemes(p)).toEqual({ light: [], dark: [] });
  const { sources } = await readStores(p, ['sources']);
  expect(sources).toMatchObject([{ name: 'Acme status', enabled: true }]);

  // without Undo, it is gone once the notice has been up a few seconds
  await p.getByRole('button', { name: 'Remove Acme status' }).click();
  await until(
    'the source to be removed',
    async () => (await readStores(p, ['sources'])).sources.length === 0,
    20_000,
  );
  await p.getByText('No sources yet', { exact: false }).first().waitFor();
});

test('in German: the filters and a source error are in German; no axe violations', async () => {
  server = await startServer();
  // answers, but not as a status feed: saved anyway, knowingly
  server.json('/feed.json', { hello: 'world' });
  s = await launchWithExtension(undefined, { lang: 'de' });
  const page = await ready(s);
  const added = await command(page, 'sources/add', {
    name: 'Intern',
    url: `${server.origin}/feed.json`,
    pollSeconds: 30,
    force: true,
  });
  expect(added).toMatchObject({ ok: true });
  const p = await s.openPage('src/extension/options/index.html#sources');
  await p.getByText(/^Letzter Fehler: die Antwort ist kein Status-Feed/).waitFor();
  expect(await p.locator('main').innerText()).not.toMatch(/is not a status feed/);
  await p.goto(s.url('src/extension/options/index.html#notifications'));
  await p.locator('#section-notifications').getByLabel('Schweregrad', { exact: true }).waitFor();
  await p.getByText('Meine Rolle: wessen Fristen mich benachrichtigen').waitFor();
  expect(await axeInBothSchemes(p)).toEqual({ light: [], dark: [] });
});
