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
import { monthlyCommsCompliance, type MonthlyComms } from './comms-monthly';
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
}

export interface DashboardData {
  comms: MonthlyComms[];
  completion: MonthlyCompletion[];
  rows: DashboardRow[];
}

export function reviewDashboard(input: DashboardInput): DashboardData {
  const { policy, now, months = 12, timeZone = 'UTC', severities } = input;
  const reports = new Map(
    input.incidents.map((i) => [i.id, communicationCompliance(i, policy, now)] as const),
  );
  const filtering = severities !== undefined && severities.length > 0;
  const kept = (incidentId: string): boolean => {
    if (!filtering) return true;
    const worst = reports.get(incidentId)?.highestSeverity ?? null;
    return worst !== null && severities.includes(worst);
  };
  const reviews = input.reviews.filter((r) => kept(r.incidentId));
  return {
    comms: monthlyCommsCompliance([...reports.values()], now, { months, timeZone, severities }),
    completion: completionRates(
      reviews.flatMap((r) => r.actionItems),
      now,
      months,
      timeZone,
    ),
    rows: actionItemDashboard(reviews, now),
  };
}
