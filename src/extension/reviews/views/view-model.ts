/**
 * Pure view logic of the reviews views: what the list, the dashboard and the completion chart
 * show, computed from stored records and `now` with the core's functions.
 */
import { computeObligations } from '../../../core/obligations';
import {
  actionItemDashboard,
  completionRates,
  type DashboardRow,
  type MonthlyCompletion,
  type Review,
  type ReviewLint,
} from '../../../core/review';
import type { Lint, ObligationStatus, Policy } from '../../../core/types';
import type { EventRecord, IncidentRecord, ReviewRecord } from '../../db/schema';
import { incidentPolicy } from '../../db/incidents';

/** One resolved incident in the reviews list. */
export interface ReviewListRow {
  incident: IncidentRecord;
  review: ReviewRecord | undefined;
  /** The post-mortem obligation, when the incident's severity has one. */
  postmortem: ObligationStatus | undefined;
}

/**
 * Resolved incidents with their review and post-mortem obligation: those whose post-mortem is
 * still to be published first (nearest deadline first), then the rest, latest resolution first.
 */
export function reviewListRows(
  incidents: readonly IncidentRecord[],
  reviews: readonly ReviewRecord[],
  events: ReadonlyMap<string, readonly EventRecord[]>,
  policy: Policy,
  now: number,
): ReviewListRow[] {
  const byIncident = new Map(reviews.map((r) => [r.incidentId, r]));
  const rows = incidents
    .filter((i) => i.status === 'resolved')
    .map((incident) => {
      const obligations = computeObligations(
        {
          events: [...(events.get(incident.id) ?? [])],
          publiclyVisible: incident.publiclyVisible,
          commonlyUsed: incident.commonlyUsed,
        },
        incidentPolicy(incident, policy),
        now,
      );
      const postmortem = obligations.find(
        (o) => o.ruleId === 'postmortem' && o.state !== 'not_applicable',
      );
      return { incident, review: byIncident.get(incident.id), postmortem };
    });
  const pending = (r: ReviewListRow): number =>
    r.postmortem && r.postmortem.dueAt !== null && r.postmortem.metAt === undefined
      ? r.postmortem.dueAt
      : Infinity;
  return rows.sort(
    (a, b) =>
      pending(a) - pending(b) ||
      (b.incident.resolvedAt ?? 0) - (a.incident.resolvedAt ?? 0) ||
      (a.incident.id < b.incident.id ? -1 : 1),
  );
}

/** One month of the completion table, formatted. */
export interface CompletionRow extends MonthlyCompletion {
  /** "Mar 2025" in the UI locale. */
  label: string;
  /** "75%", or "—" when nothing fell due. */
  rateText: string;
}

/** The monthly completion rates as table rows. */
export function completionRows(
  rates: readonly MonthlyCompletion[],
  locale: string,
): CompletionRow[] {
  const month = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return rates.map((r) => {
    const [y, m] = r.month.split('-').map(Number) as [number, number];
    return {
      ...r,
      label: month.format(Date.UTC(y, m - 1, 15)),
      rateText: r.rate === null ? '—' : pct.format(r.rate),
    };
  });
}

/** One bar of the completion chart, in SVG user units. */
/** Lints grouped by the field they belong to (`path` of ReviewLint; `actionItems[0].description` → `actionItems[0]`). */
export function lintsByPath(lints: readonly ReviewLint[]): Map<string, Lint[]> {
  const out = new Map<string, Lint[]>();
  for (const { path, lint } of lints) {
    const key = path.replace(/\.description$/, '');
    out.set(key, [...(out.get(key) ?? []), lint]);
  }
  return out;
}

/** What the dashboard shows at `now`: every item (overdue first) and the last 12 months' rates. */
export function dashboardView(
  reviews: readonly Review[],
  now: number,
  locale: string,
  timeZone: string,
): { rows: DashboardRow[]; months: CompletionRow[] } {
  const items = reviews.flatMap((r) => r.actionItems);
  return {
    rows: actionItemDashboard(reviews, now),
    months: completionRows(completionRates(items, now, 12, timeZone), locale),
  };
}

/**
 * Action items the dashboard renders at first, and adds per "show more" or on scrolling to the end
 * (issue 22: thousands of rows, each with a status control, are not the first screen's work).
 */
export const ITEMS_PAGE = 50;
