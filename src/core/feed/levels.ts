/**
 * Scales over the feed vocabulary (`core/vocabulary.ts`): which statuses are open, live or done,
 * how an impact maps to a SEV level, and how updates are ordered.
 */
import type { FeedUpdate, Impact, IncidentStatus, MaintenanceStatus, Severity } from '../types';
import {
  COMPONENT_STATUSES,
  INCIDENT_STATUSES,
  INDICATOR_RANKS,
  MAINTENANCE_STATUSES,
  UNKNOWN,
} from '../vocabulary';

type Status = IncidentStatus | MaintenanceStatus;

export { COMPONENT_STATUSES, MAINTENANCE_STATUSES };

/** Indicators from best to worst: the index is the rank used to pick the worse of two. */
export const RANKS = INDICATOR_RANKS;
/** Page indicators and incident impacts Statuspage documents (every rank but `unknown`). */
export const IMPACTS: readonly Impact[] = INDICATOR_RANKS.filter((r) => r !== UNKNOWN);
/** Maintenance statuses that mean "happening now". */
export const LIVE: readonly Status[] = ['in_progress', 'verifying'];
/** Statuses that close an incident or a maintenance. */
export const DONE: readonly Status[] = ['resolved', 'postmortem', 'completed'];
/**
 * Statuses of an incident or maintenance still open (the only ones the widgets show), in the
 * order the widgets' string catalogs list their labels.
 */
export const OPEN_STATUSES: readonly Status[] = [
  'investigating',
  'identified',
  'monitoring',
  'scheduled',
  ...LIVE,
];
/** Every incident and maintenance status a feed may carry (besides `unknown`). */
export const ALL_STATUSES: readonly Status[] = [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES];

/** SEV levels by impact; maintenance and unknown have none. */
const SEVERITY_BY_IMPACT: Partial<Record<Impact, Severity>> = {
  critical: 1,
  major: 2,
  minor: 3,
  none: 4,
};

/**
 * Nearest SEV level for a Statuspage impact: critical→1, major→2, minor→3, none→4;
 * maintenance and unknown have no severity (null).
 */
export function impactToSeverity(impact: Impact): Severity | null {
  return SEVERITY_BY_IMPACT[impact] ?? null;
}

/** "SEV-1" … "SEV-4". */
export function severityLabel(s: Severity): string {
  return `SEV-${s}`;
}

/** Newest first by displayAt, then createdAt: how updates are ordered. */
export const newestUpdateFirst = (a: FeedUpdate, b: FeedUpdate): number =>
  b.displayAt - a.displayAt || b.createdAt - a.createdAt;
