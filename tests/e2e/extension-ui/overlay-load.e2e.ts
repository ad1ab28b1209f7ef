// Issue 22, the overlay on load: what is injected on every load of an enabled site is only a small
// loader; the overlay module is fetched and evaluated after the page's `load`, and still appears
// when `load` never comes or the extension was reloaded.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closedRoot } from './closed-root';
import { ticketPage } from './feed';
import { enableSiteFromOptions, startUi, type UiSession } from './session';
import { until } from '../support/wait';

const LOADER = '/src/extension/content.iife.js';
const MODULE = '/assets/overlay.js';

let u: UiSession;
const gates: (() => void)[] = [];
const pages: Page[] = [];

beforeAll(async () => {
  u = await startUi();
  await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
  await enableSiteFromOptions(u);
});
afterEach(async () => {
  for (const open of gates.splice(0)) open();
  for (const p of pages.splice(0)) await p.close();
});
afterAll(() => u?.close());

/**
 * A ticket page whose one image is held by the server until `release()`, so `load` waits for the
 * test. Each call gets its own path: no test shares a gate with another.
 */
function heldPage(): { path: string; release: () => void } {
  const id = Math.random().toString(36).slice(2);
  let release!: () => void;
  const released = new Promise<void>((ok) => (release = ok));
  gates.push(release);
  u.server.route(`/held-${id}.svg`, async (_req, res) => {
    await released;
    res.writeHead(200, { 'content-type': 'image/svg+xml' });
    res.end('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
  });
  const html = ticketPage().replace('</main>', `<img src="/held-${id}.svg" alt=""></main>`);
  u.server.html(`/held-${id}`, html);
  return { path: `/held-${id}`, release };
}

interface Trace {
  /** Scripts the page's renderer parsed (every world), in order: URL and length in characters. */
  parsed: { url: string; length: number }[];
  /** URLs the page requested, in order. */
  requested: string[];
}

/** Opens a tab that records, through CDP, every script parsed and every request made in it. */
async function tracedPage(): Promise<{ page: Page; trace: Trace; cdp: CDPSession }> {
  const page = await u.s.context.newPage();
  pages.push(page);
  const cdp = await u.s.context.newCDPSession(page);
  const trace: Trace = { parsed: [], requested: [] };
  cdp.on('Debugger.scriptParsed', (e) => trace.parsed.push({ url: e.url, length: e.length ?? 0 }));
  cdp.on('Network.requestWillBeSent', (e) => trace.requested.push(e.request.url));
  await cdp.send('Debugger.enable');
  await cdp.send('Network.enable');
  return { page, trace, cdp };
}

const extensionScripts = (t: Trace) =>
  t.parsed.filter((s) => s.url.startsWith('chrome-extension:'));
const readyState = (page: Page) => page.evaluate(() => document.readyState);

test('before load only the small loader runs; the overlay module is fetched and evaluated after load, and the pill appears', async () => {
  const { page, trace } = await tracedPage();
  const held = heldPage();
  await page.goto(`${u.server.origin}${held.path}`, { waitUntil: 'domcontentloaded' });
  await until('the loader to be injected', () =>
    extensionScripts(trace).some((s) => s.url.endsWith(LOADER)),
  );
  expect(await readyState(page)).not.toBe('complete');
  // While the page is still loading: no overlay code parsed, fetched or mounted.
  const before = extensionScripts(trace);
  expect(before.map((s) => new URL(s.url).pathname)).toEqual([LOADER]);
  expect(before[0]!.length).toBeLessThan(4096);
  expect(trace.requested.filter((r) => r.endsWith(MODULE))).toEqual([]);
  const root = await closedRoot(page);
  expect(await root.exists('.pill')).toBe(false);

  held.release();
  await until('the page load', async () => (await readyState(page)) === 'complete');
  await until('the pill', () => root.exists('.pill'));
  expect(extensionScripts(trace).some((s) => s.url.endsWith(MODULE))).toBe(true);
  // Chrome: the module was imported at the per-session dynamic URL, never the fixed id's.
  const fetched = trace.requested.find((r) => r.endsWith(MODULE))!;
  expect(new URL(fetched).host).not.toBe(u.s.extensionId);
  // and the page's own resource timing does not list it (the page cannot read the dynamic URL there)
  const seen = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => e.name),
  );
  expect(seen.filter((n) => !n.startsWith('http'))).toEqual([]);
});

/** What reached the worker from web pages: each message and port, with the worker's clock. */
interface Reached {
  kind: 'message' | 'port';
  url: string;
  at: number;
}

/**
 * Records in the running worker every message and port that comes from a tab, beside the
 * extension's own listeners (a listener that returns nothing answers nothing).
 */
function recordWorker(): Promise<void> {
  return u.s.worker.evaluate(() => {
    type Sender = { tab?: unknown; url?: string };
    const g = globalThis as unknown as {
      __reached?: Reached[];
      chrome: {
        runtime: {
          onMessage: { addListener(f: (m: unknown, s: Sender) => undefined): void };
          onConnect: { addListener(f: (p: { sender?: Sender }) => void): void };
        };
      };
    };
    if (g.__reached) return;
    const reached: Reached[] = (g.__reached = []);
    g.chrome.runtime.onMessage.addListener((_m, sender) => {
      if (sender.tab) reached.push({ kind: 'message', url: sender.url ?? '', at: Date.now() });
      return undefined;
    });
    g.chrome.runtime.onConnect.addListener((port) => {
      if (port.sender?.tab)
        reached.push({ kind: 'port', url: port.sender.url ?? '', at: Date.now() });
    });
  });
}
const reachedWorker = (path: string) =>
  u.s.worker.evaluate(
    (p) =>
      ((globalThis as unknown as { __reached?: Reached[] }).__reached ?? []).filter((r) =>
        r.url.includes(p),
      ),
    path,
  );

test('the overlay is registered as the loader alone: top frame, document_idle, no CSS, no fallback to opaque origins', async () => {
  const scripts = await u.s.worker.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
      }
    ).chrome.scripting.getRegisteredContentScripts(),
  );
  expect(scripts).toEqual([
    expect.objectContaining({
      matches: [`${u.server.origin}/*`],
      js: [LOADER.slice(1)],
      runAt: 'document_idle',
      allFrames: false,
      matchOriginAsFallback: false,
    }),
  ]);
  expect(scripts[0]).not.toHaveProperty('css');
});

test('nothing reaches the worker from an enabled page before its load event; the pill follows load', async () => {
  await recordWorker();
  const { page, trace } = await tracedPage();
  const held = heldPage();
  await page.goto(`${u.server.origin}${held.path}`, { waitUntil: 'domcontentloaded' });
  await until('the loader to be injected', () =>
    extensionScripts(trace).some((s) => s.url.endsWith(LOADER)),
  );
  // Give an eager loader every chance while load is held: the page goes idle twice, and the worker
  // answers an extension page's message (so anything sent before is delivered).
  for (let i = 0; i < 2; i++)
    await page.evaluate(() => new Promise((ok) => requestIdleCallback(ok, { timeout: 2_000 })));
  expect((await u.cmd('overlay/get', null)).ok).toBe(true);
  expect(await readyState(page)).not.toBe('complete');
  expect(await reachedWorker(held.path)).toEqual([]);

  held.release();
  const root = await closedRoot(page);
  await until('the pill', () => root.exists('.pill'));
  // Each message and port from the page reached the worker after the page's load event began.
  const loadStart = await page.evaluate(
    () =>
      performance.timeOrigin +
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
  );
  const reached = await reachedWorker(held.path);
  expect(reached.length).toBeGreaterThan(0);
  // (1 ms: the page's clock is fractional, the worker's Date.now() whole milliseconds)
  for (const r of reached) expect(r.at).toBeGreaterThanOrEqual(Math.floor(loadStart) - 1);
});

/**
 * The event listeners the extension's content scripts hold on the page's window and document:
 * CDP DOMDebugger lists those of the world the object was read in, so it is read in the
 * extension's isolated world (Runtime reports each world's context on enable).
 */
async function extensionListeners(cdp: CDPSession): Promise<string[]> {
  const worlds: number[] = [];
  const onContext = (e: {
    context: { id: number; origin: string; auxData?: { type?: string } };
  }) => {
    if (e.context.auxData?.type === 'isolated' && e.context.origin.startsWith('chrome-extension:'))
      worlds.push(e.context.id);
  };
  cdp.on('Runtime.executionContextCreated', onContext);
  await cdp.send('Runtime.enable');
  cdp.off('Runtime.executionContextCreated', onContext);
  expect(worlds).toHaveLength(1);
  const types: string[] = [];
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: worlds[0]! });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId!,
    });
    types.push(...listeners.map((l) => `${expression}:${l.type}`));
  }
  return types;
}

test('nothing of the extension runs in the page’s load event: the loader waits for pageshow, which follows loadEventEnd', async () => {
  const { page, trace, cdp } = await tracedPage();
  const held = heldPage();
  await page.goto(`${u.server.origin}${held.path}`, { waitUntil: 'domcontentloaded' });
  await until('the loader to be injected', () =>
    extensionScripts(trace).some((s) => s.url.endsWith(LOADER)),
  );
  expect(await readyState(page)).not.toBe('complete');
  // A listener for load (or readystatechange) would run inside the timed load event; pageshow is
  // dispatched after loadEventEnd is recorded.
  expect(await extensionListeners(cdp)).toEqual(['window:pageshow']);
  held.release();
  const root = await closedRoot(page);
  await until('the pill', () => root.exists('.pill'));
});

test('a page that never finishes loading still gets the overlay', async () => {
  const { page } = await tracedPage();
  const held = heldPage(); // never released during the test
  await page.goto(`${u.server.origin}${held.path}`, { waitUntil: 'domcontentloaded' });
  const root = await closedRoot(page);
  await until('the pill', () => root.exists('.pill'));
  expect(await readyState(page)).not.toBe('complete');
});

test('after the extension is reloaded, a reloaded page gets the overlay again, once', async () => {
  const { page, trace } = await tracedPage();
  await page.goto(`${u.server.origin}/ticket`);
  const root = await closedRoot(page);
  await until('the pill', () => root.exists('.pill'));
  const firstHost = new URL(trace.requested.find((r) => r.endsWith(MODULE))!).host;

  // Reloaded as a developer does, in chrome://extensions with developer mode on (without it,
  // Chromium disables a reloaded unpacked extension: "unsupportedDeveloperExtension").
  const m = await u.s.context.newPage();
  await m.goto('chrome://extensions/');
  await m.evaluate(async (id) => {
    const dev = (
      globalThis as unknown as {
        chrome: {
          developerPrivate: {
            updateProfileConfiguration(c: { inDeveloperMode: boolean }): Promise<void>;
            reload(id: string, o: { failQuietly: boolean }): Promise<void>;
          };
        };
      }
    ).chrome.developerPrivate;
    await dev.updateProfileConfiguration({ inDeveloperMode: true });
    await dev.reload(id, { failQuietly: true });
  }, u.s.extensionId);
  await m.close();
  // The reloaded extension registers the overlay again (onInstalled); read it from a new page.
  let ext: Page | undefined;
  await until('the reloaded extension to register the overlay again', async () => {
    try {
      ext ??= await u.s.openPage('src/extension/options/index.html');
      const n = await ext.evaluate(
        async () =>
          (
            await (
              globalThis as unknown as {
                chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
              }
            ).chrome.scripting.getRegisteredContentScripts()
          ).length,
      );
      return n > 0;
    } catch {
      // the page opened while the extension was still reloading
      await ext?.close().catch(() => undefined);
      ext = undefined;
      return false;
    }
  });
  u.ext = ext!;
  trace.requested.length = 0;
  await page.reload();
  await until('the pill after the reload', () => root.exists('.pill'));
  const hosts = await page.evaluate(
    () => document.querySelectorAll('div[data-incident-lens]').length,
  );
  expect(hosts).toBe(1);
  // A new extension session: a new dynamic URL.
  const secondHost = new URL(trace.requested.find((r) => r.endsWith(MODULE))!).host;
  expect(secondHost).not.toBe(firstHost);
});
