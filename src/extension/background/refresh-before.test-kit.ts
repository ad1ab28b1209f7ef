/**
 * The refresh's computation as it was before issue 22's bounded reads (main at b475a38): every
 * watched responder incident's whole timeline read, its obligations computed from it. Kept for the
 * tests that say the bounded refresh gives a user exactly what this gave (refresh-reads.test.ts).
 */
import { computeObligations } from '../../core/obligations';
import type { TimelineEvent } from '../../core/types';
import { eventsOf, incidentPolicy, listIncidents, resolvedSince } from '../db/incidents';
import { copiedReplies } from '../db/marks';
import type { EventRecord, IncidentRecord } from '../db/schema';
import { getSettings } from '../db/settings';
import {
  activeFeedIncidents,
  endedFeedIncidentsSince,
  feedKey,
  listSnapshots,
  listSources,
  recentlyEndedFeedIncidents,
} from '../db/sources';
import type { LensDatabase } from '../db/open';
import type { BadgeItem } from './badge';
import { eventsWithLinked } from '../responder/linked-events';
import { buildOverlay } from '../content/background/projection';
import {
  endedNotice,
  feedNotices,
  localNotices,
  type NoticeGroup,
} from '../notifications/background/notices';
import { holdingLines, marksByFeedKey, type Refreshed } from './refresh';

const DAY = 86_400_000;
const RESOLVED_WATCH_MS = 14 * DAY;
const ENDED_WATCH_MS = 2 * 60 * 60_000;

interface Local {
  incident: IncidentRecord;
  /** Its own recorded events (with their authors in team mode). */
  own: EventRecord[];
  /** Its own events plus the linked feed incident's public posts (they count as posted updates). */
  events: TimelineEvent[];
}

/**
 * Responder incidents worth watching, each with its timeline plus its linked feed's public posts: the
 * open ones (the `by-status` index) and those resolved within RESOLVED_WATCH_MS (the `by-resolved`
 * index), so a poll reads neither older incidents nor their timelines.
 */
async function localIncidentsBefore(db: LensDatabase, now: number): Promise<Local[]> {
  const [open, recent] = await Promise.all([
    listIncidents(db, 'open'),
    resolvedSince(db, now - RESOLVED_WATCH_MS),
  ]);
  const byId = new Map([...open, ...recent].map((i) => [i.id, i]));
  const all = [...byId.values()]
    .filter(
      (i) =>
        i.status === 'open' ||
        (i.resolvedAt !== undefined && now - i.resolvedAt < RESOLVED_WATCH_MS),
    )
    .sort((a, b) => b.declaredAt - a.declaredAt);
  return Promise.all(
    all.map(async (incident) => {
      const own = await eventsOf(db, incident.id);
      return { incident, own, events: await eventsWithLinked(db, incident, own) };
    }),
  );
}

export async function computeRefreshBefore(db: LensDatabase, now: number): Promise<Refreshed> {
  const settings = await getSettings(db);
  const keepMs = settings.resolvedKeepMinutes * 60_000;
  const [sources, snapshots, active, copied, locals, ended, marks, resolved] = await Promise.all([
    listSources(db),
    listSnapshots(db),
    activeFeedIncidents(db),
    copiedReplies(db),
    localIncidentsBefore(db, now),
    recentlyEndedFeedIncidents(db, now - ENDED_WATCH_MS),
    db.getAll('marks'),
    keepMs > 0 ? endedFeedIncidentsSince(db, now - keepMs) : [],
  ]);
  const pageUrls = new Map<string, string>();
  const pageZones = new Map<string, string>();
  for (const s of snapshots) {
    if (s.feed.page.url) pageUrls.set(s.sourceId, s.feed.page.url);
    if (s.feed.page.timeZone) pageZones.set(s.sourceId, s.feed.page.timeZone);
  }
  const linkedEvents = new Map<string, TimelineEvent[]>();
  for (const { incident, own } of locals) {
    if (!incident.linked) continue;
    const k = feedKey(incident.linked.sourceId, incident.linked.incidentId);
    linkedEvents.set(k, [...(linkedEvents.get(k) ?? []), ...own]);
  }
  const overlay = buildOverlay({
    now,
    policy: settings.policy,
    sources,
    pageUrls,
    pageZones,
    active,
    copied,
    linkedEvents,
    ended: resolved,
    keepResolvedMinutes: settings.resolvedKeepMinutes,
    teamMarks: marksByFeedKey(marks, sources),
    teamIncidents: locals
      .filter((l) => l.incident.status === 'open' && l.incident.createdBy?.name)
      .map(({ incident, own }) => ({
        incident,
        events: own,
        policy: incidentPolicy(incident, settings.policy),
      })),
    ...holdingLines(settings.templates),
  });
  // The team's internal items are local incidents: counted and announced below, once.
  const feedItems = overlay.incidents.filter((o) => !o.internal);
  const shown = new Set(feedItems.map((o) => feedKey(o.sourceId, o.incident.id)));
  // The badge counts what the pill counts (maintenance in progress too), plus one's own incidents.
  const badge: BadgeItem[] = feedItems.map((o) => ({
    severity: o.incident.kind === 'maintenance' ? 'maintenance' : o.incident.severity,
    name: o.incident.name,
    source: o.sourceName,
  }));
  const history = new Map(active.map((r) => [r.key, r.severities?.length ?? 1]));
  const groups: NoticeGroup[] = feedItems.map((o) => {
    const k = feedKey(o.sourceId, o.incident.id);
    return feedNotices(o, k, linkedEvents.has(k), now, history.get(k));
  });
  for (const rec of ended) {
    const source = sources.find((x) => x.id === rec.sourceId);
    if (source?.enabled) groups.push(endedNotice(rec, source.name));
  }
  for (const { incident, events } of locals) {
    const l = incident.linked;
    const counted = l !== undefined && shown.has(feedKey(l.sourceId, l.incidentId));
    if (incident.status === 'open' && !counted)
      badge.push({ severity: incident.severity, name: incident.title });
    const obligations = computeObligations(
      { events, publiclyVisible: incident.publiclyVisible, commonlyUsed: incident.commonlyUsed },
      incidentPolicy(incident, settings.policy),
      now,
    );
    groups.push(localNotices(incident, obligations, now));
  }
  return { overlay, badge, groups, settings, sources };
}
