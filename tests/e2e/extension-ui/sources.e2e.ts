// Issue 19, items 3 and 4, in real Chromium against loopback feed servers: a broken source is
// refused at save with the reason (and may be saved anyway, knowingly); the same feed URL cannot be
// added twice.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { axe, launchWithExtension, type ExtensionSession } from '../browser';
import { startServer, type TestServer } from '../server';
import { summary } from './feed';

let s: ExtensionSession;
let server: TestServer;
let ext: Page;

beforeAll(async () => {
  s = await launchWithExtension();
  server = await startServer();
  server.route('/ok/api/v2/summary.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        summary(Date.now(), [{ id: 'u1', status: 'identified', body: 'x', minutesAgo: 5 }]),
      ),
    );
  });
  server.route('/404.json', (_req, res) => void res.writeHead(404).end('not found'));
  server.html('/html.json', '<!doctype html><title>Sign in</title><p>Please sign in</p>');
  server.route('/500.json', (_req, res) => void res.writeHead(500).end('boom'));
  server.json('/shape.json', { hello: 'world', items: [1, 2, 3] });
  await s.grantHost('http://127.0.0.1/*');
  ext = await s.openPage('src/extension/options/index.html');
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});
beforeEach(async () => {
  await ext.goto(s.url('src/extension/options/index.html#sources'));
});

async function add(name: string, path: string): Promise<void> {
  const form = ext.getByRole('form', { name: 'Add a source' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel(/^Feed URL/).fill(`${server.origin}${path}`);
  await form.getByLabel(/^Poll every/).fill('60');
  await form.getByRole('button', { name: 'Add a source' }).click();
}

test.each([
  ['/404.json', 'the server answered HTTP 404'],
  ['/html.json', 'the answer is not'], // not JSON, or (read as a page) not a status feed
  ['/500.json', 'the server answered HTTP 500'],
  ['/shape.json', 'the answer is not a status feed'],
])('%s is refused at save with the reason, and nothing is stored', async (path, reason) => {
  const name = `Broken ${path}`;
  await add(name, path);
  const error = ext.locator('.source-form .error');
  await expect.poll(() => error.textContent()).toContain(reason);
  expect(await error.textContent()).toMatch(/^Not saved: this address does not answer/);
  expect(await ext.getByRole('heading', { name }).count()).toBe(0);
  expect(await ext.getByRole('button', { name: 'Save anyway' }).isVisible()).toBe(true);
});

test('"Save anyway" stores a broken source knowingly', async () => {
  await add('Later feed', '/404.json?later');
  await ext.getByRole('button', { name: 'Save anyway' }).click();
  await ext.getByRole('heading', { name: 'Later feed' }).waitFor();
  expect(await ext.locator('.sources .error').first().textContent()).toContain('HTTP 404');
});

test('the same feed URL cannot be added twice, however it is written', async () => {
  await add('Acme', '/ok/api/v2/summary.json');
  await ext.getByRole('heading', { name: 'Acme' }).waitFor();
  await add('Acme again', '/ok/api/v2/summary.json/#top');
  const error = ext.locator('.source-form .error');
  await expect.poll(() => error.textContent()).toContain('already a source (“Acme”)');
  expect(await ext.getByRole('button', { name: 'Save anyway' }).count()).toBe(0);
  expect(await ext.getByRole('heading', { name: 'Acme again' }).count()).toBe(0);
  expect(await axe(ext), 'the refusal').toEqual([]);
});
