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
  /** Replaces what the feed serves. */
  serve(updates: Update[]): void;
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

/** Starts Chromium with the extension (or the build at `dist`), a feed and a ticket page on 127.0.0.1. */
export async function startUi(dist?: string): Promise<UiSession> {
  const s = await launchWithExtension(dist);
  const server = await startServer();
  let updates: Update[] = [FIRST];
  server.route('/api/v2/summary.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(summary(Date.now(), updates)));
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
    serve: (u) => void (updates = u),
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
