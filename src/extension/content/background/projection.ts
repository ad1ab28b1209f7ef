import type { Language } from '../../../core/language';
import { latestUpdate } from '../../../core/feed';
import { feedTimeline } from '../../../core/feed-timeline';
import {
  DEFAULT_RESOLVED_KEEP_MINUTES,
  endedAt,
  incidentLink,
  isFinished,
  keepResolved,
} from '../../../core/feed/since';
import { computeObligations } from '../../../core/obligations';
import { markBeforeWatch } from '../../../core/notify';
import type { Channel, Policy, TimelineEvent } from '../../../core/types';
import type {
  CopiedReplyRecord,
  EventRecord,
  FeedIncidentRecord,
  IncidentRecord,
  SourceRecord,
  TeamMarkRecord,
} from '../../db/schema';
import { doneByOf, internalItem, isInternal, mergedDone } from './team-projection';
import {
  PAGE_LIMITS,
  type OverlayIncident,
  type OverlayState,
} from '../../messaging/overlay-state';

/** What the projection is built from: read from IDB by `refresh`, passed in so this stays pure. */
export interface ProjectionInput {
  now: number;
  policy: Policy;
  sources: SourceRecord[];
  /** https status-page URL per source id, from its snapshot. */
  pageUrls: Map<string, string>;
  /** The status page's declared time zone per source id, from its snapshot. */
  pageZones?: Map<string, string>;
  active: FeedIncidentRecord[];
  copied: Map<string, CopiedReplyRecord>;
  /** Events of local incidents linked to a feed incident, by feed key. */
  linkedEvents: Map<string, TimelineEvent[]>;
  /** Feed incidents no longer active; those resolved within `keepResolvedMinutes` get a card. */
  ended?: FeedIncidentRecord[];
  keepResolvedMinutes?: number;
  /** Team mode: the team's duty marks, by the feed key of this browser's source for their URL. */
  teamMarks?: Map<string, TeamMarkRecord[]>;
  /** Team mode: open local incidents with their events and policy (internal ones are shown). */
  teamIncidents?: { incident: IncidentRecord; events: EventRecord[]; policy: Policy }[];
  /** The team's internal holding line for agents, per language it is written in (if any). */
  holdingLines?: Partial<Record<Language, string>>;
}

/** The host of an https URL, or undefined. */
function httpsHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A feed link a customer reply may carry: https, and on the source's own host or the status-page
 * host the feed declares (issue 16, item 13). Anything else is dropped, so the reply falls back to
 * the status page or the words "our status page".
 */
export function allowedLink(
  url: string | undefined,
  sourceUrl: string,
  pageUrl: string | undefined,
): string | undefined {
  const host = httpsHost(url);
  if (!host) return undefined;
  const allowed = [httpsHost(sourceUrl) ?? new URL(sourceUrl).host, httpsHost(pageUrl)];
  return allowed.includes(host) ? url : undefined;
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
  /** When its source was added and how often it polls: deadlines before it are not ours (notify.ts). */
  source?: Pick<SourceRecord, 'createdAt' | 'pollSeconds'>,
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
  const all = computeObligations({ events, publiclyVisible: true }, policy, now).filter((o) =>
    channels.includes(o.channel),
  );
  if (!source) return all;
  // A deadline already overdue by more than the due-soon window when the incident was first seen
  // was never this agent's to meet; an incident first seen within two polls (or five minutes) of
  // the source being added was found by adding it.
  const window = Math.max(5 * 60_000, 2 * source.pollSeconds * 1000);
  return markBeforeWatch(all, rec.firstSeenAt, source.createdAt, window, SOON_MS);
}

/** The domain's due-soon window: a deadline missed by less when first seen is still shown due. */
const SOON_MS = 5 * 60_000;

const FEED_CHANNELS: readonly Channel[] = ['status_page', 'customer_email'];
const LINKED_CHANNELS: readonly Channel[] = [...FEED_CHANNELS, 'exec'];

/** One feed incident as the overlay shows it, or undefined when its source is gone or off. */
function overlayItem(
  input: ProjectionInput,
  byId: Map<string, SourceRecord>,
  rec: FeedIncidentRecord,
  obligations: boolean,
): OverlayIncident | undefined {
  const source = byId.get(rec.sourceId);
  if (!source || !source.enabled) return undefined;
  const declared = input.pageUrls.get(source.id);
  const url = httpsHost(declared) ? declared : undefined;
  const copied = copiedState(input.copied.get(rec.key), rec.incident);
  const { shortlink, ...rest } = rec.incident;
  const link = allowedLink(shortlink, source.url, url);
  const incidentUrl = incidentLink(rec.incident, source.url, url);
  const zone = input.pageZones?.get(source.id)?.slice(0, 64);
  const done = mergedDone(rec, input.teamMarks?.get(rec.key));
  const doneBy = doneByOf(done);
  return {
    sourceId: source.id,
    sourceName: source.name,
    ...(url ? { statusPageUrl: url } : {}),
    ...(zone ? { statusPageTimeZone: zone } : {}),
    incident: link ? { ...rest, shortlink: link } : rest,
    ...(incidentUrl ? { incidentUrl } : {}),
    // A resolved incident owes nothing more a card could count down.
    obligations: obligations
      ? feedObligations(
          { ...rec, done },
          input.linkedEvents.get(rec.key),
          input.policy,
          input.now,
          source,
        )
      : [],
    ...(copied ? { copied } : {}),
    ...(doneBy ? { doneBy } : {}),
  };
}

/** Incidents resolved within the keep time, newest resolution first. */
function recentlyResolved(
  input: ProjectionInput,
  byId: Map<string, SourceRecord>,
): OverlayIncident[] {
  const keep = input.keepResolvedMinutes ?? DEFAULT_RESOLVED_KEEP_MINUTES;
  const out: OverlayIncident[] = [];
  for (const rec of input.ended ?? []) {
    const ended = endedAt(rec.incident, rec.lastSeenAt);
    if (!keepResolved(rec.incident, ended, input.now, keep)) continue;
    const item = overlayItem(input, byId, rec, false);
    if (!item) continue;
    // A summary feed drops a resolved incident rather than listing it resolved: the copy last seen
    // still says "monitoring". It is over all the same, and its card and reply say so.
    const incident = isFinished(item.incident)
      ? item.incident
      : { ...item.incident, status: 'resolved' as const };
    out.push({ ...item, incident, endedAt: ended });
  }
  return out.sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
}

/** The OverlayState the background keeps (storage.session) after every poll or command. */
export function buildOverlay(input: ProjectionInput): OverlayState {
  const byId = new Map(input.sources.map((s) => [s.id, s]));
  const incidents: OverlayIncident[] = [];
  for (const rec of input.active) {
    const item = overlayItem(input, byId, rec, true);
    if (item) incidents.push(item);
  }
  const shownKeys = new Set(incidents.map((o) => `${o.sourceId}|${o.incident.id}`));
  for (const { incident, events, policy } of input.teamIncidents ?? []) {
    if (!isInternal(incident, shownKeys)) continue;
    const item = internalItem(incident, events, policy, input.now);
    if (input.holdingLines) item.internal = { ...item.internal, holdingLines: input.holdingLines };
    incidents.push(item);
  }
  incidents.sort((a, b) => rank(a) - rank(b) || b.incident.updatedAt - a.incident.updatedAt);
  const resolved = recentlyResolved(input, byId);
  const failing = input.sources
    .filter((s) => s.enabled && s.failures > 0 && s.lastError)
    .map((s) => ({
      sourceId: s.id,
      ...(s.lastOkAt !== undefined ? { lastOkAt: s.lastOkAt } : {}),
    }));
  return {
    computedAt: input.now,
    incidents,
    failing,
    ...(resolved.length > 0 ? { resolved } : {}),
  };
}

const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One item as a page shows it: its latest update only, bounded names, components and text. */
function pageItem(o: OverlayIncident): OverlayIncident {
  const latest = latestUpdate(o.incident);
  const names = (list: readonly { name: string }[]) =>
    list
      .slice(0, PAGE_LIMITS.componentsPerIncident)
      .map((c) => ({ name: cut(c.name, PAGE_LIMITS.nameChars) }));
  const copied = o.copied && {
    ...o.copied,
    text: cut(o.copied.text, PAGE_LIMITS.bodyChars),
    ...(o.copied.newerUpdateBody !== undefined
      ? { newerUpdateBody: cut(o.copied.newerUpdateBody, PAGE_LIMITS.bodyChars) }
      : {}),
  };
  const internal = o.internal && {
    ...(o.internal.declaredBy
      ? { declaredBy: cut(o.internal.declaredBy, PAGE_LIMITS.nameChars) }
      : {}),
    ...(o.internal.holdingLines
      ? {
          holdingLines: Object.fromEntries(
            Object.entries(o.internal.holdingLines).map(([l, x]) => [
              l,
              cut(x, PAGE_LIMITS.bodyChars),
            ]),
          ),
        }
      : {}),
  };
  const doneBy =
    o.doneBy &&
    Object.fromEntries(
      Object.entries(o.doneBy).map(([k, d]) => [k, { ...d, by: cut(d.by, PAGE_LIMITS.nameChars) }]),
    );
  return {
    ...o,
    ...(internal ? { internal } : {}),
    ...(doneBy ? { doneBy } : {}),
    sourceName: cut(o.sourceName, PAGE_LIMITS.nameChars),
    incident: {
      ...o.incident,
      name: cut(o.incident.name, PAGE_LIMITS.nameChars),
      components: names(o.incident.components),
      updates: latest
        ? [
            {
              ...latest,
              body: cut(latest.body, PAGE_LIMITS.bodyChars),
              affectedComponents: names(latest.affectedComponents),
            },
          ]
        : [],
    },
    ...(copied ? { copied } : {}),
  };
}

/**
 * The projection kept for pages (and the popup): at most PAGE_LIMITS.incidents
 * items, most severe first, each bounded. A 500 × 380 feed stays a few hundred kB instead of 4.3 MB.
 */
export function pageProjection(state: OverlayState): OverlayState {
  const shown = state.incidents.slice(0, PAGE_LIMITS.incidents);
  const omitted = state.incidents.length - shown.length;
  const resolved = (state.resolved ?? []).slice(0, PAGE_LIMITS.resolved).map(pageItem);
  return {
    computedAt: state.computedAt,
    incidents: shown.map(pageItem),
    failing: state.failing,
    ...(omitted > 0 ? { omitted } : {}),
    ...(resolved.length > 0 ? { resolved } : {}),
  };
}
