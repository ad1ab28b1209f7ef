import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Worker,
} from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

/** A plain headless Chromium, for widget pages. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The live service worker handle (re-fetch with `serviceWorker()` after a stop). */
  worker: Worker;
  /** `chrome-extension://<id>/<path>` */
  url(path: string): string;
  /** Opens an extension page (popup/options/sidepanel) in a tab. */
  openPage(path: string): Promise<Page>;
  /** Grants host access for an origin pattern the way a user would accept the prompt. */
  grantHost(pattern: string): Promise<void>;
  /** Stops the service worker through CDP, as Chrome does when it goes idle. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

const DIST = resolve(import.meta.dirname, '../../dist/chrome');

/**
 * Launches Chromium with the built MV3 extension (dist/chrome, or a variant of it built at `dist`:
 * the bench's empty-content-script baseline) loaded, in a fresh profile.
 */
export async function launchWithExtension(
  dist: string = DIST,
  /** The browser's UI language (the extension's `_locales` follow it), e.g. `de`. */
  options: { lang?: string } = {},
): Promise<ExtensionSession> {
  const dir = await mkdtemp(join(tmpdir(), 'lens-e2e-'));
  const lang = options.lang ? [`--lang=${options.lang}`] : [];
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      ...lang,
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
    ],
    ...(options.lang
      ? { env: { ...process.env, LANGUAGE: options.lang }, locale: options.lang }
      : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const url = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  return {
    context,
    extensionId,
    worker,
    url,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(url(path));
      return page;
    },
    async grantHost(pattern) {
      const m = await context.newPage();
      await m.goto('chrome://extensions/');
      await m.evaluate(
        ([id, o]) =>
          (
            globalThis as unknown as {
              chrome: {
                developerPrivate: { addHostPermission(id: string, o: string): Promise<void> };
              };
            }
          ).chrome.developerPrivate.addHostPermission(id!, o!),
        [extensionId, pattern],
      );
      await m.close();
    },
    async stopWorker() {
      const b = await context.browser()?.newBrowserCDPSession();
      if (!b) throw new Error('no CDP session');
      const { targetInfos } = (await b.send('Target.getTargets')) as {
        targetInfos: { type: string; url: string; targetId: string }[];
      };
      const t = targetInfos.find(
        (x) =>
          x.type === 'service_worker' && x.url.startsWith(`chrome-extension://${extensionId}/`),
      );
      if (t) await b.send('Target.closeTarget', { targetId: t.targetId });
      await b.detach();
    },
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs axe-core (from node_modules) on a page and returns its violations. */
export async function axe(
  page: Page,
  options: { include?: string; rules?: Record<string, { enabled: boolean }> } = {},
): Promise<{ id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[]> {
  const source = await import('node:fs/promises').then((fs) =>
    fs.readFile(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8'),
  );
  await page.evaluate(source);
  return page.evaluate(async (opts) => {
    const a = (
      globalThis as unknown as {
        axe: { run(c: unknown, o: unknown): Promise<{ violations: never[] }> };
      }
    ).axe;
    const r = await a.run(opts.include ? { include: [opts.include] } : document, {
      rules: opts.rules ?? {},
      resultTypes: ['violations'],
    });
    return r.violations.map(
      (v: { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }),
    );
  }, options);
}

/**
 * axe-core on the page as it stands, in the light and then the dark colour scheme (it leaves the
 * light one on): each scheme's violations, so a test asserts `{ light: [], dark: [] }`.
 */
export async function axeInBothSchemes(
  page: Page,
): Promise<Record<'light' | 'dark', Awaited<ReturnType<typeof axe>>>> {
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await axe(page);
  await page.emulateMedia({ colorScheme: 'light' });
  return { light: await axe(page), dark };
}
