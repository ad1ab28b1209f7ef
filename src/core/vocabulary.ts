/**
 * The words the feed and the incident timeline use, each list written once. `core/types.ts`
 * derives its unions from these arrays, the parser and the scales (`feed/levels.ts`) read them,
 * and the extension's storage shapes check records against them: adding a word here is the one
 * edit, and a list that misses one no longer type-checks where it is spelled out.
 */

/** Read for any word outside a closed set, and for a feed that says nothing. */
export const UNKNOWN = 'unknown';

/**
 * Page indicators (`status.indicator`) and incident impacts, from best to worst: the index is the
 * rank used to pick the worse of two. Statuspage documents the five after `unknown`.
 */
export const INDICATOR_RANKS = [
  UNKNOWN,
  'none',
  'maintenance',
  'minor',
  'major',
  'critical',
] as const;

/** Statuses of an incident, in the order Statuspage moves through them. */
export const INCIDENT_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
] as const;

/** Statuses of a scheduled maintenance, in order. */
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;

/** Component statuses Statuspage documents, from best to worst. */
export const COMPONENT_STATUSES = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
] as const;

/** Every kind of event an incident's timeline records. */
export const TIMELINE_EVENT_TYPES = [
  'declared',
  'classified',
  'reclassified',
  'status_page_posted',
  'customers_notified',
  'execs_notified',
  'bridge_opened',
  'meeting_held',
  'engineer_assigned',
  'banner_shown',
  'bug_logged',
  'update_posted',
  'mitigated',
  'resolved',
  'review_published',
  /** Generic "marked done" for any obligation: carries `obligationId`. */
  'obligation_met',
  'note',
] as const;

/** Every channel an obligation of the policy may name. */
export const CHANNELS = [
  'bridge',
  'status_page',
  'customer_email',
  'exec',
  'coordination',
  'engagement',
  'banner',
  'postmortem',
  'tracking',
] as const;

/** True when `v` is one of the words in `list` (and narrows it to them). */
export function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}
