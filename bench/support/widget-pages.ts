/** The widget bench's pages, feed and probes (see bench/widgets.bench.ts). */
import type { Browser, Page } from 'playwright-core';
import { summary } from '../../tests/e2e/extension-ui/feed';
import type { TestServer } from '../../tests/e2e/server';
import { installProbe, type Probe } from './probes';
import { sleep } from './stats';

export type Kind = 'ours' | 'alt';
export const MARKER: Record<Kind, string> = {
  ours: 'Elevated errors on Checkout', // our banner shows the incident's name
  alt: 'Partial System Outage', // theirs shows the page's status description
};

/** The feed, changed by bumping `ver`; ETag/304 for conditional requests; `quiet` = nothing to show. */
export function serveFeed(server: TestServer) {
  const st = { ver: 0 };
  const now = Date.now();
  for (const quiet of [false, true]) {
    server.route(`${quiet ? '/quiet' : ''}/api/v2/summary.json`, (req, res) => {
      const tag = `"v${st.ver}${quiet ? 'q' : ''}"`;
      const h = { etag: tag, 'cache-control': 'no-cache', 'content-type': 'application/json' };
      if (req.headers['if-none-match'] === tag) return void res.writeHead(304, h).end();
      const body = summary(now, [
        { id: `u${st.ver}`, status: 'identified', body: `Update #${st.ver}`, minutesAgo: 5 },
      ]);
      if (quiet) Object.assign(body, { incidents: [], status: { indicator: 'none' } });
      if (st.ver) body.status.description = `Partial System Outage #${st.ver}`;
      res.writeHead(200, h).end(JSON.stringify(body));
    });
  }
  return st;
}

export function page(server: TestServer, kind: Kind, n: number, quiet = false): string {
  const feed = `${quiet ? '/quiet' : ''}/api/v2/summary.json`;
  const el =
    kind === 'ours'
      ? `<incident-banner src="${feed}" poll-interval="15"></incident-banner>`
      : `<statuspage-widget src="${server.origin}"></statuspage-widget>`;
  const script =
    kind === 'ours'
      ? '<script type="module" src="/w/ours.js"></script>'
      : '<script src="/w/alt.js"></script>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${kind}</title>${script}</head>
<body><main><h1>Host app</h1>${el.repeat(n)}<p>Some host content.</p></main></body></html>`;
}

export async function open(
  browser: Browser,
  server: TestServer,
  kind: Kind,
  path: string,
  clock = false,
) {
  const ctx = await browser.newContext(); // fresh cache, storage, locks and channels
  await ctx.addInitScript(installProbe, MARKER[kind]);
  const p = await ctx.newPage();
  if (clock) await p.clock.install();
  await p.goto(server.origin + path);
  return p;
}

export const probe = (p: Page) =>
  p.evaluate(() => (window as unknown as { __bench: Probe }).__bench);
export async function until(p: Page, ok: (b: Probe) => boolean, ms = 10_000): Promise<Probe> {
  for (const end = Date.now() + ms; ; await sleep(10)) {
    const b = await probe(p);
    if (ok(b)) return b;
    if (Date.now() > end) throw new Error('timed out waiting for the banner');
  }
}

export async function heap(p: Page): Promise<number> {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}
