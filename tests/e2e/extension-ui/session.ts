import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { OverlayState } from '../../../src/extension/messaging/overlay-state';
import { launchWithExtension, type ExtensionSession } from '../browser';
import { startServer, type TestServer } from '../server';
import { summary, ticketPage } from './feed';
import { untilValue } from '../support/wait';

type Update = { id: string; body: string; minutesAgo: number; status: string };

/** An extension with one localhost source polled and the overlay on for the test server's origin. */
export interface UiSession {
  s: ExtensionSession;
  server: TestServer;
  /** An extension page (options) used to send commands and read storage. */
  ext: Page;
  /** Replaces what the feed serves (the incident started `startedMinutesAgo`, default 40). */
  serve(updates: Update[], opts?: { startedMinutesAgo?: number; maintenance?: boolean }): void;
  /** Sends a command as an extension page does and returns its reply. */
  cmd(name: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }>;
  /** Polls now and waits until the stored projection satisfies `ready`. */
  pollUntil(ready: (st: OverlayState | undefined) => boolean, what: string): Promise<void>;
  close(): Promise<void>;
}

export const FIRST: Update = {
  id: 'u1',
  status: 'identified',
  body: 'We identified a faulty deploy of the payment service and are rolling it back.',
  minutesAgo: 26,
};

/**
 * Starts Chromium with the extension (or the build at `dist`), a feed and a ticket page on
 * 127.0.0.1. `byCommand`: the source is added by command instead of the English options form (for
 * a build in another language).
 */
export async function startUi(dist?: string, { byCommand = false } = {}): Promise<UiSession> {
  const s = await launchWithExtension(dist);
  const server = await startServer();
  let updates: Update[] = [FIRST];
  let feedOpts: { startedMinutesAgo?: number; maintenance?: boolean } = {};
  server.route('/api/v2/summary.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(summary(Date.now(), updates, feedOpts)));
  });
  server.html('/ticket', ticketPage());
  await s.grantHost('http://127.0.0.1/*');
  const ext = await s.openPage('src/extension/options/index.html');
  const cmd: UiSession['cmd'] = (name, payload) =>
    ext.evaluate(([c, p]) => chrome.runtime.sendMessage({ cmd: c, payload: p }), [
      name,
      payload,
    ] as const);
  const session: UiSession = {
    s,
    server,
    ext,
    serve(u, opts = {}) {
      updates = u;
      feedOpts = opts;
    },
    cmd,
    async pollUntil(ready, what) {
      await untilValue(
        `the stored overlay to show ${what}`,
        async () => {
          await cmd('sources/pollNow', {});
          // Read in the page, judge here: extension pages' CSP forbids eval of a predicate string.
          return ext.evaluate(
            async () =>
              (await chrome.storage.session.get('overlay')).overlay as OverlayState | undefined,
          );
        },
        ready,
        { timeout: 20_000, every: 300 },
      );
    },
    async close() {
      await s.close();
      await server.close();
    },
  };
  if (byCommand) {
    // As the form does: the origin permission, asked in the page (Playwright's evaluate counts as
    // a user gesture; grantHost pre-approved it, so it resolves at once).
    await ext.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { permissions: { request(p: { origins: string[] }): Promise<boolean> } };
        }
      ).chrome.permissions.request({ origins: ['http://127.0.0.1/*'] }),
    );
    const r = await cmd('sources/add', {
      name: 'Acme status',
      url: `${server.origin}/api/v2/summary.json`,
      pollSeconds: 30,
    });
    if (!r.ok) throw new Error(r.error);
    return session;
  }
  // Add the source through the options form: its submit calls permissions.request in the click,
  // which resolves at once because grantHost pre-approved the origin (docs/toolchain.md).
  await ext.getByLabel('Name').fill('Acme status');
  await ext.getByLabel(/^Feed URL/).fill(`${server.origin}/api/v2/summary.json`);
  await ext.getByLabel(/^Poll every/).fill('30');
  await ext.getByRole('button', { name: 'Add a source' }).click();
  await ext.getByRole('heading', { name: 'Acme status' }).waitFor();
  return session;
}

/** The origins the overlay's content script is registered for now. */
export function registeredOrigins(u: UiSession): Promise<string[]> {
  return u.s.worker.evaluate(async () =>
    (
      await (
        globalThis as unknown as {
          chrome: {
            scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
          };
        }
      ).chrome.scripting.getRegisteredContentScripts()
    ).flatMap((r) => r.matches ?? []),
  );
}

/**
 * A copy of the built extension whose only catalogue is `lang`'s (`de`): Debian's Chromium ships
 * no other UI language than en-US, so this is how a test sees the overlay in German. Times stay
 * formatted for the browser's locale.
 */
export async function buildInLanguage(lang: string): Promise<string> {
  const src = resolve(import.meta.dirname, '../../../dist/chrome');
  const dir = await mkdtemp(join(tmpdir(), `lens-${lang}-`));
  await cp(src, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as object;
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({ ...manifest, default_locale: lang }, null, 2),
  );
  for (const l of await readdir(join(dir, '_locales')))
    if (l !== lang) await rm(join(dir, '_locales', l), { recursive: true });
  return dir;
}

/** Turns the overlay on for the test server's origin the way a user does, in the options page. */
export async function enableSiteFromOptions(u: UiSession): Promise<void> {
  await u.ext.goto(u.s.url('src/extension/options/index.html#sites'));
  await u.ext.getByLabel('Add a site').fill(u.server.origin);
  await u.ext.getByRole('button', { name: 'Add and turn on' }).click();
  await u.ext.getByRole('button', { name: `Turn off for ${u.server.origin}` }).waitFor();
}

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
};
