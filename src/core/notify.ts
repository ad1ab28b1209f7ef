/**
 * Which feed notices an agent wants, and which deadlines were never theirs to meet (issue 19,
 * item 10). Pure: the extension passes in what it stored and the time.
 *
 * Rules decided here (tested in notify.test.ts):
 * - A deadline that had already passed (by more than the due-soon window) when Incident Lens first
 *   saw the incident (a source added while its incident was months old, or a feed that could not
 *   be read for a while) is "before watch": shown as such, never "overdue by 206 days", and never
 *   notified. A deadline still ahead at that moment counts as usual, and so does every later
 *   occurrence of a recurring duty (the next update after a new post).
 * - Filters: a lowest severity (an incident of unknown severity passes only "every severity"), a
 *   role, and muted sources. Role "agent" gets the customer-notification duty, "comms" the
 *   status-page and other communication deadlines, "all" both; new incidents, severity changes
 *   and updates go to every role.
 */
import type { Channel, ObligationStatus, Severity } from './types';

/** Why a passed deadline is not the agent's miss: the source was added later, or not seen sooner. */
export type BeforeWatch = 'source_added' | 'first_seen';

/** The obligation states whose deadline still runs (or ran out) and so may be before watch. */
const LIVE = new Set<ObligationStatus['state']>(['upcoming', 'due_soon', 'overdue']);

/**
 * Marks each live deadline that had passed by more than `graceMs` when the incident was first seen
 * (`firstSeenAt`) with `beforeWatch`; one missed by less is still shown and notified as due (a
 * feed polled a minute late does not excuse a duty). `sourceAddedAt` says which words fit: an
 * incident first seen within `firstPollWindowMs` of the source being added was found by adding it.
 */
export function markBeforeWatch(
  obligations: readonly ObligationStatus[],
  firstSeenAt: number,
  sourceAddedAt: number,
  firstPollWindowMs: number,
  graceMs: number,
): ObligationStatus[] {
  const why: BeforeWatch =
    firstSeenAt - sourceAddedAt <= firstPollWindowMs ? 'source_added' : 'first_seen';
  return obligations.map((o) =>
    LIVE.has(o.state) && o.dueAt !== null && o.dueAt < firstSeenAt - graceMs
      ? { ...o, beforeWatch: why }
      : o,
  );
}

export type NotifyRole = 'all' | 'agent' | 'comms';
export const NOTIFY_ROLES: readonly NotifyRole[] = ['all', 'agent', 'comms'];

/** The notification filters (settings.notifications). */
export interface NotifyFilter {
  /** The lowest severity notified (4 = every known severity); null: every incident, unknown too. */
  minSeverity: Severity | null;
  role: NotifyRole;
  /** Sources never notified, by id or feed URL (a managed default names the URL). */
  mutedSources: readonly string[];
}

export const DEFAULT_FILTER: NotifyFilter = { minSeverity: null, role: 'all', mutedSources: [] };

/** The channels whose deadlines are the support agent's: the customer notification. */
const AGENT_CHANNELS: readonly Channel[] = ['customer_email'];

/** What a notice is about, as far as the filters care. */
export interface NoticeFacts {
  /** null: unknown severity; undefined: not about one incident's severity (never filtered by it). */
  severity?: Severity | null;
  /** The deadline's channel, for a deadline notice. */
  channel?: Channel;
  /** The source's id and feed URL, for a notice about a feed. */
  source?: { id: string; url: string };
}

/** Whether a notice passes the filters. */
export function wanted(filter: NotifyFilter, n: NoticeFacts): boolean {
  if (n.source && filter.mutedSources.some((m) => m === n.source!.id || m === n.source!.url))
    return false;
  if (n.severity !== undefined && filter.minSeverity !== null) {
    if (n.severity === null || n.severity > filter.minSeverity) return false;
  }
  if (n.channel !== undefined && filter.role !== 'all') {
    const agents = AGENT_CHANNELS.includes(n.channel);
    if (filter.role === 'agent' ? !agents : agents) return false;
  }
  return true;
}
