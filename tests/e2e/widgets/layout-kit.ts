/**
 * Layout shift, measured the way the e2e tests and `npm run bench` both do it (one source): the
 * viewports, a PerformanceObserver for `layout-shift` entries installed before the page's scripts,
 * CLS read two frames later, a feed answer the test holds and releases, and the React app page
 * (tests/e2e/widgets/react-app) built with Vite; static folders served (the React app, the
 * package e2e's app).
 */
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestServer } from '../server';

export const DESKTOP = { width: 1100, height: 700 };
export const PHONE = { width: 375, height: 667 };
export const VIEWPORTS = { '1100×700': DESKTOP, '375×667': PHONE } as const;

interface Shift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}
interface ClsWindow {
  cls: number;
  /** The shifts CLS leaves out: those within 500 ms of a click or key. */
  clsAfterInput: number;
  clsObs: PerformanceObserver;
}

/**
 * An init script (`context.addInitScript(observeCls)`): sums the page's layout-shift entries into
 * `window.cls` (those without recent input, as CLS counts them) and `window.clsAfterInput`.
 */
export function observeCls(): void {
  const w = window as unknown as ClsWindow;
  w.cls = w.clsAfterInput = 0;
  w.clsObs = new PerformanceObserver((l) => {
    for (const e of l.getEntries() as Shift[])
      if (e.hadRecentInput) w.clsAfterInput += e.value;
      else w.cls += e.value;
  });
  w.clsObs.observe({ type: 'layout-shift', buffered: true });
}

/** The same observer as a `<script>` for a page's head (pages opened without an init script). */
export const OBSERVE_SCRIPT = `<script>(${observeCls.toString()})()</script>`;

/** Opens a context with the observer installed. */
export async function withCls(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript(observeCls);
  return context;
}

/** Two frames later, with pending records taken: the CLS so far and the shifts left out. */
export async function cls(p: Page): Promise<{ cls: number; afterInput: number }> {
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return p.evaluate(() => {
    const w = window as unknown as ClsWindow;
    for (const e of w.clsObs.takeRecords() as Shift[])
      if (e.hadRecentInput) w.clsAfterInput += e.value;
      else w.cls += e.value;
    const r = (v: number) => Math.round(v * 10000) / 10000;
    return { cls: r(w.cls), afterInput: r(w.clsAfterInput) };
  });
}

/** The reader clicks the page: its right edge, mid-height (wherever a floating banner lies). */
export async function clickPage(p: Page): Promise<void> {
  const { width, height } = p.viewportSize()!;
  await p.mouse.click(width - 3, height / 2);
}

export const resetCls = (p: Page) =>
  p.evaluate(() => {
    const w = window as unknown as ClsWindow;
    w.cls = w.clsAfterInput = 0;
  });

/**
 * A response the test holds: `requested` resolves when the request arrives, `release()` lets the
 * answer go (a network that answers when the test says, not after a sleep).
 */
export function held() {
  let arrived!: () => void;
  let release!: () => void;
  const requested = new Promise<void>((r) => (arrived = r));
  const gate = new Promise<void>((r) => (release = r));
  /** Waits for the release, then sends. */
  const hold = async (send: () => void) => {
    arrived();
    await gate;
    send();
  };
  return { requested, release, hold };
}

/** Serves a JSON feed at `path`, its answer held until released (see `held`). */
export function heldFeed(server: TestServer, path: string, body: () => unknown) {
  const h = held();
  server.route(path, (_q, res: ServerResponse) =>
    h.hold(() => {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=60' });
      res.end(JSON.stringify(body()));
    }),
  );
  return h;
}

/**
 * Builds the React app page (tests/e2e/widgets/react-app: React 19 from the repo's
 * devDependencies, the widgets through their package entry `@incident-lens/widgets/define`, so
 * `npm run build:widgets` first) with Vite into a temporary folder; returns the folder. The app
 * reads its feed URL from `?feed=`.
 */
export async function buildReactApp(): Promise<string> {
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  const outDir = mkdtempSync(join(tmpdir(), 'il-react-app-'));
  await build({
    configFile: false,
    root: resolve(import.meta.dirname, 'react-app'),
    base: '/react-app/',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Serves every file under `dir` at `prefix` + its path, and index.html at `prefix` itself. */
export function serveDir(server: TestServer, prefix: string, dir: string): void {
  const send = (file: string) => (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  };
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    if (statSync(join(dir, rel)).isFile()) server.route(prefix + rel, send(join(dir, rel)));
  server.route(prefix, send(join(dir, 'index.html')));
}
