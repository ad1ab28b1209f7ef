/**
 * The reviews dashboard's data for one render: with all severities, its first screen from the
 * stored totals and the items' index (first-screen.ts: no review, no resolved incident's tally
 * read), `shown` rows of it; with a severity filter, or when the totals cannot be trusted, from
 * every review and tally as before (repo.ts readDashboard), all rows.
 */
import { reviewDashboard, type DashboardRow, type MonthlyCompletion } from '../../core/review';
import type { Severity } from '../../core/types';
import type { MonthlyComms } from '../../core/review/comms-monthly';
import type { LensDatabase } from '../db/open';
import { readDashboardFirst } from './first-screen';
import { readDashboard } from './repo';

export interface DashboardPage {
  comms: MonthlyComms[];
  completion: MonthlyCompletion[];
  /** At least the first `shown` rows (all of them when read the slow way). */
  rows: DashboardRow[];
  total: number;
  incidentOf: Map<string, string>;
  /** How it was read: 'totals' (first screen, issue 22) or 'all' (every review and tally). */
  source: 'totals' | 'all';
}

export async function readDashboardPage(
  db: LensDatabase,
  severity: Severity | 'all',
  shown: number,
  timeZone: string,
  now: number = Date.now(),
): Promise<DashboardPage> {
  if (severity === 'all') {
    const first = await readDashboardFirst(db, now, timeZone, shown);
    if (first) return { ...first, source: 'totals' };
  }
  const data = await readDashboard(db);
  const { comms, completion, rows } = reviewDashboard({
    incidents: data.incidents,
    tallies: data.tallies,
    reviews: data.reviews,
    policy: data.policy,
    now,
    timeZone,
    ...(severity === 'all' ? {} : { severities: [severity] }),
  });
  return {
    comms,
    completion,
    rows,
    total: rows.length,
    incidentOf: new Map(data.reviews.map((r) => [r.id, r.incidentId])),
    source: 'all',
  };
}
