// Cumulative layout shift of the banners (issue 17) at 1100×700 and 375×667, measured the way the
// e2e tests measure it (tests/e2e/widgets/layout-kit.ts: a PerformanceObserver for layout-shift
// entries; CLS leaves out those within 500 ms of a click or key). Each case is measured three
// times in one fresh context: the first visit (nothing kept: the feed answers after the banner's
// first render, so it appears mid-visit), the reader's first click, the next page load (the
// kept feed at first paint), then its going away with no input (the app pushes a feed with nothing
// open); then, after another load, its turning to "Resolved" with no input (the same feed pushed,
// the banner's default resolved-for).
// In the same run, each case's alternative: the same banner taking its room at once when it
// appears and giving it back at once when it goes (the behaviour before issue 17; here a script's
// click, which CLS does not count as input, docks it at once), and laying out its Resolved view at
// once (without the held label and lines; inline it also gives back the box's held size). Fixed banners pad the page as the README shows. And a third party for
// reference: @statuspage/status-widget, loaded as its README says.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser';
import { startServer, type TestServer } from '../tests/e2e/server';
import {
  VIEWPORTS,
  buildReactApp,
  clickPage,
  cls,
  serveDir,
  withCls,
} from '../tests/e2e/widgets/layout-kit';
import { MARKER, serveFeed, until, type Kind } from './support/widget-pages';
import { installProbe } from './support/probes';
import type { Row } from './support/stats';

/** CLS is not a timing: one run, no CPU burner. */
export const loaded = false;

const ALT = 'node_modules/@statuspage/status-widget/dist/index.js';
const G = 'widgets CLS';
const CONTENT = '<p>Some host content, a paragraph long enough to wrap on a phone.</p>'.repeat(10);
/** The README's recipe for fixed banners: pad the page, keep the sticky header below the banner. */
const PAD =
  '<style>body{padding-block:var(--incident-banner-block-size-top,0) var(--incident-banner-block-size-bottom,0)} header{position:sticky;top:var(--incident-banner-block-size-top,0);background:#fff}</style>';

type Case = 'inline' | 'inline reserved' | 'top' | 'bottom' | 'React app' | 'status-widget';

function html(server: TestServer, c: Case): string {
  const ours = c !== 'status-widget';
  const position = c.split(' ')[0];
  const el = ours
    ? `<incident-banner src="/api/v2/summary.json" position="${position}"></incident-banner>`
    : `<statuspage-widget src="${server.origin}"></statuspage-widget>`;
  const script = ours
    ? '<script type="module" blocking="render" src="/w/ours.js"></script>'
    : '<script src="/w/alt.js"></script>';
  const style =
    c === 'inline reserved'
      ? '<style>incident-banner{--incident-banner-reserve:12rem}</style>'
      : c === 'top' || c === 'bottom'
        ? PAD
        : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${c}</title>${script}${style}</head>
<body><header><strong>Host app</strong></header>${el}<main><h1>Dashboard</h1>${CONTENT}</main></body></html>`;
}

/** First visit, the first click and the next load, in one fresh context. */
async function measure(
  browser: Browser,
  url: string,
  kind: Kind,
  viewport: { width: number; height: number },
  atOnce: boolean,
) {
  const ctx = await withCls(await browser.newContext({ viewport }));
  await ctx.addInitScript(installProbe, MARKER[kind]);
  const p = await ctx.newPage();
  await p.goto(url);
  await until(p, (b) => b.painted !== null);
  // the alternative: a script's click (not input, for CLS) docks the banner as soon as it shows
  if (atOnce) await p.evaluate(() => dispatchEvent(new MouseEvent('click')));
  const first = await cls(p);
  await clickPage(p);
  const clicked = await cls(p);
  await p.reload();
  await until(p, (b) => b.painted !== null);
  const next = await cls(p);
  // It goes away (the app pushes a feed with nothing open; resolved-for 0, so at once), with no
  // input: ours keeps its room until the reader's next click or key; the alternative collapses.
  let away: number | undefined;
  if (kind === 'ours') {
    await p.evaluate(async (collapse) => {
      const el = document.querySelector('incident-banner') as HTMLElement & {
        resolvedFor: number;
        data: unknown;
        updateComplete: Promise<boolean>;
      };
      el.resolvedFor = 0;
      el.data = {
        page: {},
        indicator: 'none',
        description: '',
        components: [],
        incidents: [],
        maintenances: [],
      };
      await el.updateComplete;
      if (collapse) dispatchEvent(new MouseEvent('click'));
      await el.updateComplete;
    }, atOnce);
    away = (await cls(p)).cls - next.cls;
  }
  // It turns to "Resolved" (the feed no longer lists the incident it showed), with no input, on a
  // page loaded with the kept feed: ours holds what the reader saw in place until the next click or
  // key; the alternative lays the Resolved view out at once.
  let resolve: number | undefined;
  if (kind === 'ours') {
    await p.reload();
    await until(p, (b) => b.painted !== null);
    // (its fade-in done: Chromium does not count a shift of what is not yet fully shown)
    await p.evaluate(() =>
      Promise.all(
        document
          .querySelector('incident-banner')!
          .shadowRoot!.getAnimations()
          .map((a) => a.finished),
      ),
    );
    const before = (await cls(p)).cls;
    const said = await p.evaluate(async (collapse) => {
      const el = document.querySelector('incident-banner') as HTMLElement & {
        data: unknown;
        updateComplete: Promise<boolean>;
      };
      el.data = {
        page: {},
        indicator: 'none',
        description: '',
        components: [],
        incidents: [],
        maintenances: [],
      };
      await el.updateComplete;
      if (collapse) dispatchEvent(new MouseEvent('click'));
      await el.updateComplete;
      return el.shadowRoot!.querySelector('[part=severity]')?.textContent;
    }, atOnce);
    if (said !== 'Resolved') throw new Error(`the banner says ${said}, not Resolved`);
    resolve = (await cls(p)).cls - before;
  }
  await ctx.close();
  return {
    first: first.cls,
    click: clicked.cls - first.cls,
    leftOut: clicked.afterInput,
    next: next.cls,
    away,
    resolve,
  };
}

export async function run(ctx: { log(m: string): void }): Promise<Row[]> {
  const [server, browser, app] = await Promise.all([
    startServer(),
    launchBrowser(),
    buildReactApp(),
  ]);
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
    for (const f of readdirSync(dir).filter(
      (f) => f.endsWith('.js') && !/^incident-widgets\.(iife\.)?js$/.test(f),
    ))
      server.route(`/w/${f}`, (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(readFileSync(`${dir}/${f}`));
      });
    serveFeed(server);
    serveDir(server, '/react-app/', app);
    const cases: Case[] = ['inline', 'inline reserved', 'top', 'bottom', 'React app'];
    for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
      for (const c of [...cases, 'status-widget' as const]) {
        const path = c === 'React app' ? '/react-app/' : `/cls/${c.replace(' ', '-')}`;
        if (c !== 'React app') server.html(path, html(server, c));
        const kind: Kind = c === 'status-widget' ? 'alt' : 'ours';
        const runs = kind === 'ours' ? [false, true] : [false];
        for (const atOnce of runs) {
          const r = await measure(browser, server.origin + path, kind, viewport, atOnce);
          const who =
            kind === 'alt'
              ? 'theirs (status-widget)'
              : `${atOnce ? 'alternative: room taken at once' : 'ours'}, ${c}`;
          ctx.log(
            `${who} ${vp}: first visit ${r.first}, first click ${r.click} (left out: ${r.leftOut}), next ${r.next}, goes away ${r.away ?? '-'}, turns to Resolved ${r.resolve ?? '-'}`,
          );
          const inline = c.startsWith('inline') || c === 'React app';
          const goal = kind === 'ours' && !atOnce ? (inline ? '< 0.01' : '0') : undefined;
          const met = (v: number) => (inline ? v < 0.01 : v === 0);
          const row = (name: string, value: number) =>
            rows.push({
              group: G,
              name: `${who}, ${vp}, ${name}`,
              value,
              unit: '',
              ...(goal ? { goal, met: met(value) } : {}),
            });
          row('first visit (appears mid-visit)', r.first);
          if (!atOnce) row('first click', r.click);
          row('next page load (feed unchanged)', r.next);
          if (r.away !== undefined) row('goes away (no input)', r.away);
          if (r.resolve !== undefined) row('turns to Resolved (no input)', r.resolve);
          if (kind === 'ours' && !atOnce)
            rows.push({
              group: G,
              name: `${who}, ${vp}, shift at the first click, left out of CLS (within 500 ms of input)`,
              value: r.leftOut,
              unit: '',
            });
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(app, { recursive: true, force: true });
  }
  return rows;
}
