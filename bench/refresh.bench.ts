// The worker's periodic refresh with 10,000 incidents stored (issue 22): one refresh's time, and the
// side panel list's first screen while a refresh runs, before (every watched timeline read) and
// after (summaries; timelines only where needed). In an extension page, on the extension's real
// IndexedDB, through the real repository code; the list during a refresh also with the refresh in
// the extension's service worker (the side panel and the worker share only the database there).
// BENCH_REFRESH_OPEN=1000,10000 sets the open counts.
import { pageBundle } from './support/page-bundle';
import { launchWithExtension } from '../tests/e2e/browser';
import { median, sleep, type BenchCtx, type Row } from './support/stats';

const G = 'refresh';
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 10_000);
const OPEN = (process.env.BENCH_REFRESH_OPEN ?? '1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_REFRESH_RUNS ?? 5);

type Kind = 'refresh' | 'compute' | 'before';
declare const __lensRefresh: {
  seed(c: number, per: number, open: number, every: number): Promise<Record<string, number>>;
  refreshOnce(kind: Kind): Promise<{ ms: number; timelines: number }>;
  listDuring(
    kind: 'none' | 'refresh' | 'before',
  ): Promise<{ ms: number; end: number; rows: number; open: number }>;
  begin(kind: Kind): void;
  finish(): Promise<{ ms: number; end: number }>;
};

export async function run(ctx: BenchCtx): Promise<Row[]> {
  const rows: Row[] = [];
  const code = await pageBundle('refresh-entry.ts', '__lensRefresh');
  const s = await launchWithExtension();
  try {
    const page = await s.openPage('src/extension/options/index.html');
    await page.evaluate(code);
    // The same code in the extension's service worker, where the worker's refresh runs in use.
    await s.worker.evaluate(code);
    for (const open of OPEN) {
      ctx.log(`writing ${INCIDENTS} incidents, ${open} open …`);
      await page.evaluate(([n, o]) => __lensRefresh.seed(n!, 20, o!, 10), [INCIDENTS, open]);
      // After 200,000 writes the database is busy for a while (compaction): wait until the list
      // is quick again (up to 30 s), so the figures are not taken during it.
      const from = Date.now();
      while (Date.now() - from < 30_000) {
        if ((await page.evaluate(() => __lensRefresh.listDuring('none'))).ms < 100) break;
        await sleep(1000);
      }
      const times = async (kind: Kind) => {
        const runs: { ms: number; timelines: number }[] = [];
        for (let i = 0; i < RUNS; i++)
          runs.push(await page.evaluate((k) => __lensRefresh.refreshOnce(k), kind));
        return { ms: median(runs.map((r) => r.ms)), samples: runs.map((r) => r.ms), runs };
      };
      const lists = async (kind: 'none' | 'refresh' | 'before') => {
        const runs: { ms: number; rows: number; open: number }[] = [];
        for (let i = 0; i < RUNS; i++)
          runs.push(await page.evaluate((k) => __lensRefresh.listDuring(k), kind));
        return { ms: median(runs.map((r) => r.ms)), samples: runs.map((r) => r.ms), runs };
      };
      // The list read in the page while the service worker runs a refresh, as the side panel and
      // the worker do: only the database is shared. How many lists were read before it ended.
      const inWorker = async () => {
        const runs: number[] = [];
        let first = 0;
        for (let i = 0; i < RUNS; i++) {
          await s.worker.evaluate(() => __lensRefresh.begin('refresh'));
          const list = await page.evaluate(() => __lensRefresh.listDuring('none'));
          const r = await s.worker.evaluate(() => __lensRefresh.finish());
          runs.push(list.ms);
          if (list.end < r.end) first++;
        }
        return { ms: median(runs), samples: runs, first };
      };
      // The first refresh claims the due notices' keys; the timed ones are the steady state.
      await page.evaluate(() => __lensRefresh.refreshOnce('refresh'));
      // The figures of the current code first, the old refresh's last: after a series of it (10,000
      // timelines read per run) Chromium's IndexedDB stays busy for seconds, and the next
      // connection's open waits (3.7 s measured for a database of its own: not the page's thread,
      // which answered a timer in 1 ms). Measured after it, the list alone had a first sample of
      // 1.6-5.7 s against a median of 5 ms. That first read is reported on its own below.
      const alone = await lists('none');
      const full = await times('refresh');
      const compute = await times('compute');
      const during = await lists('refresh');
      const duringWorker = await inWorker();
      const before = await times('before');
      const duringBefore = await lists('before');
      const afterBefore = await page.evaluate(() => __lensRefresh.listDuring('none'));
      const stored = `${INCIDENTS} incidents stored (20 events each), ${open} open`;
      const n = RUNS;
      rows.push(
        {
          group: G,
          name: `worker refresh (an alarm wake's refresh(): reads, obligations, overlay, badge, notices' claims) with ${stored}: ${full.runs[0]!.timelines} timelines read, median of ${n}`,
          value: full.ms,
          samples: full.samples,
          unit: 'ms',
        },
        {
          group: G,
          name: `its reads and computation alone (computeRefresh): deadlines from the summaries, ${compute.runs[0]!.timelines} timelines read (resolved ones whose post-mortem may be unmet), median of ${n}`,
          value: compute.ms,
          samples: compute.samples,
          unit: 'ms',
        },
        {
          group: G,
          name: `for comparison: the same computation before (every watched timeline read: ${before.runs[0]!.timelines}), median of ${n}`,
          value: before.ms,
          samples: before.samples,
          unit: 'ms',
        },
        {
          group: G,
          name: `side panel list, first screen (readList, ${alone.runs[0]!.rows} of ${alone.runs[0]!.open} open) with ${stored}, no refresh running, median of ${n}`,
          value: alone.ms,
          samples: alone.samples,
          unit: 'ms',
        },
        {
          group: G,
          name: `the same while the extension's service worker runs a refresh (started just before; the panel shares only the database with it, as in use): ${duringWorker.first} of ${n} lists read before the refresh ended, median of ${n}`,
          value: duringWorker.ms,
          samples: duringWorker.samples,
          unit: 'ms',
          goal: '≤ 16 ms quiet, ≤ 50 ms under the burner',
          met: duringWorker.ms <= (ctx.loaded ? 50 : 16),
        },
        {
          group: G,
          name: `the same while a refresh runs in the list's own page (started just before, on another connection: it also waits for the refresh's computation on the page's thread), median of ${n}`,
          value: during.ms,
          samples: during.samples,
          unit: 'ms',
        },
        {
          group: G,
          name: `for comparison: the same while the refresh as before runs (every watched timeline read), median of ${n}`,
          value: duringBefore.ms,
          samples: duringBefore.samples,
          unit: 'ms',
        },
        {
          group: G,
          name: `the bench's own after-effect, not a user's wait: the same list alone, read once just after those runs of the refresh as before (its connection's open waits while IndexedDB is still busy after reading every timeline; the product no longer reads them), one run`,
          value: afterBefore.ms,
          unit: 'ms',
        },
      );
    }
  } finally {
    await s.close();
  }
  return rows;
}
