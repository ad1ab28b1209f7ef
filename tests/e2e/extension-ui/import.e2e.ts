// Issue 19, item 5, in real Chromium on a fresh profile: an import shows what it would change and
// asks "merge or replace"; it offers the host access the imported sources need (a fresh profile has
// none, and its sources failed with "Failed to fetch"); a refusal says "nothing was changed" once.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, STORES } from '../../../src/extension/db/backup';
import { axe, launchWithExtension, type ExtensionSession } from '../browser';
import { startServer, type TestServer } from '../server';
import { summary } from './feed';

let s: ExtensionSession;
let server: TestServer;
let p: Page;

/** A backup from another browser: one source on this loopback server, nothing else. */
function backup(): string {
  const stores = Object.fromEntries(STORES.map((k) => [k, [] as unknown[]]));
  stores.sources = [
    {
      id: 'src-imported',
      name: 'Imported status',
      url: `${server.origin}/api/v2/summary.json`,
      pollSeconds: 60,
      enabled: true,
      createdAt: Date.now() - 86_400_000,
      failures: 0,
      nextPollAt: Date.now(),
    },
  ];
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: 1, stores });
}

async function choose(name: string, text: string): Promise<void> {
  await p.getByLabel('Import a backup file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

beforeAll(async () => {
  s = await launchWithExtension(); // a fresh profile: no host access granted
  server = await startServer();
  server.route('/api/v2/summary.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        summary(Date.now(), [{ id: 'u1', status: 'identified', body: 'x', minutesAgo: 5 }]),
      ),
    );
  });
  p = await s.openPage('src/extension/options/index.html#data');
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});

test('a refused file says "nothing was changed" once, with the reason', async () => {
  await choose('broken.json', '{"format":"incident-lens-backup","version":1,"stores":{');
  const status = p.locator('p[role=status]');
  await expect.poll(() => status.textContent()).toMatch(/^Import refused, nothing was changed:/);
  const text = (await status.textContent()) ?? '';
  // before: "Import refused, nothing was changed: Import refused, nothing was changed. …"
  expect(text.match(/nothing was changed/g)).toHaveLength(1);
  expect(text).toContain('not JSON');
});

test('import asks merge or replace, shows what changes, then offers the host access it needs', async () => {
  await choose('backup.json', backup());
  const preview = p.getByRole('region', { name: 'What this backup would change' });
  await preview.waitFor();
  expect(await preview.textContent()).toContain('Sources in the file: 1 (Imported status)');
  expect(await axe(p), 'the preview').toEqual([]);
  // nothing is written before the choice
  await p.goto(s.url('src/extension/options/index.html#sources'));
  expect(await p.getByRole('heading', { name: 'Imported status' }).count()).toBe(0);
  await p.goto(s.url('src/extension/options/index.html#data'));
  await choose('backup.json', backup());
  await p.getByRole('button', { name: 'Merge into my data' }).click();
  await p.getByText(/^Imported: sources: 1/).waitFor();
  // the fresh profile lacks access to the imported source's site: offered, with the pattern
  const offer = p.getByText(/Access to 1 site is missing/);
  await offer.waitFor();
  expect(await p.getByText(`${server.origin}/*`).count()).toBe(1);
  expect(await p.getByRole('button', { name: 'Grant access' }).isVisible()).toBe(true);
  expect(await axe(p), 'the offer').toEqual([]);
  // The browser's own prompt cannot be clicked headless: a pre-approval through
  // chrome://extensions stands in for "Allow" (docs/toolchain.md), then the agent clicks the offer.
  await s.grantHost(`${server.origin}/*`);
  await p.getByRole('button', { name: 'Grant access' }).click();
  await expect.poll(() => offer.count(), { timeout: 10_000 }).toBe(0);
  await p.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      }
    ).chrome.runtime.sendMessage({ cmd: 'sources/pollNow', payload: {} }),
  );
  await p.goto(s.url('src/extension/options/index.html#sources'));
  await p.getByRole('heading', { name: 'Imported status' }).waitFor();
  await p.getByText('Last poll succeeded.').waitFor();
});
