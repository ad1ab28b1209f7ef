import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../browser';
import { startServer, type TestServer } from '../server';
import { summary } from '../extension-ui/feed';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * Real enterprise policy for the extension under test. Chromium on Linux reads mandatory policies
 * from /etc/chromium/policies/managed/*.json at start; a `3rdparty.extensions.<id>` entry there is
 * what `chrome.storage.managed` serves, filtered through the extension's managed_schema.json. No
 * test seam: the extension reads it exactly as it would under an organisation's management.
 *
 * Writing there needs root (CI and the dev machines run as root). The file names only this
 * extension's id, so no other browser or profile on the machine is affected; each test removes
 * its file when done.
 */
export const POLICY_DIR = '/etc/chromium/policies/managed';
const DIST = resolve(import.meta.dirname, '../../../dist/chrome');

/** The id Chromium gives an unpacked extension: SHA-256 of its path, first 32 hex digits as a–p. */
export function unpackedExtensionId(path: string = DIST): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Installs `config` as the organisation's policy for the extension; returns its remover. */
export async function installPolicy(config: unknown): Promise<() => Promise<void>> {
  const id = unpackedExtensionId();
  const file = `${POLICY_DIR}/incident-lens-e2e-${id}.json`;
  await mkdir(POLICY_DIR, { recursive: true });
  await writeFile(file, JSON.stringify({ '3rdparty': { extensions: { [id]: config } } }));
  return () => rm(file, { force: true });
}

/**
 * Makes Chromium re-read its policy files now, as chrome://policy's "Reload policies" button does
 * (the extension then sees storage.managed change).
 */
export async function reloadPolicies(s: { context: BrowserContext }) {
  const page = await s.context.newPage();
  await page.goto('chrome://policy');
  await page.evaluate(() =>
    (globalThis as unknown as { chrome: { send(m: string): void } }).chrome.send('reloadPolicies'),
  );
  await page.close();
}

/**
 * A browser under the organisation's policy `config(server)`, with a loopback Statuspage feed at
 * `/api/v2/summary.json` and the options page open on Sources. What it starts is pushed on
 * `cleanup` (the caller runs it after the test, last first).
 */
export async function startManaged(
  config: (server: TestServer) => unknown,
  cleanup: (() => Promise<void>)[],
): Promise<{ s: ExtensionSession; server: TestServer; options: Page }> {
  const server = await startServer();
  cleanup.push(() => server.close());
  server.route('/api/v2/summary.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(
      JSON.stringify(
        summary(Date.now(), [
          { id: 'u1', status: 'identified', body: 'Rolling back.', minutesAgo: 5 },
        ]),
      ),
    );
  });
  cleanup.push(await installPolicy(config(server)));
  const s = await launchWithExtension();
  cleanup.push(() => s.close());
  if (s.extensionId !== unpackedExtensionId())
    throw new Error(`The extension id ${s.extensionId} is not the one the policy names.`);
  const options = await s.openPage('src/extension/options/index.html#sources');
  return { s, server, options };
}
