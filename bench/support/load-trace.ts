/**
 * One traced page load (CDP Tracing): what the extension's scripts cost on the page's main thread
 * before the page's load event ends. The figure that can resolve the overlay's 1 % goal (issue 22):
 * a wall-clock ratio of two noisy loads cannot, the time the page's renderer spent running
 * extension code can.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'extensions',
].join(',');

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    data?: { url?: string; documentLoaderURL?: string; isMainFrame?: boolean };
    [k: string]: unknown;
  };
}

export interface TracedLoad {
  /** navigationStart → loadEventEnd from the trace's own marks, ms. */
  loadMs: number;
  /** Main-thread time in events attributed to a chrome-extension: script before loadEventEnd, ms (overlaps merged). */
  extensionMs: number;
  /** The same, per event name (not merged: nested events each count), for the log. */
  byName: Record<string, number>;
}

async function collect(cdp: CDPSession): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

const extensionUrl = (e: TraceEvent) => {
  const d = e.args?.data as Record<string, unknown> | undefined;
  const u = (d?.url ?? d?.scriptName ?? d?.fileName ?? e.args?.fileName) as string | undefined;
  return typeof u === 'string' && u.startsWith('chrome-extension:');
};

/** Loads `url` in a new tab of `context` while tracing; the tab is closed after. */
export async function tracedLoad(context: BrowserContext, url: string): Promise<TracedLoad> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Tracing.start', {
      categories: CATEGORIES,
      transferMode: 'ReportEvents',
    } as never);
    await page.goto(url, { waitUntil: 'load' });
    const events = await collect(cdp);
    // BENCH_TRACE_DUMP=<prefix> (diagnostic): the last traced load of each host, as JSON, for a look
    // at what runs when (e.g. python or chrome://tracing).
    if (process.env.BENCH_TRACE_DUMP)
      (await import('node:fs')).writeFileSync(
        process.env.BENCH_TRACE_DUMP + new URL(url).hostname,
        JSON.stringify(events),
      );
    // The page's main frame: its navigationStart mark names the document's URL.
    const nav = events.find(
      (e) => e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? '') === url,
    );
    if (!nav) throw new Error(`no navigationStart for ${url} in the trace`);
    const onThread = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid);
    const loadEnd = onThread.find((e) => e.name === 'loadEventEnd' && e.ts >= nav.ts);
    if (!loadEnd) throw new Error(`no loadEventEnd for ${url} in the trace`);
    const byName: Record<string, number> = {};
    const spans: [number, number][] = [];
    for (const e of onThread) {
      if (e.ph !== 'X' || e.dur === undefined || e.ts < nav.ts || e.ts > loadEnd.ts) continue;
      if (!extensionUrl(e)) continue;
      const end = Math.min(e.ts + e.dur, loadEnd.ts);
      byName[e.name] = (byName[e.name] ?? 0) + (end - e.ts) / 1000;
      spans.push([e.ts, end]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [s0, e0] = [-Infinity, -Infinity];
    for (const [s, e] of spans) {
      if (s > e0) {
        if (e0 > s0) total += e0 - s0;
        [s0, e0] = [s, e];
      } else e0 = Math.max(e0, e);
    }
    if (e0 > s0) total += e0 - s0;
    return { loadMs: (loadEnd.ts - nav.ts) / 1000, extensionMs: total / 1000, byName };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
