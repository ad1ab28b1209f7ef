import { latestUpdate } from '../../../core/feed';
import { feedTimeline } from '../../../core/feed-timeline';
import { computeObligations } from '../../../core/obligations';
import type { Channel, Policy, TimelineEvent } from '../../../core/types';
import type {
  CopiedReplyRecord,
  FeedIncidentRecord,
  SiteRecord,
  SourceRecord,
} from '../../db/schema';
import type { OverlayIncident, OverlayState } from '../../messaging/overlay-state';

/** What the projection is built from: read from IDB by `refresh`, passed in so this stays pure. */
export interface ProjectionInput {
  now: number;
  policy: Policy;
  sources: SourceRecord[];
  /** https status-page URL per source id, from its snapshot. */
  pageUrls: Map<string, string>;
  active: FeedIncidentRecord[];
  copied: Map<string, CopiedReplyRecord>;
  /** Events of local incidents linked to a feed incident, by feed key. */
  linkedEvents: Map<string, TimelineEvent[]>;
  sites: SiteRecord[];
}

/** The copied-reply state: stale once the latest update is not the one the reply was built from. */
export function copiedState(
  rec: CopiedReplyRecord | undefined,
  incident: FeedIncidentRecord['incident'],
): OverlayIncident['copied'] {
  if (!rec) return undefined;
  const latest = latestUpdate(incident);
  const stale = latest !== undefined && latest.id !== rec.updateId;
  const base = { updateId: rec.updateId, text: rec.text, copiedAt: rec.copiedAt, stale };
  return stale && latest ? { ...base, newerUpdateBody: latest.body } : base;
}

const rank = (o: OverlayIncident): number =>
  o.incident.kind === 'maintenance' ? 6 : (o.incident.severity ?? 5);

/**
 * The communication deadlines of a feed incident, from its own public timeline plus the events of
 * linked local incidents. A public feed shows only what was posted, so internal duties (bridge,
 * engagement, meetings) are left out: nothing here could tell whether they were met. The exec
 * notice is shown once a responder's linked incident records it.
 */
export function feedObligations(
  rec: FeedIncidentRecord,
  linked: TimelineEvent[] | undefined,
  policy: Policy,
  now: number,
): OverlayIncident['obligations'] {
  if (rec.incident.kind === 'maintenance') return [];
  const done: TimelineEvent[] = (rec.done ?? []).map((d) => ({
    id: `agent:${rec.key}:${d.obligationId}`,
    type: 'obligation_met',
    obligationId: d.obligationId,
    at: d.at,
  }));
  const events = [...feedTimeline(rec.incident, rec.severities), ...done, ...(linked ?? [])];
  const channels: readonly Channel[] = linked?.length ? LINKED_CHANNELS : FEED_CHANNELS;
  return computeObligations({ events, publiclyVisible: true }, policy, now).filter((o) =>
    channels.includes(o.channel),
  );
}

const FEED_CHANNELS: readonly Channel[] = ['status_page', 'customer_email'];
const LINKED_CHANNELS: readonly Channel[] = [...FEED_CHANNELS, 'exec'];

/** The OverlayState the background writes to storage.local after every poll or command. */
export function buildOverlay(input: ProjectionInput): OverlayState {
  const byId = new Map(input.sources.map((s) => [s.id, s]));
  const incidents: OverlayIncident[] = [];
  for (const rec of input.active) {
    const source = byId.get(rec.sourceId);
    if (!source || !source.enabled) continue;
    const url = input.pageUrls.get(source.id);
    const copied = copiedState(input.copied.get(rec.key), rec.incident);
    incidents.push({
      sourceId: source.id,
      sourceName: source.name,
      ...(url ? { statusPageUrl: url } : {}),
      incident: rec.incident,
      obligations: feedObligations(rec, input.linkedEvents.get(rec.key), input.policy, input.now),
      ...(copied ? { copied } : {}),
    });
  }
  incidents.sort((a, b) => rank(a) - rank(b) || b.incident.updatedAt - a.incident.updatedAt);
  const failing = input.sources
    .filter((s) => s.enabled && s.failures > 0 && s.lastError)
    .map((s) => ({
      sourceId: s.id,
      name: s.name,
      error: s.lastError ?? '',
      ...(s.lastOkAt !== undefined ? { lastOkAt: s.lastOkAt } : {}),
    }));
  const corners = Object.fromEntries(
    input.sites.filter((s) => s.enabled).map((s) => [s.origin, s.corner] as const),
  );
  return { computedAt: input.now, incidents, failing, corners };
}
