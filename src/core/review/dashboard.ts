/**
 * The reviews dashboard in one pure step: communication compliance per channel and month, the
 * action-item completion rate, and the action items, over whatever incidents and reviews it is
 * handed (one browser's, or a whole team's once team mode shares them). The severity filter
 * applies to all three alike: a review follows the most severe level its incident reached.
 */
import type { ObligationIncident } from '../obligations';
import type { Policy, Severity } from '../types';
import {
  actionItemDashboard,
  completionRates,
  type DashboardRow,
  type MonthlyCompletion,
} from './actions';
import {
  commsTally,
  monthlyCommsFromTallies,
  type CommsTally,
  type MonthlyComms,
} from './comms-monthly';
import { communicationCompliance } from './compliance';
import type { Review } from './model';

export interface DashboardInput {
  incidents: readonly (ObligationIncident & { id: string })[];
  reviews: readonly Review[];
  policy: Policy;
  now: number;
  months?: number;
  timeZone?: string;
  /** Only these severities; all when absent or empty. */
  severities?: readonly Severity[];
  /** Incidents already reduced to their tallies (stored ones), counted beside `incidents`. */
  tallies?: readonly (CommsTally & { id: string })[];
}

export interface DashboardData {
  comms: MonthlyComms[];
  completion: MonthlyCompletion[];
  rows: DashboardRow[];
}

export function reviewDashboard(input: DashboardInput): DashboardData {
  const { policy, now } = input;
  const { incidents, ...rest } = input;
  return reviewDashboardFrom({
    ...rest,
    tallies: [
      ...(input.tallies ?? []),
      ...incidents.flatMap((i) => {
        const t = commsTally(communicationCompliance(i, policy, now));
        return t ? [{ ...t, id: i.id }] : [];
      }),
    ],
  });
}

/**
 * The same dashboard from each incident's stored tally (`commsTally` of its compliance report),
 * so it needs no timeline (issue 22); incidents never classified have none.
 */
export function reviewDashboardFrom(
  input: Omit<DashboardInput, 'incidents' | 'policy' | 'tallies'> & {
    tallies: readonly (CommsTally & { id: string })[];
  },
): DashboardData {
  const { now, months = 12, timeZone = 'UTC', severities } = input;
  const worst = new Map(input.tallies.map((t) => [t.id, t.highestSeverity] as const));
  const filtering = severities !== undefined && severities.length > 0;
  const kept = (incidentId: string): boolean => {
    if (!filtering) return true;
    const w = worst.get(incidentId) ?? null;
    return w !== null && severities.includes(w);
  };
  const reviews = input.reviews.filter((r) => kept(r.incidentId));
  return {
    comms: monthlyCommsFromTallies(input.tallies, now, { months, timeZone, severities }),
    completion: completionRates(
      reviews.flatMap((r) => r.actionItems),
      now,
      months,
      timeZone,
    ),
    rows: actionItemDashboard(reviews, now),
  };
}
