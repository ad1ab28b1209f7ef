/**
 * "Since when, and where" (issue 19, items 8 and 9): when a feed incident started, when it ended,
 * whether a resolved one is still worth showing, and the link to the incident itself. Pure.
 */
import type { FeedIncident } from '../types';
import { latestUpdate } from './query';

/**
 * When the incident started: its own start time, else when it was created. A maintenance starts
 * when its window opens (`scheduledFor`), else the same way.
 */
export function startedAt(i: FeedIncident): number {
  if (i.kind === 'maintenance' && i.scheduledFor !== undefined) return i.scheduledFor;
  return i.startedAt ?? i.createdAt;
}

/** Statuses that say the incident is over (a maintenance: completed). */
export function isFinished(i: FeedIncident): boolean {
  return i.status === 'resolved' || i.status === 'postmortem' || i.status === 'completed';
}

/**
 * When an incident the feed no longer lists as active ended: its resolution time, else (listed
 * resolved without one) the time of its last update, the resolving one, or of its last change;
 * one that simply left the feed ended at `lastSeenAt` (a summary feed drops a resolved incident
 * instead of listing it resolved, so the last poll that listed it is the best the browser knows;
 * never the last sighting of one still listed, which moves with every poll).
 */
export function endedAt(i: FeedIncident, lastSeenAt: number): number {
  if (i.resolvedAt !== undefined) return i.resolvedAt;
  if (!isFinished(i)) return lastSeenAt;
  return latestUpdate(i)?.displayAt ?? i.updatedAt;
}

/** Default time a resolved incident's card stays in the overlay: two hours. */
export const DEFAULT_RESOLVED_KEEP_MINUTES = 120;
/** Bounds of that setting: 0 (cards go at once, as before) up to a working day. */
export const RESOLVED_KEEP_MAX_MINUTES = 24 * 60;

/**
 * Whether an incident that ended at `ended` still gets its "recently resolved" card at `now`:
 * for `keepMinutes` after it ended. Maintenance is left out (its window simply closed).
 */
export function keepResolved(
  i: FeedIncident,
  ended: number | undefined,
  now: number,
  keepMinutes: number,
): boolean {
  if (i.kind !== 'incident' || ended === undefined) return false;
  return ended <= now && now - ended < keepMinutes * 60_000;
}

/** The host of an https URL, or undefined for anything else. */
function httpsHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '' ? u.host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The link to the incident itself, for the card and the customer reply: its shortlink, else (a
 * Statuspage incident, which carries its page id) the status page's incident URL. Only https, and
 * only on the source's own host or the status page's declared host: a feed cannot point agents or
 * customers anywhere else (the link policy of issue 16, item 13). Undefined when there is none.
 */
export function incidentLink(
  i: FeedIncident,
  sourceUrl: string,
  pageUrl: string | undefined,
): string | undefined {
  const allowed = [httpsHost(sourceUrl), httpsHost(pageUrl)].filter(Boolean);
  const ok = (url: string | undefined) => {
    const host = httpsHost(url);
    return host !== undefined && allowed.includes(host) ? url : undefined;
  };
  return ok(i.shortlink) ?? ok(incidentPage(i, pageUrl));
}

/**
 * The incident's own page under the status page `pageUrl` ("…/incidents/<id>"), only where one
 * exists: a Statuspage incident, which carries its page id. Other formats' ids (a hash of an
 * Atom or RSS entry without a link, an Instatus, Cachet or Better Stack id) name no such page, so
 * a link built from them would be broken. The one rule for the extension and the widgets; the
 * caller checks the URL is one it may link to.
 */
export function incidentPage(i: FeedIncident, pageUrl: string | undefined): string | undefined {
  if (i.pageId === undefined || !pageUrl) return undefined;
  // (a bare origin ends in "/": cut it, or the link has "//incidents")
  return `${pageUrl.replace(/\/+$/, '')}/incidents/${encodeURIComponent(i.id)}`;
}
