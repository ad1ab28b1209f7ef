// The overlay content script on a heavy localhost page (a 1,000-row table): page-load overhead with
// the overlay on vs off and vs an empty content script (the floor: what injecting any script costs),
// its bytes, and the main-thread time it adds.
//
// One browser, one extension, three origins serving the same page, each on a site of its own
// (127.0.0.1, .2, .3: no two sides share a renderer process): ours enabled on the first, an empty
// content script registered the same way (scripting.registerContentScripts, document_idle) on the
// second, with the same per-origin host access ours has, nothing on the third.
//
// Two figures (issue 22, third pass):
// - wall clock, navigation start → loadEventEnd. Each round loads the page PER times on each origin,
//   interleaved so that each side is first, second and third once per PER loads, and takes each
//   side's median in the round; the figure is the paired ratio ours / empty over the rounds, as the
//   median of the per-round ratios (sign-test CI) and as the Hodges–Lehmann estimate (Wilcoxon CI).
//   WARM rounds first, not counted: the first loads of each origin start its renderer and compile
//   the content script without a cache (their ratio is logged). A load ends when its side's work
//   is done (ours: the overlay mounted) and the page is idle, so no load's post-load work runs in
//   the next one.
// - direct: in traced loads (CDP Tracing, alternating ours and empty), the page's main-thread time
//   in events attributed to an extension script (compile, evaluate, callbacks) before loadEventEnd;
//   ours minus empty, in ms and as a share of the page's load. This resolves 1 %: the wall-clock
//   ratio of loads that each vary by ±10 % cannot, in a run of minutes.
//
// Before the rounds, one traced load per origin checks that each side injects what it claims (ours
// the loader, the baseline its empty file, the third nothing), and the bench stops otherwise: until
// issue 22's second pass the baseline origin had no host access, so Chrome never injected the
// "empty" script and the figure compared ours with no content script at all (1.62×).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { startUi, type UiSession } from '../tests/e2e/extension-ui/session';
import { startServer } from '../tests/e2e/server';
import { tracedLoad, type TracedLoad } from './support/load-trace';
import { figures, type Load, type Timed } from './support/overlay-figures';
import { sleep, type BenchCtx, type Row } from './support/stats';

const G = 'overlay';
/** What is injected on every load of an enabled site: the loader (issue 22). */
const SCRIPT = 'src/extension/content.iife.js';
/** The overlay module the loader imports after load and an idle moment. */
const MODULE = 'assets/overlay.js';
/** The build measured; BENCH_DIST names another (e.g. main's, for a back-to-back comparison). */
const DIST = process.env.BENCH_DIST ?? 'dist/chrome';
/** Rounds: each loads the page PER times with ours, with the empty script and with none. */
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
/** Loads per side in a round; the round takes each side's median (one slow load is not the round). */
const PER = Number(process.env.BENCH_PER ?? 3);
/** Rounds before the counted ones, not counted (first loads: renderer start, no code cache). */
const WARM = Number(process.env.BENCH_WARM ?? 2);
/** Traced loads per side (ours, empty), alternating, for the direct figure. */
const TRACED = Number(process.env.BENCH_TRACED ?? 20);
/** The empty content script, added to a copy of the build and registered like ours. */
const EMPTY = 'bench-empty-content-script.js';
/** Longest wait after `load` for our overlay to mount before a load counts as without it. */
const MOUNT_MS = 5_000;

function heavyPage(): string {
  const cells = (i: number) =>
    [`#${4400 + i}`, `Customer ${i}`, 'Payment fails at checkout', 'open', 'high', 'Ana', '2 h ago']
      .map((c) => `<td>${c}</td>`)
      .join('');
  const rows = Array.from({ length: 1000 }, (_, i) => `<tr>${cells(i)}</tr>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tickets</title>
<style>body{font:14px sans-serif;margin:0}table{border-collapse:collapse;width:100%}
td{border-bottom:1px solid #ddd;padding:4px 8px}tr:nth-child(odd){background:#f6f6f6}</style></head>
<body><h1>Ticket queue</h1><table><tbody>${rows}</tbody></table></body></html>`;
}

/**
 * One timed load of the heavy page on `origin` in a new tab. `mounts`: ours is on there, so the
 * load is over only once the overlay has mounted (at most MOUNT_MS); every load then waits for an
 * idle moment, so nothing of it runs into the next load.
 */
async function load(u: UiSession, origin = u.server.origin, mounts = false): Promise<Load> {
  const page: Page = await u.s.context.newPage();
  const cdp = await u.s.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? 0) * 1000;
    return { task: get('TaskDuration'), script: get('ScriptDuration') };
  };
  const m0 = await metric();
  await page.goto(`${origin}/heavy`, { waitUntil: 'load' });
  if (mounts)
    await page
      .waitForFunction(() => !!document.querySelector('div[data-incident-lens]'), null, {
        timeout: MOUNT_MS,
        polling: 50,
      })
      .catch(() => undefined); // counted below as a load without the overlay
  await page.evaluate(() => new Promise((ok) => requestIdleCallback(ok, { timeout: 1_000 })));
  const m1 = await metric();
  const { loadMs, phases, overlay } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      loadMs: nav.loadEventEnd - nav.startTime,
      phases: [nav.responseEnd, nav.domContentLoadedEventEnd, nav.loadEventStart].map(
        (t) => t - nav.startTime,
      ) as [number, number, number],
      overlay: !!document.querySelector('div[data-incident-lens]'),
    };
  });
  await cdp.detach();
  await page.close();
  return {
    loadMs,
    phases,
    taskMs: m1.task - m0.task,
    scriptMs: m1.script - m0.script,
    overlay,
  };
}

async function setOverlay(u: UiSession, on: boolean, shows = on): Promise<void> {
  const r = await u.cmd(on ? 'sites/enable' : 'sites/disable', { origin: u.server.origin });
  if (!r.ok) throw new Error(`sites/${on ? 'enable' : 'disable'}: ${r.error}`);
  if (shows)
    for (let i = 0; i < 20 && (await load(u, u.server.origin, on)).overlay !== on; i++)
      await sleep(250);
}

/** Grants the extension host access to `origin` as the options page does when a site is added. */
async function grantOrigin(u: UiSession, origin: string): Promise<void> {
  await u.s.grantHost(`${origin}/*`);
  const ok = await u.ext.evaluate(
    (o) =>
      (
        globalThis as unknown as {
          chrome: { permissions: { request(p: { origins: string[] }): Promise<boolean> } };
        }
      ).chrome.permissions.request({ origins: [o] }),
    `${origin}/*`,
  );
  if (!ok) throw new Error(`host access to ${origin} was not granted`);
}

/**
 * The content scripts Chrome injected into one traced load of the page (CDP Debugger.scriptParsed;
 * not a timed load): the extension files parsed by its load event, less the overlay module ours
 * imports after it (tests/e2e/extension-ui/overlay-load.e2e.ts asserts that order).
 */
async function injectedBeforeLoad(u: UiSession, origin: string): Promise<string[]> {
  const page: Page = await u.s.context.newPage();
  const cdp: CDPSession = await u.s.context.newCDPSession(page);
  const parsed: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith('chrome-extension:')) parsed.push(new URL(e.url).pathname.slice(1));
  });
  await cdp.send('Debugger.enable');
  await page.goto(`${origin}/heavy`, { waitUntil: 'load' });
  const before = parsed.filter((f) => f !== MODULE);
  await cdp.detach();
  await page.close();
  return before;
}

/** dist/chrome plus an empty content script file (registered by the bench, not the extension). */
function buildWithEmptyScript(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lens-empty-cs-'));
  cpSync(DIST, dir, { recursive: true });
  // BENCH_EMPTY_SRC (diagnostic): what the baseline file holds instead, e.g. one call of the loader's.
  writeFileSync(join(dir, EMPTY), process.env.BENCH_EMPTY_SRC ?? '/* empty content script */\n');
  return dir;
}

export async function run(ctx: BenchCtx): Promise<Row[]> {
  const bytes = (file: string) => {
    const buf = readFileSync(file);
    return { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
  };
  const loader = bytes(join(DIST, SCRIPT));
  const module = bytes(join(DIST, MODULE));
  const rows: Row[] = [
    {
      group: G,
      name: `content script as injected at each load: the loader ${DIST}/${SCRIPT} (raw ${loader.raw} B), gzip -9 — installed, not transferred per page`,
      value: loader.gz,
      unit: 'B',
    },
    {
      group: G,
      name: `overlay module ${DIST}/${MODULE} (raw ${module.raw} B), gzip -9 — imported by the loader after load and an idle moment`,
      value: module.gz,
      unit: 'B',
    },
  ];
  const dir = buildWithEmptyScript();
  const u = await startUi(dir);
  // The two baselines on sites of their own, so no page of theirs shares a renderer process with
  // ours (on one site, 127.0.0.1, they did: the DOMContentLoaded gap of the first runs).
  const emptySite = await startServer('127.0.0.2');
  const plainSite = await startServer('127.0.0.3');
  try {
    await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
    for (const site of [u.server, emptySite, plainSite]) site.html('/heavy', heavyPage());
    await setOverlay(u, true);
    // Diagnostics (issue 22): BENCH_OFF=1 turns ours off again (its origin then loads as the
    // others do); BENCH_SWAP=1 registers our loader file, not the empty one, on the second origin.
    if (process.env.BENCH_OFF) await setOverlay(u, false);
    // The empty script's origin gets host access as ours did (one origin, port included, granted
    // as the options page asks for it): without it Chrome injects nothing there.
    await grantOrigin(u, emptySite.origin);
    // The empty script, registered for its origin as the extension registers ours.
    await u.s.worker.evaluate(
      ([id, file, origin]) =>
        (
          globalThis as unknown as {
            chrome: { scripting: { registerContentScripts(s: unknown[]): Promise<void> } };
          }
        ).chrome.scripting.registerContentScripts([
          { id, matches: [`${origin}/*`], js: [file], runAt: 'document_idle', allFrames: false },
        ]),
      [
        'bench-empty',
        process.env.BENCH_SWAP ? 'src/extension/content.iife.js' : EMPTY,
        emptySite.origin,
      ] as const,
    );
    const expected: [string, string, string[]][] = [
      ['ours', u.server.origin, [SCRIPT]],
      ['empty', emptySite.origin, [process.env.BENCH_SWAP ? SCRIPT : EMPTY]],
      ['none', plainSite.origin, []],
    ];
    if (process.env.BENCH_OFF) expected[0]![2] = [];
    for (const [name, origin, files] of expected) {
      const got = await injectedBeforeLoad(u, origin);
      if (JSON.stringify(got) !== JSON.stringify(files))
        throw new Error(
          `${name} (${origin}) injected [${got.join(', ')}] before load, expected [${files.join(', ')}]`,
        );
      ctx.log(`${name}: injected before load: ${files.join(', ') || 'nothing'} (checked)`);
    }
    const sides = [
      { name: 'ours', origin: u.server.origin, mounts: !process.env.BENCH_OFF },
      { name: 'empty', origin: emptySite.origin, mounts: false },
      { name: 'none', origin: plainSite.origin, mounts: false },
    ] as const;
    const t0 = Date.now();
    // rounds[r][side] = that side's PER loads in round r (warm-up rounds first).
    const rounds: Timed[][][] = [];
    for (let r = 0; r < WARM + RUNS; r++) {
      const round: Timed[][] = [[], [], []];
      // Rotate which goes first: within a round each side is first, second and third in turn.
      for (let j = 0; j < PER; j++)
        for (let k = 0; k < 3; k++) {
          const i = (r + j + k) % 3;
          const side = sides[i]!;
          round[i]!.push({ ...(await load(u, side.origin, side.mounts)), position: k });
        }
      rounds.push(round);
      if (r >= WARM && (r + 1 - WARM) % 10 === 0) ctx.log(`${r + 1 - WARM} / ${RUNS} rounds`);
    }
    ctx.log(`timed rounds: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const t1 = Date.now();
    // The direct figure: traced loads, ours and empty alternating (which goes first alternates too).
    const traced: [TracedLoad, TracedLoad][] = [];
    for (let i = 0; i < TRACED; i++) {
      const a = await tracedLoad(u.s.context, `${sides[i % 2]!.origin}/heavy`);
      const b = await tracedLoad(u.s.context, `${sides[(i + 1) % 2]!.origin}/heavy`);
      traced.push(i % 2 ? [b, a] : [a, b]);
    }
    ctx.log(`traced loads: ${((Date.now() - t1) / 1000).toFixed(0)} s`);
    rows.push(...figures(ctx, { runs: RUNS, per: PER, warm: WARM }, rounds, traced));
  } finally {
    await u.close();
    await emptySite.close();
    await plainSite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
