import { putCopiedReply } from '../../db/marks';
import { supportSignalFrom } from '../../../core/review';
import type { LensDatabase } from '../../db/open';
import { addSupportSignal, feedKey, getSource, markFeedIncidentDone } from '../../db/sources';
import { getSetting, setSetting } from '../../db/settings';
import type { FeedIncidentRecord } from '../../db/schema';
import { checkPrefs, choose, type PrefProblem } from '../../notifications/prefs';
import type { Handlers, Sender } from '../../messaging/channel';
import type { Deps } from '../../background/deps';
import { optText, text } from '../../../core/validate';
import { endedAt, keepResolved } from '../../../core/feed/since';
import { payload } from '../../background/input';
import { disableSite, enableSite, setCorner } from './registration';
import { getSite } from '../../db/sites';
import { originPattern } from '../../origins/match-patterns';
import type { NotificationCommands } from '../../notifications/protocol';
import type { SiteCommands } from '../protocol';
import {
  currentManaged,
  NOT_ALLOWED_BY_ORGANISATION,
  SET_BY_ORGANISATION,
} from '../../managed/background/sync';

/** Site and overlay commands, and (for now) the notification settings one. */
type Own = keyof SiteCommands | keyof NotificationCommands;

/** A refused notification setting in words (the worker's errors are English, as stored). */
function refusal({ key, reason }: PrefProblem): string {
  if (reason === 'unknownKey') return `${key} is not a notification setting.`;
  if (reason === 'badChoice') return `${key} is not one of its choices.`;
  return key === 'mutedSources'
    ? 'mutedSources must be a list of source ids or feed URLs.'
    : `${key} must be true or false.`;
}

/**
 * A content script may only speak for the page it runs in. (Extension pages, even open in a tab,
 * may name any site: the dispatcher already told them from content scripts by their URL.)
 */
function ownOrigin(sender: Sender, origin: string): void {
  const from = sender.url ? new URL(sender.url) : undefined;
  if (from?.protocol.endsWith('-extension:')) return;
  if (sender.tab && from && from.origin !== new URL(origin).origin) {
    throw new Error('Refused: a page may only change its own site.');
  }
}

/** Longest reply stored: the built-in templates stay far below it. */
export const REPLY_MAX_CHARS = 4_000;
/** Copied-reply records kept; the oldest go first. */
export const MAX_COPIED_REPLIES = 200;

/**
 * The active feed incident of an enabled source a content script names, or an error: a page may
 * only act on what its overlay shows (issue 16, item 15).
 */
async function shownIncident(
  db: LensDatabase,
  sourceIdIn: unknown,
  incidentIdIn: unknown,
  /** Given: a recently resolved incident's card (issue 19, item 9) counts as shown at `now`. */
  resolvedAt?: number,
): Promise<FeedIncidentRecord> {
  const sourceId = text(sourceIdIn, 'The source id', 200);
  const incidentId = text(incidentIdIn, 'The incident id', 200);
  if (!(await getSource(db, sourceId))?.enabled) throw new Error('This source is not listed.');
  const rec = await db.get('feedIncidents', feedKey(sourceId, incidentId));
  const shownResolved =
    rec !== undefined &&
    resolvedAt !== undefined &&
    keepResolved(
      rec.incident,
      endedAt(rec.incident, rec.lastSeenAt),
      resolvedAt,
      await getSetting(db, 'resolvedKeepMinutes'),
    );
  if (!rec || (!rec.active && !shownResolved))
    throw new Error('This incident is no longer listed.');
  return rec;
}

/**
 * A feed incident's duties an agent can do and mark done: the proactive customer notification
 * (the status page posts come from the feed itself).
 */
export const AGENT_DUTIES: readonly string[] = ['customer_email'];

/** Handlers for sites, copied replies and notification preferences. */
export function siteHandlers(deps: Deps): Pick<Handlers, Own> {
  return {
    async 'sites/enable'(p) {
      const origin = text(payload(p).origin, 'The site');
      const known = await getSite(await deps.db(), originPattern(origin));
      // Turning a managed site back on (after its access was granted) is always allowed.
      if (!known?.managed && !(await currentManaged(deps)).config.allowUserSites)
        throw new Error(NOT_ALLOWED_BY_ORGANISATION);
      return enableSite(deps, origin);
    },
    async 'sites/disable'(p) {
      const origin = text(payload(p).origin, 'The site');
      if ((await getSite(await deps.db(), originPattern(origin)))?.managed)
        throw new Error(SET_BY_ORGANISATION);
      await disableSite(deps, origin);
      return null;
    },
    async 'sites/setCorner'(p, sender) {
      const origin = text(payload(p).origin, 'The site');
      ownOrigin(sender, origin);
      await setCorner(deps, origin, p.corner);
      return null;
    },
    async 'overlay/get'(_p, sender) {
      // An extension page (popup, options) sees it all; a page only when its own site is turned
      // on and still granted. The projection is no longer in storage.local, which every content
      // script could read (issue 16, item 15).
      const from = sender.url ? new URL(sender.url) : undefined;
      if (!from?.protocol.endsWith('-extension:')) {
        if (!from || (from.protocol !== 'https:' && from.protocol !== 'http:')) return null;
        const site = await getSite(await deps.db(), originPattern(from.origin));
        if (!site?.enabled || site.revoked) return null;
      }
      return deps.platform.readOverlay();
    },
    async 'sites/getCorner'(p, sender) {
      const origin = text(payload(p).origin, 'The site');
      ownOrigin(sender, origin);
      const site = await getSite(await deps.db(), originPattern(origin));
      return site?.enabled ? site.corner : null;
    },
    async 'replies/copied'(p) {
      payload(p);
      const db = await deps.db();
      const rec = await shownIncident(db, p.sourceId, p.incidentId, deps.now());
      // ('' for an incident without updates yet: its first update makes the reply stale)
      const updateId = optText(p.updateId, 'The update id', 500) ?? '';
      // (an update older than the latest is fine: a poll may have landed while the agent copied)
      if (updateId !== '' && !rec.incident.updates.some((u) => u.id === updateId))
        throw new Error("The reply must quote one of the incident's updates.");
      await putCopiedReply(
        db,
        {
          key: rec.key,
          updateId,
          text: text(p.text, 'The reply', REPLY_MAX_CHARS),
          copiedAt: deps.now(),
        },
        MAX_COPIED_REPLIES,
      );
      // For the review's support impact: that a reply was copied, and when; not its text.
      await addSupportSignal(db, rec.key, { kind: 'reply_copied', at: deps.now() });
      return null;
    },
    async 'support/ticketMatched'(p) {
      payload(p);
      const db = await deps.db();
      // Only for an incident this page's overlay shows (like every command a page may send).
      const { key } = await shownIncident(db, p.sourceId, p.incidentId, deps.now());
      const signal = supportSignalFrom({
        kind: 'ticket_matched',
        at: deps.now(),
        ticket: p.ticket,
      });
      if (!signal?.ticket) throw new Error('The ticket must be an opaque hash (hex), not text.');
      await addSupportSignal(db, key, signal);
      return null;
    },
    async 'feed/markDone'(p) {
      payload(p);
      const db = await deps.db();
      const { key } = await shownIncident(db, p.sourceId, p.incidentId);
      const obligationId = text(p.obligationId, 'The duty');
      if (!AGENT_DUTIES.includes(obligationId))
        throw new Error(`"${obligationId}" is not a duty an agent can mark done.`);
      if (!(await markFeedIncidentDone(db, key, obligationId, deps.now())))
        throw new Error('This incident is no longer listed.');
      return null;
    },
    async 'settings/setNotifications'(p) {
      payload(p);
      const db = await deps.db();
      const { value, problems } = checkPrefs(p);
      const [bad] = problems;
      if (bad) throw new Error(refusal(bad));
      const next = choose(await getSetting(db, 'notifications'), value);
      await setSetting(db, 'notifications', next);
      return next;
    },
  };
}
