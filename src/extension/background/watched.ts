/**
 * The responder incidents a refresh watches, read as little as each needs (issue 22: with 10,000
 * open incidents, reading every timeline on every wake kept IndexedDB busy for tens of seconds,
 * and the side panel's reads waited behind it).
 *
 * What a refresh needs of a watched incident, and where it comes from:
 * - its record (badge, notices' titles): the `by-status` and `by-resolved` indexes, as before;
 * - the deadlines a due notice may name: an open incident's stored summary (db/summaries.ts), whose
 *   running deadlines with their states at `now` are exactly the counting rows of its obligations
 *   (core/deadlines.ts `deadlinesAt`); its timeline only when the summary is missing or stale;
 * - a resolved incident owes only duties anchored on its resolution (the rest are met, missed or
 *   ended; core/obligations.ts): its timeline is read only when one of those may still be unmet;
 * - its own events, for the overlay: when it is linked to a feed incident the overlay shows (they
 *   count on that incident's card) or it is one of the team's internal items (its duties and who
 *   met them).
 */
import { deadlinesAt } from '../../core/deadlines';
import { computeObligations } from '../../core/obligations';
import { levelFor } from '../../core/policy';
import type { ObligationStatus, Policy, Severity } from '../../core/types';
import { eventsOfMany, incidentPolicy, openIncidentsPaced, resolvedSince } from '../db/incidents';
import type { LensDatabase } from '../db/open';
import type { EventRecord, IncidentRecord } from '../db/schema';
import { allSummaries, linkedFeeds, summaryStamp } from '../db/summaries';
import { linkedUpdateEvents, withLinkedUpdates } from '../responder/feed-link';

const DAY = 86_400_000;
/** Resolved responder incidents still watched (their post-mortem clock) for this long. */
export const RESOLVED_WATCH_MS = 14 * DAY;

export interface Watched {
  incident: IncidentRecord;
  /** Its own recorded events (with their authors in team mode), read only when `ownFor` asked. */
  own?: EventRecord[];
  /**
   * Its obligations at `now` as far as a due notice goes: every overdue and due-soon one is here
   * (from the summary, only the counting rows; none when nothing can be due).
   */
  obligations: ObligationStatus[];
}

const SEVERITIES: readonly Severity[] = [1, 2, 3, 4];

/**
 * Whether a resolved incident may still owe a duty its timeline would show: one anchored on its
 * resolution (the post-mortem) in any level of its policy, unless its record says it is met (a
 * duty met by publishing the review, and `reviewPublishedAt` is written with that event).
 */
function mayOwe(incident: IncidentRecord, policy: Policy): boolean {
  return SEVERITIES.some((s) =>
    levelFor(policy, s).obligations.some(
      (r) =>
        r.anchor === 'resolved' &&
        !(r.metBy.includes('review_published') && incident.reviewPublishedAt !== undefined),
    ),
  );
}

/**
 * The open incidents and those resolved within RESOLVED_WATCH_MS, newest declaration first, each
 * with what the refresh needs at `now` (see the module comment); `ownFor` says which need their own
 * events. Timelines are read in one batch, only for those that need one.
 */
export async function watchedIncidents(
  db: LensDatabase,
  now: number,
  policy: Policy,
  ownFor: (incident: IncidentRecord) => boolean,
): Promise<Watched[]> {
  const [open, recent, summaries] = await Promise.all([
    // Both read a few hundred records at a time (db/bulk.ts): with 10,000 open, a side panel's
    // read is answered between them instead of after each whole read.
    openIncidentsPaced(db),
    resolvedSince(db, now - RESOLVED_WATCH_MS),
    // One summary per open incident: the whole store.
    allSummaries(db),
  ]);
  const byId = new Map([...open, ...recent].map((i) => [i.id, i]));
  const all = [...byId.values()]
    .filter(
      (i) =>
        i.status === 'open' ||
        (i.resolvedAt !== undefined && now - i.resolvedAt < RESOLVED_WATCH_MS),
    )
    .sort((a, b) => b.declaredAt - a.declaredAt);
  const feeds = await linkedFeeds(db, all);
  const summary = new Map(summaries.map((s) => [s.incidentId, s]));
  const fresh = (i: IncidentRecord) => {
    const s = summary.get(i.id);
    return s && s.stamp === summaryStamp(i, policy, feeds.get(i.id)) ? s : undefined;
  };
  const plan = all.map((incident) => {
    const stored = incident.status === 'open' ? fresh(incident) : undefined;
    const timeline =
      incident.status === 'open'
        ? stored === undefined
        : mayOwe(incident, incidentPolicy(incident, policy));
    return { incident, stored, timeline, own: timeline || ownFor(incident) };
  });
  const events = await eventsOfMany(
    db,
    plan.filter((p) => p.own).map((p) => p.incident.id),
  );
  return plan.map(({ incident, stored, timeline, own }) => {
    const mine = own ? (events.get(incident.id) ?? []) : undefined;
    let obligations: ObligationStatus[] = [];
    if (stored) obligations = deadlinesAt(stored.deadlines, now, stored.dueSoonMinutes);
    else if (timeline) {
      // The linked feed incident's public posts count as posted updates (responder/linked-events).
      const feed = feeds.get(incident.id);
      const linked =
        feed && incident.linked
          ? linkedUpdateEvents(incident.id, incident.linked, feed.incident)
          : [];
      obligations = computeObligations(
        {
          events: linked.length ? withLinkedUpdates(mine!, linked) : mine!,
          publiclyVisible: incident.publiclyVisible,
          commonlyUsed: incident.commonlyUsed,
        },
        incidentPolicy(incident, policy),
        now,
      );
    }
    return { incident, ...(mine ? { own: mine } : {}), obligations };
  });
}
