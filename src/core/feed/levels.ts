/**
 * Enum sets and scales. Lists are written as one space-separated string and split once
 * (smaller in the widget bundle than arrays of literals).
 */
import type { FeedUpdate, Impact, Severity } from '../types';

const words = (s: string): readonly string[] => s.split(' ');

/** Indicators from best to worst: the index is the rank used to pick the worse of two. */
export const RANKS = words('unknown none maintenance minor major critical');
/** Page indicators and incident impacts Statuspage documents (the same five words). */
export const IMPACTS = RANKS.slice(1);
/** Component statuses Statuspage documents, from best to worst. */
export const COMPONENT_STATUSES = words(
  'operational under_maintenance degraded_performance partial_outage major_outage',
);
/** Maintenance statuses that mean "happening now". */
export const LIVE = words('in_progress verifying');
/** Statuses that close an incident or a maintenance. */
export const DONE = words('resolved postmortem completed');
export const MAINTENANCE_STATUSES = ['scheduled', ...LIVE, 'completed'];
/** Statuses of an incident or maintenance still open (the only ones the widgets show). */
export const OPEN_STATUSES = words('investigating identified monitoring scheduled').concat(LIVE);
/** Incident and maintenance statuses. */
export const ALL_STATUSES = OPEN_STATUSES.concat(DONE);

const SEVERITIES = words('critical major minor none');

/**
 * Nearest SEV level for a Statuspage impact: critical→1, major→2, minor→3, none→4;
 * maintenance and unknown have no severity (null).
 */
export function impactToSeverity(impact: Impact): Severity | null {
  return (SEVERITIES.indexOf(impact) + 1 || null) as Severity | null;
}

/** "SEV-1" … "SEV-4". */
export function severityLabel(s: Severity): string {
  return `SEV-${s}`;
}

/** Newest first by displayAt, then createdAt: how updates are ordered. */
export const newestUpdateFirst = (a: FeedUpdate, b: FeedUpdate): number =>
  b.displayAt - a.displayAt || b.createdAt - a.createdAt;
