// Cumulative layout shift of the banners (issue 17), ours and the alternative
// (@statuspage/status-widget) in the same run: inline, top and bottom, at 1100×700 and 375×667,
// on the first visit and on the next page load (nothing changed in the feed). CLS is the sum of
// the page's layout-shift entries (PerformanceObserver, those without recent input, as Chromium
// reports them), two frames after the banner is on screen. Ours is loaded as its README says for
// a shift-free load (`blocking="render"`); theirs as its README says (a classic script).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser';
import { startServer, type TestServer } from '../tests/e2e/server';
import { MARKER, serveFeed, until, type Kind } from './support/widget-pages';
import { installProbe } from './support/probes';
import type { Row } from './support/stats';

const ALT = 'node_modules/@statuspage/status-widget/dist/index.js';
const G = 'widgets CLS';
const VIEWPORTS = {
  '1100×700': { width: 1100, height: 700 },
  '375×667': { width: 375, height: 667 },
};
const CONTENT = '<p>Some host content, a paragraph long enough to wrap on a phone.</p>'.repeat(10);

function observe(): void {
  const w = window as unknown as { __cls: number; __clsObs: PerformanceObserver };
  w.__cls = 0;
  w.__clsObs = new PerformanceObserver((l) => {
    for (const e of l.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[])
      if (!e.hadRecentInput) w.__cls += e.value;
  });
  w.__clsObs.observe({ type: 'layout-shift', buffered: true });
}

async function cls(p: Page): Promise<number> {
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return p.evaluate(() => {
    const w = window as unknown as { __cls: number; __clsObs: PerformanceObserver };
    for (const e of w.__clsObs.takeRecords() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[])
      if (!e.hadRecentInput) w.__cls += e.value;
    return Math.round(w.__cls * 10000) / 10000;
  });
}

function html(server: TestServer, kind: Kind, position: string): string {
  const el =
    kind === 'ours'
      ? `<incident-banner src="/api/v2/summary.json" position="${position.split(' ')[0]}"></incident-banner>`
      : `<statuspage-widget src="${server.origin}"></statuspage-widget>`;
  const script =
    kind === 'ours'
      ? '<script type="module" blocking="render" src="/w/ours.js"></script>'
      : '<script src="/w/alt.js"></script>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${kind}</title>${script}${position.includes('reserved') ? '<style>incident-banner{--incident-banner-reserve:12rem}</style>' : ''}</head>
<body><header><strong>Host app</strong></header>${el}<main><h1>Dashboard</h1>${CONTENT}</main></body></html>`;
}

/** CLS of the first visit and of the next load, in one fresh context. */
async function measure(
  browser: Browser,
  server: TestServer,
  kind: Kind,
  path: string,
  viewport: { width: number; height: number },
) {
  const ctx = await browser.newContext({ viewport });
  await ctx.addInitScript(installProbe, MARKER[kind]);
  await ctx.addInitScript(observe);
  const p = await ctx.newPage();
  await p.goto(server.origin + path);
  await until(p, (b) => b.painted !== null);
  const first = await cls(p);
  await p.reload();
  await until(p, (b) => b.painted !== null);
  const next = await cls(p);
  await ctx.close();
  return { first, next };
}

export async function run(ctx: { log(m: string): void }): Promise<Row[]> {
  const server = await startServer();
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    for (const [k, file] of [
      ['ours', 'widgets/dist/standalone/incident-widgets.js'],
      ['alt', ALT],
    ] as const) {
      const gz = gzipSync(readFileSync(file), { level: 9 });
      server.route(`/w/${k}.js`, (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'gzip' });
        res.end(gz);
      });
    }
    // our chunks next to the file, as the README says (the feed client loads on demand)
    const dir = 'widgets/dist/standalone';
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.js') && !f.startsWith('incident-')))
      server.route(`/w/${f}`, (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(readFileSync(`${dir}/${f}`));
      });
    serveFeed(server);
    const cases: [Kind, string][] = [
      ['ours', 'inline'],
      ['ours', 'inline reserved'],
      ['ours', 'top'],
      ['ours', 'bottom'],
      ['alt', 'its own'],
    ];
    for (const [vp, viewport] of Object.entries(VIEWPORTS))
      for (const [kind, position] of cases) {
        const path = `/cls/${kind}-${position.replace(' ', '-')}`;
        server.html(path, html(server, kind, position));
        const r = await measure(browser, server, kind, path, viewport);
        ctx.log(`${kind} ${position} ${vp}: first ${r.first}, next ${r.next}`);
        const inline = position.startsWith('inline');
        const goal = kind === 'alt' ? undefined : inline ? '< 0.01' : '0';
        const met = (v: number) => (inline ? v < 0.01 : v === 0);
        const who = kind === 'ours' ? `ours, ${position}` : 'theirs (status-widget)';
        rows.push({
          group: G,
          name: `${who}, ${vp}, next page load (feed unchanged)`,
          value: r.next,
          unit: '',
          ...(goal ? { goal, met: met(r.next) } : {}),
        });
        rows.push({
          group: G,
          name: `${who}, ${vp}, first visit (nothing kept yet${kind === 'ours' && position === 'inline' ? '; reserve space with --incident-banner-reserve for 0' : ''})`,
          value: r.first,
          unit: '',
          ...(goal && position !== 'inline' ? { goal, met: met(r.first) } : {}),
        });
      }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
