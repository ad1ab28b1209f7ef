// Team mode against the real in-memory team server (team/serve.mjs, a child process) and real
// Chromium profiles with the built extension: sync latency from one profile's write to another
// profile's view (median and p95 of 20), the initial sync of a large team database into a fresh
// profile (time, and the memory of the extension's process, which hosts the service worker), and
// the requests per hour the server sees while nothing changes.
// Sizes: BENCH_TEAM_INCIDENTS (default 10,000) × BENCH_TEAM_EVENTS (default 20 per incident), after
// a smaller first size (a tenth); BENCH_TEAM_TIMEOUT_S bounds each initial sync (default 1,800 s):
// past it, the row says how much had arrived. BENCH_TEAM_WINDOW_S: the steady-state window (120 s).
// BENCH_TEAM_PARTS: latency,steady,initial (all by default); BENCH_TEAM_SMALL_ONLY: the tenth only;
// BENCH_TEAM_PROFILE=/path/prefix: a CPU profile of the service worker during each initial sync
// (written as .cpuprofile, its top functions logged); BENCH_TEAM_TRACE=text: worker console lines.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../tests/e2e/browser';
import { command } from '../tests/e2e/extension/helpers';
import { remotePouch } from '../tests/support/pouch';
import { spawnTeamServer, type TeamServerProcess } from '../tests/support/team-server';
import { median, sleep, type BenchCtx, type Row } from './support/stats';
import { profileWorker } from './support/sw-profile';

const G = 'team';
const INCIDENTS = Number(process.env.BENCH_TEAM_INCIDENTS ?? 10_000);
const EVENTS = Number(process.env.BENCH_TEAM_EVENTS ?? 20);
const TIMEOUT_S = Number(process.env.BENCH_TEAM_TIMEOUT_S ?? 1800);
const WINDOW_S = Number(process.env.BENCH_TEAM_WINDOW_S ?? 120);
/** Before each steady-state window: the change of state settles (one alarm period and a bit). */
const SETTLE_S = 40;
const RUNS = 20;
/** Which parts run (comma-separated: latency, steady, initial); all by default. */
const PARTS = (process.env.BENCH_TEAM_PARTS ?? 'latency,steady,initial').split(',');
/** Print the service worker's console lines that contain this (timing logs while profiling). */
const TRACE = process.env.BENCH_TEAM_TRACE;

/** The figures are timings of a whole system on one machine: run once (the burner is left out). */
export const loaded = false;

const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

async function connect(s: ExtensionSession, url: string, user: string): Promise<Page> {
  await s.grantHost(`${url}/*`);
  const page = await s.openPage('src/extension/options/index.html#team');
  await page.getByLabel('Server URL').fill(url);
  await page.getByLabel('Database').fill('team');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel(/^Password/).fill(`${user}-pw`);
  await page.getByRole('button', { name: 'Connect' }).click();
  return page;
}

const connected = (p: Page, timeout = 60_000) =>
  p.locator('.team-status[data-state="connected"]').waitFor({ timeout });

/** p95 of a sample: the value 95% of the runs stay at or under (nearest rank). */
const p95 = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1]!;

/** The processes started by this one (the Chromium it launched), not other users' browsers. */
function ownProcesses(): Set<string> {
  const parent = new Map<string, string>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]!);
    } catch {
      // the process ended meanwhile
    }
  }
  const mine = new Set([String(process.pid)]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent)
      if (!mine.has(pid) && mine.has(ppid)) {
        mine.add(pid);
        grew = true;
      }
  }
  return mine;
}

/**
 * Resident memory of the extension processes of the Chromium this bench launched (the service
 * worker's, which also hosts the options page), in MiB. Counting every `--extension-process` on
 * the machine, as this did first, added other browsers' running at the same time.
 */
function extensionRssMiB(): number {
  let kib = 0;
  for (const pid of ownProcesses()) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--extension-process')) continue;
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kib += Number(m?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kib / 1024;
}

/** Writes `from`..`to`-1 incidents with `EVENTS` events each into the team database, as Ann. */
async function seed(server: TeamServerProcess, from: number, to: number): Promise<void> {
  const remote = remotePouch<object>(`${server.url}/team`, ['ann', 'ann-pw']);
  const ann = { name: 'ann', display: 'Ann' };
  const T0 = Date.UTC(2025, 0, 1);
  let batch: object[] = [];
  const flush = async () => {
    if (batch.length) await remote.bulkDocs(batch as never[]);
    batch = [];
  };
  for (let i = from; i < to; i++) {
    const id = `seed${i}`;
    const at = T0 + i * 60_000;
    batch.push({
      _id: `incident:${id}`,
      kind: 'incident',
      author: ann,
      createdBy: ann,
      at,
      record: {
        id,
        title: `Seeded incident ${i}`,
        components: ['API'],
        publiclyVisible: false,
        startedAt: at,
        declaredAt: at,
        status: 'resolved',
        resolvedAt: at + 3_600_000,
        severity: 3,
        updatedAt: at,
      },
    });
    for (let e = 0; e < EVENTS; e++)
      batch.push({
        _id: `event:${id}:e${e}`,
        kind: 'event',
        author: ann,
        at: at + e * 1000,
        record: { id: `e${e}`, incidentId: id, type: 'note', at: at + e * 1000, text: `Note ${e}` },
      });
    if (batch.length >= 4000) await flush();
  }
  await flush();
}

/** How many incidents the profile's IndexedDB holds (the views' read model). */
const incidentCount = (p: Page): Promise<number> =>
  p.evaluate(
    () =>
      new Promise<number>((ok, fail) => {
        const r = indexedDB.open('incident-lens');
        r.onerror = () => fail(r.error);
        r.onsuccess = () => {
          const q = r.result.transaction('incidents').objectStore('incidents').count();
          q.onsuccess = () => (ok(q.result), r.result.close());
          q.onerror = () => fail(q.error);
        };
      }),
  );

async function initialSync(
  ctx: BenchCtx,
  server: TeamServerProcess,
  expected: number,
  events: number,
): Promise<Row> {
  const c = await launchWithExtension();
  if (TRACE)
    c.worker.on('console', (m) => {
      if (m.text().includes(TRACE)) ctx.log(m.text());
    });
  const profiler = process.env.BENCH_TEAM_PROFILE ? await profileWorker(c) : null;
  try {
    const rssBefore = extensionRssMiB();
    const t0 = Date.now();
    const page = await connect(c, server.url, 'cara');
    let peak = rssBefore;
    let count = 0;
    const deadline = t0 + TIMEOUT_S * 1000;
    let progress = '';
    while (Date.now() < deadline) {
      peak = Math.max(peak, extensionRssMiB());
      count = await incidentCount(page).catch(() => count);
      // What the user reads meanwhile: the status line's progress (the first one seen, logged).
      const line = await page
        .locator('.team-status')
        .textContent({ timeout: 1000 })
        .catch(() => null);
      if (!progress && line && /\d of \d/.test(line)) ctx.log((progress = line));
      if (count >= expected) break;
      await sleep(1000);
    }
    const s = (Date.now() - t0) / 1000;
    const done = count >= expected;
    if (profiler)
      ctx.log(await profiler.stop(`${process.env.BENCH_TEAM_PROFILE}-${expected}.cpuprofile`));
    ctx.log(`initial sync of ${expected} incidents: ${done ? `${s.toFixed(1)} s` : 'timed out'}`);
    return {
      group: G,
      name: `initial sync into a fresh profile: ${expected} incidents + ${events} events, from Connect until the side panel's store holds them all${done ? '' : ` — NOT FINISHED in ${TIMEOUT_S} s: ${count} incidents had arrived`}; peak RSS of Chromium's extension process (service worker + the options page) ${peak.toFixed(0)} MiB (${rssBefore.toFixed(0)} MiB before); load average ${load()}`,
      value: s,
      unit: 's',
    };
  } finally {
    await c.close();
  }
}

export async function run(ctx: BenchCtx): Promise<Row[]> {
  const rows: Row[] = [];
  const server = await spawnTeamServer([
    ['ann', 'ann-pw'],
    ['bob', 'bob-pw'],
    ['cara', 'cara-pw'],
  ]);
  try {
    if (PARTS.includes('latency') || PARTS.includes('steady'))
      rows.push(...(await twoProfiles(ctx, server)));
    if (PARTS.includes('initial')) rows.push(...(await initialSyncs(ctx, server)));
  } finally {
    await server.close();
  }
  rows.push({
    group: G,
    name: `machine: ${os.cpus().length} cores; chromium ${execFileSync('/usr/bin/chromium', ['--version']).toString().trim()}`,
    value: load(),
    unit: 'load average now (1/5/15 min)',
  });
  return rows;
}

/** Sync latency and the steady-state request counts, with two connected profiles. */
async function twoProfiles(ctx: BenchCtx, server: TeamServerProcess): Promise<Row[]> {
  const rows: Row[] = [];
  const [a, b] = await Promise.all([launchWithExtension(), launchWithExtension()]);
  try {
    const pa = await connect(a, server.url, 'ann');
    const pb = await connect(b, server.url, 'bob');
    await Promise.all([connected(pa), connected(pb)]);

    if (PARTS.includes('latency')) {
      // 1. Latency: A declares; B's side panel (open: live replication) lists it.
      const panel = await b.openPage('src/extension/sidepanel/index.html#/');
      const loadBefore = load();
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const title = `Latency probe ${i} ${Date.now()}`;
        const t0 = Date.now();
        await command(pa, 'incidents/declare', {
          title,
          components: ['API'],
          publiclyVisible: false,
        });
        const row = panel.locator('li.card', { hasText: title });
        while ((await row.count()) === 0) {
          if (Date.now() - t0 > 60_000) throw new Error(`probe ${i} never reached B`);
          await sleep(20);
        }
        ms.push(Date.now() - t0);
      }
      ctx.log(`sync latency: median ${median(ms)} ms, p95 ${p95(ms)} ms`);
      const lat = `load average ${loadBefore} before, ${load()} after (1/5/15 min)`;
      rows.push({
        group: G,
        name: `sync latency, A's declaration to B's side panel list (both open: live replication), median of ${RUNS}; ${lat}`,
        value: median(ms),
        samples: ms,
        unit: 'ms',
      });
      rows.push({
        group: G,
        name: `sync latency, p95 of the same ${RUNS} (min ${Math.min(...ms)}, max ${Math.max(...ms)})`,
        value: p95(ms),
        unit: 'ms',
      });
      await panel.close();
    }
    // 2. Steady state: nothing changes. First no page open (the 30 s alarm), then a side panel.
    await Promise.all([pa.close(), pb.close()]);
    if (!PARTS.includes('steady')) return rows;
    const count = async (what: string): Promise<Row> => {
      // First the transient of the change itself (closing the last page runs one full sync; the
      // live sync's first catch-up): one alarm period and a bit, not counted.
      await sleep(SETTLE_S * 1000);
      const before = await server.requests();
      await sleep(WINDOW_S * 1000);
      const n = (await server.requests()) - before;
      ctx.log(`${what}: ${n} requests in ${WINDOW_S} s`);
      return {
        group: G,
        name: `server requests per hour with nothing changing, two profiles, ${what}: counted over ${WINDOW_S} s ×${(3600 / WINDOW_S).toFixed(0)} after ${SETTLE_S} s to settle (${n} requests: ${(n / 2).toFixed(1)} per profile); load average ${load()}`,
        value: n * (3600 / WINDOW_S),
        unit: 'req/h',
      };
    };
    rows.push(await count('no extension page open (one-shot sync on the 30 s alarm)'));
    const open = await Promise.all([
      a.openPage('src/extension/sidepanel/index.html#/'),
      b.openPage('src/extension/sidepanel/index.html#/'),
    ]);
    rows.push(await count('a side panel open in each (live replication)'));
    await Promise.all(open.map((p) => p.close()));
  } finally {
    await Promise.all([a.close(), b.close()]);
  }

  return rows;
}

/** Initial sync into a fresh profile: a tenth of the size first, then the full size. */
async function initialSyncs(ctx: BenchCtx, server: TeamServerProcess): Promise<Row[]> {
  const rows: Row[] = [];
  const small = Math.max(1, Math.round(INCIDENTS / 10));
  let t = Date.now();
  await seed(server, 0, small);
  ctx.log(`seeded ${small} incidents in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  const extra = PARTS.includes('latency') ? RUNS : 0; // the latency probes
  rows.push(await initialSync(ctx, server, small + extra, small * EVENTS));
  if (process.env.BENCH_TEAM_SMALL_ONLY) return rows;
  t = Date.now();
  await seed(server, small, INCIDENTS);
  ctx.log(`seeded up to ${INCIDENTS} incidents in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  rows.push(await initialSync(ctx, server, INCIDENTS + extra, INCIDENTS * EVENTS));
  return rows;
}
