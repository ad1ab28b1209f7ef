/**
 * A feed incident seen as a responder timeline, so the obligation engine can compute deadlines for
 * incidents the agent only knows from a status page. Pure: everything comes from the incident.
 *
 * Decisions: the classification is placed at `createdAt` (when the incident appeared on the page;
 * `startedAt` when createdAt is unusable), with the severity its impact first mapped to. The feed
 * only says the current impact, so later changes come from `seen` (the severities the caller saw,
 * each since the poll that first saw it) as `reclassified` events; without it, the current severity
 * counts from creation. The oldest update is the status-page post;
 * every update, that one included, is an `update_posted`. `resolved` comes from `resolvedAt`.
 */
import { newestUpdateFirst } from './feed/levels';
import type { FeedIncident, FeedUpdate, Severity, TimelineEvent } from './types';

/** Oldest first: the feed's update order, reversed. */
const byDisplayAsc = (a: FeedUpdate, b: FeedUpdate): number => newestUpdateFirst(b, a);

/** Deterministic events (ids `feed:<incident>:<what>`), oldest first. */
export function feedTimeline(
  incident: FeedIncident,
  seen: readonly { severity: Severity | null; at: number }[] = [],
): TimelineEvent[] {
  const id = `feed:${incident.id}`;
  const events: TimelineEvent[] = [];
  const at = Number.isFinite(incident.createdAt) ? incident.createdAt : incident.startedAt;
  const declaredAt = incident.startedAt ?? at;
  if (declaredAt !== undefined && Number.isFinite(declaredAt)) {
    events.push({ id: `${id}:declared`, type: 'declared', at: declaredAt });
  }
  // The severities as seen: the first since the incident appeared, each later one since a poll saw
  // it (the extension keeps that history; without it, the current severity since creation).
  const history = seen.length > 0 ? seen : [{ severity: incident.severity, at: at ?? NaN }];
  let classified = false;
  history.forEach((h, i) => {
    const when = i === 0 || at === undefined ? at : Math.max(h.at, at);
    if (h.severity === null || when === undefined || !Number.isFinite(when)) return;
    events.push(
      classified
        ? {
            id: `${id}:reclassified:${i}`,
            type: 'reclassified',
            at: when,
            severity: h.severity,
            text: `Impact changed on the status page: now SEV-${h.severity}`,
          }
        : {
            id: `${id}:classified`,
            type: 'classified',
            at: when,
            severity: h.severity,
            text:
              i === history.length - 1
                ? `Impact "${incident.impact}" on the status page`
                : `Impact on the status page: SEV-${h.severity}`,
          },
    );
    classified = true;
  });
  const updates = incident.updates.filter((u) => Number.isFinite(u.displayAt)).sort(byDisplayAsc);
  const first = updates[0];
  if (first) {
    events.push({
      id: `${id}:posted`,
      type: 'status_page_posted',
      at: first.displayAt,
      text: first.body,
    });
  }
  for (const u of updates) {
    events.push({
      id: `${id}:update:${u.id}`,
      type: 'update_posted',
      at: u.displayAt,
      text: u.body,
    });
  }
  if (incident.resolvedAt !== undefined && Number.isFinite(incident.resolvedAt)) {
    events.push({ id: `${id}:resolved`, type: 'resolved', at: incident.resolvedAt });
  }
  return events.sort((a, b) => a.at - b.at);
}
