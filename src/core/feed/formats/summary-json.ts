/**
 * A normalised feed written back as a Statuspage v2 `summary.json`: the one shape every reader of
 * this project (the widgets, the extension, `parseFeed`) already understands. The server-side
 * helper serves it, so a widget pointed at the helper needs no code for the provider behind it.
 * What the feed does not know (an unknown impact or status) is left out rather than invented, so
 * it reads back as unknown, without a problem.
 */
import type { ComponentRef, Feed, FeedIncident, FeedUpdate } from '../../types';

type Json = Record<string, unknown>;

const iso = (ms: number | undefined): string | null =>
  ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString();

/** `v` unless it is 'unknown' (left out, so that it reads back as unknown). */
const known = (v: string | undefined): string | undefined => (v == 'unknown' ? undefined : v);

function ref(r: ComponentRef, affected: boolean): Json {
  return affected
    ? { code: r.id, name: r.name, old_status: known(r.oldStatus), new_status: known(r.newStatus) }
    : { id: r.id, name: r.name, status: known(r.newStatus) };
}

/** Plain text as HTML that reads back as the same text (a literal "<b>" stays text). */
const asHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function update(u: FeedUpdate): Json {
  return {
    id: u.id,
    status: known(u.status),
    body: asHtml(u.body),
    created_at: iso(u.createdAt),
    display_at: iso(u.displayAt),
    updated_at: iso(u.updatedAt),
    affected_components: u.affectedComponents.map((r) => ref(r, true)),
  };
}

function incident(i: FeedIncident): Json {
  return {
    id: i.id,
    name: i.name,
    status: known(i.status),
    impact: known(i.impact),
    created_at: iso(i.createdAt),
    updated_at: iso(i.updatedAt),
    started_at: iso(i.startedAt),
    monitoring_at: iso(i.monitoringAt),
    resolved_at: iso(i.resolvedAt),
    scheduled_for: iso(i.scheduledFor),
    scheduled_until: iso(i.scheduledUntil),
    shortlink: i.shortlink,
    page_id: i.pageId,
    components: i.components.map((r) => ref(r, false)),
    incident_updates: i.updates.map(update),
  };
}

/** The feed as a Statuspage v2 summary (JSON-ready; `undefined` fields drop out when stringified). */
export function toSummaryJson(feed: Feed): Json {
  return {
    page: {
      id: feed.page.id,
      name: feed.page.name,
      url: feed.page.url,
      time_zone: feed.page.timeZone,
      updated_at: iso(feed.page.updatedAt),
    },
    status: { indicator: known(feed.indicator), description: feed.description },
    components: feed.components.map((c) => ({
      id: c.id,
      name: c.name,
      status: known(c.status),
      description: c.description,
      group_id: c.groupId,
      group: c.isGroup,
      components: c.isGroup ? c.children : undefined,
      position: c.position,
      showcase: c.showcase,
      only_show_if_degraded: c.onlyShowIfDegraded,
    })),
    incidents: feed.incidents.map(incident),
    scheduled_maintenances: feed.maintenances.map(incident),
  };
}
