// The overlay content script on a heavy localhost page (a 1,000-row table): page-load overhead with
// the overlay on vs off and vs an empty content script (the floor: what injecting any script costs),
// its bytes, and the main-thread time it adds.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startUi, type UiSession } from '../tests/e2e/extension-ui/session';
import { median, sleep, type BenchCtx, type Row } from './support/stats';

const G = 'overlay';
/** What is injected on every load of an enabled site: the loader (issue 22). */
const SCRIPT = 'dist/chrome/src/extension/content.iife.js';
/** The overlay module the loader imports after load and an idle moment. */
const MODULE = 'dist/chrome/assets/overlay.js';
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const BLOCK = 5;
/** After `load`, time for a document_idle content script to inject and render before metrics are read. */
const SETTLE_MS = 600;

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

interface Load {
  loadMs: number;
  taskMs: number;
  scriptMs: number;
  overlay: boolean;
}

async function load(u: UiSession): Promise<Load> {
  const page: Page = await u.s.context.newPage();
  const cdp = await u.s.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? 0) * 1000;
    return { task: get('TaskDuration'), script: get('ScriptDuration') };
  };
  const m0 = await metric();
  await page.goto(`${u.server.origin}/heavy`, { waitUntil: 'load' });
  await sleep(SETTLE_MS);
  const m1 = await metric();
  const { loadMs, overlay } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      loadMs: nav.loadEventEnd - nav.startTime,
      overlay: !!document.querySelector('div[data-incident-lens]'),
    };
  });
  await cdp.detach();
  await page.close();
  return { loadMs, taskMs: m1.task - m0.task, scriptMs: m1.script - m0.script, overlay };
}

async function setOverlay(u: UiSession, on: boolean, shows = on): Promise<void> {
  const r = await u.cmd(on ? 'sites/enable' : 'sites/disable', { origin: u.server.origin });
  if (!r.ok) throw new Error(`sites/${on ? 'enable' : 'disable'}: ${r.error}`);
  if (shows) for (let i = 0; i < 20 && (await load(u)).overlay !== on; i++) await sleep(250);
}

/** dist/chrome with the content script replaced by an empty one: the baseline of the same run. */
function emptyScriptBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lens-empty-cs-'));
  cpSync('dist/chrome', dir, { recursive: true });
  writeFileSync(join(dir, SCRIPT.replace('dist/chrome/', '')), '/* empty content script */\n');
  return dir;
}

export async function run(ctx: BenchCtx): Promise<Row[]> {
  const bytes = (file: string) => {
    const buf = readFileSync(file);
    return { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
  };
  const loader = bytes(SCRIPT);
  const module = bytes(MODULE);
  const rows: Row[] = [
    {
      group: G,
      name: `content script as injected at each load: the loader ${SCRIPT} (raw ${loader.raw} B), gzip -9 — installed, not transferred per page`,
      value: loader.gz,
      unit: 'B',
    },
    {
      group: G,
      name: `overlay module ${MODULE} (raw ${module.raw} B), gzip -9 — imported by the loader after load and an idle moment`,
      value: module.gz,
      unit: 'B',
    },
  ];
  const emptyDir = emptyScriptBuild();
  const u = await startUi();
  const e = await startUi(emptyDir);
  try {
    await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
    await e.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
    u.server.html('/heavy', heavyPage());
    e.server.html('/heavy', heavyPage());
    await setOverlay(e, true, false); // the empty script, registered for the site as ours is
    const on: Load[] = [];
    const off: Load[] = [];
    const empty: Load[] = [];
    // Alternating blocks of BLOCK runs, so drift in the machine's load hits every side.
    for (let done = 0; done < RUNS; done += BLOCK) {
      for (const enabled of [true, false]) {
        await setOverlay(u, enabled);
        for (let i = 0; i < BLOCK; i++) (enabled ? on : off).push(await load(u));
      }
      for (let i = 0; i < BLOCK; i++) empty.push(await load(e));
      ctx.log(`${done + BLOCK} / ${RUNS} runs each`);
    }
    const injected = on.filter((l) => l.overlay).length;
    const leaked = off.filter((l) => l.overlay).length;
    const ms = (ls: Load[]) => ls.map((l) => l.loadMs);
    const ratio = median(ms(on)) / median(ms(off));
    const vsEmpty = median(ms(on)) / median(ms(empty));
    // Spread of a ratio: each of our runs over the other side's median.
    const over = (ls: Load[]) => ms(on).map((x) => x / median(ms(ls)));
    const taskDelta = median(on.map((l) => l.taskMs)) - median(off.map((l) => l.taskMs));
    const n = `median of ${RUNS} on / ${RUNS} off; overlay present in ${injected}/${RUNS} on-runs, ${leaked}/${RUNS} off-runs`;
    rows.push(
      {
        group: G,
        name: `page-load ratio ours / an empty content script (same run, its own browser, registered the same way; empty ${median(ms(empty)).toFixed(0)} ms, ours ${median(ms(on)).toFixed(0)} ms; median of ${RUNS} each; spread: each of our runs over the empty median)`,
        value: vsEmpty,
        samples: over(empty),
        unit: '×',
        goal: '≤ 1.01',
        met: vsEmpty <= 1.01,
      },
      {
        group: G,
        name: `page-load overhead on a 1,000-row table: navigation start → loadEventEnd, ratio on/off (${n}; off ${median(off.map((l) => l.loadMs)).toFixed(0)} ms)`,
        value: ratio,
        samples: over(off),
        unit: '×',
        goal: '≤ 1.03',
        met: ratio <= 1.03,
      },
      {
        group: G,
        name: `main-thread script time at injection: CDP Performance ScriptDuration over load + ${SETTLE_MS} ms (so the document_idle injection is in), median on − median off (all main-thread tasks, TaskDuration, on − off: ${taskDelta.toFixed(1)} ms — noisy here)`,
        value: median(on.map((l) => l.scriptMs)) - median(off.map((l) => l.scriptMs)),
        samples: on.map((l) => l.scriptMs - median(off.map((o) => o.scriptMs))),
        unit: 'ms',
      },
    );
  } finally {
    await u.close();
    await e.close();
    rmSync(emptyDir, { recursive: true, force: true });
  }
  return rows;
}
