// Core: the obligation engine over 10,000 incidents and the feed parser over a 5 MB summary.json.
// Pure functions, run in Node (the same code the extension and widgets run); medians of several runs.
import { performance } from 'node:perf_hooks';
import { computeObligations } from '../src/core/obligations';
import { DEFAULT_POLICY } from '../src/core/policy';
import { parseFeed } from '../src/core/feed';
import type { Severity, TimelineEvent, TimelineEventType } from '../src/core/types';
import { median, type Row } from './support/stats';

const MIN = 60_000;
const T0 = Date.UTC(2025, 0, 1);
/** Just after the newest incident's last event: open incidents are the recent ones, as in real use. */
const NOW = T0 + 10_000 * 53 * MIN + 3 * 60 * MIN;
const LATER: TimelineEventType[] = [
  'update_posted',
  'status_page_posted',
  'customers_notified',
  'execs_notified',
  'bridge_opened',
  'engineer_assigned',
  'banner_shown',
  'note',
  'meeting_held',
  'bug_logged',
];

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** `count` incidents of 20 events: declared, classified, mixed duties, maybe a reclassification, resolved. */
export function incidents(count = 10_000, perIncident = 20) {
  const r = rng(42);
  return Array.from({ length: count }, (_, i) => {
    const start = T0 + i * 53 * MIN;
    const sev = (1 + Math.floor(r() * 4)) as Severity;
    const events: TimelineEvent[] = [
      { id: `${i}-0`, type: 'declared', at: start },
      { id: `${i}-1`, type: 'classified', at: start + 2 * MIN, severity: sev },
    ];
    const open = i >= count - 100; // the 100 newest are still open
    for (let k = 2; k < perIncident; k++) {
      const at = start + k * 7 * MIN;
      const last = k === perIncident - 1;
      if (last && !open) events.push({ id: `${i}-${k}`, type: 'resolved', at });
      else if (k === 10 && r() < 0.2)
        events.push({ id: `${i}-${k}`, type: 'reclassified', at, severity: sev === 1 ? 2 : 1 });
      else events.push({ id: `${i}-${k}`, type: LATER[Math.floor(r() * LATER.length)]!, at });
    }
    // Stored order is not time order (edits move events): the engine sorts.
    return { events: events.reverse(), publiclyVisible: r() < 0.7 };
  });
}

/** A Statuspage summary.json of about `bytes`: 500 incidents (the parser's list cap) with HTML updates. */
export function bigSummary(bytes = 5 * 2 ** 20): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  const components = Array.from({ length: 200 }, (_, i) => ({
    id: `c${i}`,
    name: `Component ${i}`,
    status: i % 17 === 0 ? 'partial_outage' : 'operational',
    created_at: iso(T0),
    updated_at: iso(T0 + i * MIN),
    position: i,
    group_id: null,
    group: false,
    only_show_if_degraded: false,
    showcase: true,
    description: null,
  }));
  const body =
    '<p>We are investigating <strong>elevated error rates</strong> affecting checkout and payments. ' +
    'Some customers may see failed requests or timeouts. <a href="https://status.example.com">More</a></p>';
  const incidentsOut: unknown[] = [];
  const base = { page: { id: 'pg', name: 'Big', url: 'https://status.example.com' } };
  const head = JSON.stringify({ ...base, status: { indicator: 'minor', description: 'x' } });
  let size = head.length + JSON.stringify(components).length;
  for (let i = 0; size < bytes; i++) {
    const inc = {
      id: `inc${i}`,
      name: `Elevated errors on component ${i % 200}`,
      status: i % 3 === 0 ? 'investigating' : 'monitoring',
      impact: ['minor', 'major', 'critical'][i % 3],
      created_at: iso(T0 + i * MIN),
      updated_at: iso(T0 + i * MIN + 30 * MIN),
      shortlink: `https://stspg.io/${i}`,
      components: [components[i % 200]],
      incident_updates: Array.from({ length: 6 }, (_, k) => ({
        id: `u${i}-${k}`,
        status: 'investigating',
        body: `${body} (${i}/${k})`,
        incident_id: `inc${i}`,
        created_at: iso(T0 + i * MIN + k * 5 * MIN),
        updated_at: iso(T0 + i * MIN + k * 5 * MIN),
        display_at: iso(T0 + i * MIN + k * 5 * MIN),
      })),
    };
    size += JSON.stringify(inc).length + 1;
    incidentsOut.push(inc);
  }
  return JSON.stringify({
    ...base,
    status: { indicator: 'major', description: 'Partial System Outage' },
    components,
    incidents: incidentsOut,
    scheduled_maintenances: [],
  });
}

function time(fn: () => void, runs: number): number[] {
  fn(); // warm-up (JIT), not counted
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function run(ctx: { log(m: string): void }): Promise<Row[]> {
  const all = incidents();
  let statuses = 0;
  const obl = time(() => {
    statuses = 0;
    for (const inc of all) statuses += computeObligations(inc, DEFAULT_POLICY, NOW).length;
  }, 9);
  ctx.log(`obligations: ${statuses} statuses per run`);
  const json = bigSummary();
  const mb = json.length / 2 ** 20;
  let kept = 0;
  const parse = time(() => void (kept = parseFeed(json).feed.incidents.length), 9);
  const parseOnly = time(() => void JSON.parse(json), 9);
  const obligationsMs = median(obl);
  return [
    {
      group: 'core',
      name: `computeObligations, 10,000 incidents × 20 events (${statuses} statuses), median of 9`,
      value: obligationsMs,
      samples: obl,
      unit: 'ms',
      goal: '< 100 ms',
      met: obligationsMs < 100,
    },
    {
      group: 'core',
      name: `parseFeed of a ${mb.toFixed(1)} MB summary.json string (JSON.parse included; ${kept} incidents kept, list cap 500), median of 9`,
      value: median(parse),
      samples: parse,
      unit: 'ms',
    },
    {
      group: 'core',
      name: `of which JSON.parse alone, same ${mb.toFixed(1)} MB, median of 9`,
      value: median(parseOnly),
      samples: parseOnly,
      unit: 'ms',
    },
  ];
}
