import { copiedKey, putCopiedReply } from '../../db/marks';
import { supportSignalFrom } from '../../../core/review';
import { addSupportSignal, feedKey, markFeedIncidentDone } from '../../db/sources';
import { DEFAULT_NOTIFICATIONS, getSetting, setSetting } from '../../db/settings';
import type { NotificationPrefs } from '../../db/schema';
import type { Handlers, Sender } from '../../messaging/channel';
import type { Deps } from '../../background/deps';
import { optText, text } from '../../../core/validate';
import { payload } from '../../background/input';
import { disableSite, enableSite, setCorner } from './registration';
import type { NotificationCommands } from '../../notifications/protocol';
import type { SiteCommands } from '../protocol';

/** Site and overlay commands, and (for now) the notification settings one. */
type Own = keyof SiteCommands | keyof NotificationCommands;

const PREF_KEYS = Object.keys(DEFAULT_NOTIFICATIONS) as (keyof NotificationPrefs)[];

/** A content script may only speak for the page it runs in. */
function ownOrigin(sender: Sender, origin: string): void {
  if (sender.tab && sender.url && new URL(sender.url).origin !== new URL(origin).origin) {
    throw new Error('Refused: a page may only change its own site.');
  }
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
      const site = await enableSite(deps, text(payload(p).origin, 'The site'));
      return site;
    },
    async 'sites/disable'(p) {
      await disableSite(deps, text(payload(p).origin, 'The site'));
      return null;
    },
    async 'sites/setCorner'(p, sender) {
      const origin = text(payload(p).origin, 'The site');
      ownOrigin(sender, origin);
      await setCorner(deps, origin, p.corner);
      return null;
    },
    async 'replies/copied'(p) {
      payload(p);
      const sourceId = text(p.sourceId, 'The source id');
      const incidentId = text(p.incidentId, 'The incident id');
      await putCopiedReply(await deps.db(), {
        key: copiedKey(sourceId, incidentId),
        // ('' for an incident without updates yet: its first update makes the reply stale)
        updateId: optText(p.updateId, 'The update id', 500) ?? '',
        text: text(p.text, 'The reply', 20_000),
        copiedAt: deps.now(),
      });
      // For the review's support impact: that a reply was copied, and when; not its text.
      await addSupportSignal(await deps.db(), copiedKey(sourceId, incidentId), {
        kind: 'reply_copied',
        at: deps.now(),
      });
      return null;
    },
    async 'support/ticketMatched'(p) {
      payload(p);
      const key = feedKey(text(p.sourceId, 'The source id'), text(p.incidentId, 'The incident id'));
      const signal = supportSignalFrom({
        kind: 'ticket_matched',
        at: deps.now(),
        ticket: p.ticket,
      });
      if (!signal?.ticket) throw new Error('The ticket must be an opaque hash (hex), not text.');
      await addSupportSignal(await deps.db(), key, signal);
      return null;
    },
    async 'feed/markDone'(p) {
      payload(p);
      const key = feedKey(text(p.sourceId, 'The source id'), text(p.incidentId, 'The incident id'));
      const obligationId = text(p.obligationId, 'The duty');
      if (!AGENT_DUTIES.includes(obligationId))
        throw new Error(`"${obligationId}" is not a duty an agent can mark done.`);
      if (!(await markFeedIncidentDone(await deps.db(), key, obligationId, deps.now())))
        throw new Error('This incident is no longer listed.');
      return null;
    },
    async 'settings/setNotifications'(p) {
      payload(p);
      const db = await deps.db();
      const next = { ...(await getSetting(db, 'notifications')) };
      for (const k of PREF_KEYS) {
        const v = p[k];
        if (v === undefined) continue;
        if (typeof v !== 'boolean') throw new Error(`${k} must be true or false.`);
        next[k] = v;
      }
      await setSetting(db, 'notifications', next);
      return next;
    },
  };
}
