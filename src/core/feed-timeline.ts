/**
 * A feed incident seen as a responder timeline, so the obligation engine can compute deadlines for
 * incidents the agent only knows from a status page. Pure: everything comes from the incident.
 *
 * Decisions: the classification is placed at `createdAt` (when the incident appeared on the page;
 * `startedAt` when createdAt is unusable), with the severity its impact maps to — the feed only says
 * the current impact, so there is one classification. The oldest update is the status-page post;
 * every update, that one included, is an `update_posted`. `resolved` comes from `resolvedAt`.
 */
import { newestUpdateFirst } from './feed/levels';
import type { FeedIncident, FeedUpdate, TimelineEvent } from './types';

/** Oldest first: the feed's update order, reversed. */
const byDisplayAsc = (a: FeedUpdate, b: FeedUpdate): number => newestUpdateFirst(b, a);

/** Deterministic events (ids `feed:<incident>:<what>`), oldest first. */
export function feedTimeline(incident: FeedIncident): TimelineEvent[] {
  const id = `feed:${incident.id}`;
  const events: TimelineEvent[] = [];
  const at = Number.isFinite(incident.createdAt) ? incident.createdAt : incident.startedAt;
  const declaredAt = incident.startedAt ?? at;
  if (declaredAt !== undefined && Number.isFinite(declaredAt)) {
    events.push({ id: `${id}:declared`, type: 'declared', at: declaredAt });
  }
  if (incident.severity !== null && at !== undefined && Number.isFinite(at)) {
    const text = `Impact "${incident.impact}" on the status page`;
    events.push({
      id: `${id}:classified`,
      type: 'classified',
      at,
      severity: incident.severity,
      text,
    });
  }
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
