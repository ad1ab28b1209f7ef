// The extension in headless Chromium: feed requests with 30 tabs open, and IndexedDB at 10,000
// incidents / 200,000 events written and read through the real repository code.
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { startUi } from '../tests/e2e/extension-ui/session';
import { summary, ticketPage } from '../tests/e2e/extension-ui/feed';
import { median, sleep, type BenchCtx, type Row } from './support/stats';

const G = 'extension';
// Runs alongside the IndexedDB writes and the view reads (the worker's database is busy meanwhile).
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 90);
/** The source's poll interval: requests are also counted per period, for the spread. */
const PERIOD_S = 30;
const TABS = 30;
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 10_000);
const READS = 5;

/** The repository code and view models as one IIFE (global `__lensBench`), built from source now. */
export async function benchBundle(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'error',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: resolve(import.meta.dirname, 'support/idb-entry.ts'),
        formats: ['iife'],
        name: '__lensBench',
      },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const first = Array.isArray(out) ? out[0]! : out;
  return first.output[0].code;
}

type ViewName = 'list' | 'openOnly' | 'overview' | 'dashboard';
interface ViewRun {
  ms: number;
  readMs: number;
  value: string;
}
type Bench = {
  seed(c: number, per: number, open: number, every: number): Promise<Record<string, number>>;
  view(name: ViewName): Promise<ViewRun>;
};
declare const __lensBench: Bench;

export async function run(ctx: BenchCtx): Promise<Row[]> {
  const rows: Row[] = [];
  const code = await benchBundle();
  const u = await startUi();
  try {
    // Conditional requests answered with 304 while the feed is unchanged.
    const body = JSON.stringify(
      summary(Date.now(), [
        { id: 'u1', status: 'identified', body: 'Rolling back.', minutesAgo: 5 },
      ]),
    );
    u.server.route('/api/v2/summary.json', (req, res) => {
      const h = { etag: '"v1"', 'content-type': 'application/json', 'cache-control': 'no-cache' };
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, h).end();
      res.writeHead(200, h).end(body);
    });
    await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
    const r = await u.cmd('sites/enable', { origin: u.server.origin });
    if (!r.ok) throw new Error(`sites/enable: ${r.error}`);
    u.server.html('/ticket', ticketPage());
    const tabs = [];
    for (let i = 0; i < TABS; i++) {
      const p = await u.s.context.newPage();
      await p.goto(`${u.server.origin}/ticket?tab=${i}`);
      tabs.push(p);
    }
    await sleep(2000);
    const overlays = (
      await Promise.all(
        tabs.map((p) => p.evaluate(() => !!document.querySelector('div[data-incident-lens]'))),
      )
    ).filter(Boolean).length;
    // The request window runs while the IndexedDB writes below go on (to keep `npm run bench`
    // short); the tabs stay open meanwhile.
    const windowStart = Date.now();
    const hits: number[] = []; // when each feed request arrived, ms into the window
    const origPush = u.server.requests.push.bind(u.server.requests);
    u.server.requests.push = (...q) => {
      for (const r of q)
        if (r.url.startsWith('/api/v2/summary.json')) hits.push(Date.now() - windowStart);
      return origPush(...q);
    };
    ctx.log(`${TABS} tabs open (${overlays} with the overlay); counting for ${WINDOW_S} s …`);
    const windowDone = sleep(WINDOW_S * 1000);

    // IndexedDB, in the options page (the extension's origin, so its real database).
    await u.ext.evaluate(code);
    ctx.log(`writing ${INCIDENTS} incidents …`);
    const seeded = await u.ext.evaluate(([n]) => __lensBench.seed(n, 20, 100, 10), [
      INCIDENTS,
    ] as const);
    rows.push({
      group: G,
      name: `IndexedDB write: ${seeded.incidents} incidents + ${seeded.events} events (+ ${seeded.reviews} reviews, 3 action items each) through saveIncidents (whole incidents, about 500 records per transaction, 4 in flight) and putReview; one run`,
      value: seeded.ms! / 1000,
      unit: 's',
      goal: '< 10 s',
      met: seeded.ms! < 10_000,
    });
    ctx.log(`written in ${(seeded.ms! / 1000).toFixed(1)} s`);
    const requestsFigure = async (): Promise<Row> => {
      await windowDone;
      u.server.requests.push = origPush;
      // Only the window's own requests: the figure used to count every request until the writes
      // ended and scale it as if that took WINDOW_S. On a loaded machine the writes took 205 s, so
      // 7 polls (one per 30 s, as they should be) were reported as 7 × 40 = 280 an hour (issue 22).
      const feedReqs = hits.filter((t) => t < WINDOW_S * 1000).length;
      // Spread: requests in each poll period of the window, as an hourly rate.
      const periods = Array.from(
        { length: Math.floor(WINDOW_S / PERIOD_S) },
        (_, i) =>
          hits.filter((t) => t >= i * PERIOD_S * 1000 && t < (i + 1) * PERIOD_S * 1000).length,
      );
      const perHour = feedReqs * (3600 / WINDOW_S);
      return {
        group: G,
        name: `requests per hour, 1 source polled every ${PERIOD_S} s, ${TABS} tabs open (${overlays} showing the overlay), feed unchanged (304s): counted at the server over ${WINDOW_S} s (while the IndexedDB writes and view reads ran), ×${3600 / WINDOW_S}; spread over its ${PERIOD_S} s periods (requests per period: ${periods.join(', ')})`,
        value: perHour,
        samples: periods.map((n) => n * (3600 / PERIOD_S)),
        unit: 'req/h',
        goal: '≤ 120 (one per poll, whatever the tabs and the load)',
        met: perHour <= 120 && periods.every((n) => n <= 1),
      };
    };
    // Up to READS runs each; a view slower than 1 s is timed once, to keep the bench short.
    const time = async (name: ViewName) => {
      const runs: ViewRun[] = [];
      do runs.push(await u.ext.evaluate((n) => __lensBench.view(n), name));
      while (runs.length < READS && runs[0]!.ms < 1000);
      const ms = median(runs.map((r) => r.ms));
      const how = runs.length > 1 ? `median of ${runs.length}` : 'one run (over 1 s)';
      const read = median(runs.map((r) => r.readMs));
      const samples = runs.map((r) => r.ms);
      return { ms, how, read, samples, value: runs[0]!.value, first: runs[0]!.ms };
    };
    // After 200,000 writes the database is busy for a while (LevelDB compaction in the browser):
    // wait until a small read is quick again, up to 30 s, so the views are not timed during it.
    const settleFrom = Date.now();
    while (Date.now() - settleFrom < 30_000) {
      if ((await u.ext.evaluate(() => __lensBench.view('dashboard'))).ms < 300) break;
      await sleep(1000);
    }
    const settled = ((Date.now() - settleFrom) / 1000).toFixed(0);
    ctx.log(`database settled after ${settled} s`);
    const openOnly = await time('openOnly');
    const dash = await time('dashboard');
    const list = await time('list');
    const overview = await time('overview');
    rows.push(
      {
        group: G,
        name: `active-incident view: the side panel list, readList (open incidents by the by-status index with their timelines and obligations; resolved ones awaiting post-mortem by the by-resolved index, records only, first page → ${list.value}), ${list.how}; timed ${settled} s after the writes, once a small read was quick`,
        value: list.ms,
        samples: list.samples,
        unit: 'ms',
        goal: '≤ 50 ms',
        met: list.ms <= 50,
      },
      {
        group: G,
        name: `for comparison: ${openOnly.value} incidents only (by-status index, their timelines, obligations; reads ${openOnly.read.toFixed(0)} ms), ${openOnly.how}`,
        value: openOnly.ms,
        samples: openOnly.samples,
        unit: 'ms',
      },
      {
        group: G,
        name: `reviews dashboard, list: readOverview + reviewListRows (latest resolved first by the by-resolved index, first page with its timelines and reviews: ${overview.value}; reads ${overview.read.toFixed(0)} ms), ${overview.how}`,
        value: overview.ms,
        samples: overview.samples,
        unit: 'ms',
      },
      {
        group: G,
        name: `reviews dashboard, action items: readReviews + dashboardView (${dash.value}; reads ${dash.read.toFixed(0)} ms), ${dash.how}`,
        value: dash.ms,
        samples: dash.samples,
        unit: 'ms',
      },
    );
    rows.unshift(await requestsFigure());
    await Promise.all(tabs.map((p) => p.close()));
  } finally {
    await u.close();
  }
  return rows;
}
