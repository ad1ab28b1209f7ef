import type { Language } from '../../core/language';
import { LANGUAGES } from '../managed/config';
import { templateKey } from '../managed/templates';
import type { TimelineEvent } from '../../core/types';
import { wanted as passes } from '../../core/notify';
import { incidentPolicy } from '../db/incidents';
import { copiedReplies } from '../db/marks';
import type { IncidentRecord, Settings, SourceRecord, TeamMarkRecord } from '../db/schema';
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
import { HOLDING_LINE, type OverlayState } from '../messaging/overlay-state';
import { badgeFor, type BadgeItem } from './badge';
import type { Deps } from './deps';
import { isInternal } from '../content/background/team-projection';
import { watchedIncidents } from './watched';
import { buildOverlay, pageProjection } from '../content/background/projection';
import {
  endedNotice,
  feedNotices,
  localNotices,
  type NoticeGroup,
} from '../notifications/background/notices';
import { deliver, type Wanted } from '../notifications/background/deliver';

/** A feed incident that ended within this long is announced as ended (once; see `notified`). */
const ENDED_WATCH_MS = 2 * 60 * 60_000;

/**
 * The team's duty marks by the feed key of each of this browser's sources for their feed URL (each
 * browser names its sources itself; the mark names the feed by its URL).
 */
export function marksByFeedKey(
  marks: readonly TeamMarkRecord[],
  sources: readonly { id: string; url: string }[],
): Map<string, TeamMarkRecord[]> {
  const out = new Map<string, TeamMarkRecord[]>();
  for (const m of marks)
    for (const s of sources) {
      if (s.url !== m.feedUrl) continue;
      const k = feedKey(s.id, m.incidentId);
      out.set(k, [...(out.get(k) ?? []), m]);
    }
  return out;
}

/**
 * The team's internal holding line for agents (a template named `holding_line`, one per language
 * like the templates: English under its id, German under `de:holding_line`), where written.
 */
export function holdingLines(templates: Record<string, string>): {
  holdingLines?: Partial<Record<Language, string>>;
} {
  const lines = Object.fromEntries(
    LANGUAGES.flatMap((l) => {
      const line = templates[templateKey(HOLDING_LINE, l)]?.trim();
      return line ? [[l, line]] : [];
    }),
  );
  return Object.keys(lines).length > 0 ? { holdingLines: lines } : {};
}

/** What a refresh computes from storage at `now`, before it writes anything out. */
export interface Refreshed {
  /** The whole overlay projection (pages get a bounded copy of it). */
  overlay: OverlayState;
  badge: BadgeItem[];
  /** Every notice group, in the order they are delivered. */
  groups: NoticeGroup[];
  settings: Settings;
  sources: SourceRecord[];
}

/**
 * Recomputes everything derived from stored data at `now` — obligations, the overlay projection,
 * the badge and due notifications — and writes it out. Holds nothing in memory: safe to run on
 * any wake, any number of times.
 */
export async function refresh(deps: Deps): Promise<OverlayState> {
  const db = await deps.db();
  const now = deps.now();
  const { overlay, badge, groups, settings, sources } = await computeRefresh(db, now);
  // Pages get a bounded copy; notices below still see every incident.
  await deps.platform.writeOverlay(pageProjection(overlay));
  await deps.platform.setBadge(badgeFor(badge));
  // The filters (severity, role, source) apply to feed notices; one's own incidents always notify.
  const byId = new Map(sources.map((x) => [x.id, x]));
  const filter = settings.notifications;
  const wanted: Wanted = (n, g) => {
    const source = g.source && byId.get(g.source.id);
    if (!source) return true;
    return passes(filter, { ...n, source: { id: source.id, url: source.url } });
  };
  await deliver(deps.platform, db, groups, settings.notifications, now, wanted);
  return overlay;
}

/** The overlay, the badge's items and the notice groups at `now`, from storage (reads only). */
export async function computeRefresh(db: LensDatabase, now: number): Promise<Refreshed> {
  const settings = await getSettings(db);
  const keepMs = settings.resolvedKeepMinutes * 60_000;
  const [sources, snapshots, active, copied, ended, marks, resolved] = await Promise.all([
    listSources(db),
    listSnapshots(db),
    activeFeedIncidents(db),
    copiedReplies(db),
    recentlyEndedFeedIncidents(db, now - ENDED_WATCH_MS),
    db.getAll('marks'),
    keepMs > 0 ? endedFeedIncidentsSince(db, now - keepMs) : [],
  ]);
  // The feed incidents the overlay shows (active, on a source that is on: buildOverlay's items).
  const on = new Set(sources.filter((s) => s.enabled).map((s) => s.id));
  const onShow = new Set(
    active.filter((r) => on.has(r.sourceId)).map((r) => feedKey(r.sourceId, r.incident.id)),
  );
  const shownLink = (i: IncidentRecord) =>
    i.linked !== undefined && onShow.has(feedKey(i.linked.sourceId, i.linked.incidentId));
  // Own events only where the overlay uses them: on a shown feed incident's card, or as the
  // team's internal item; the rest come from the summaries (watched.ts).
  const locals = await watchedIncidents(
    db,
    now,
    settings.policy,
    (i) => shownLink(i) || isInternal(i, onShow),
  );
  const pageUrls = new Map<string, string>();
  const pageZones = new Map<string, string>();
  for (const s of snapshots) {
    if (s.feed.page.url) pageUrls.set(s.sourceId, s.feed.page.url);
    if (s.feed.page.timeZone) pageZones.set(s.sourceId, s.feed.page.timeZone);
  }
  const linkedEvents = new Map<string, TimelineEvent[]>();
  for (const { incident, own } of locals) {
    if (!own || !shownLink(incident)) continue;
    const k = feedKey(incident.linked!.sourceId, incident.linked!.incidentId);
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
      .filter((l) => l.own && isInternal(l.incident, onShow))
      .map(({ incident, own }) => ({
        incident,
        events: own!,
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
  for (const { incident, obligations } of locals) {
    const l = incident.linked;
    const counted = l !== undefined && shown.has(feedKey(l.sourceId, l.incidentId));
    if (incident.status === 'open' && !counted)
      badge.push({ severity: incident.severity, name: incident.title });
    groups.push(localNotices(incident, obligations, now));
  }
  return { overlay, badge, groups, settings, sources };
}
