import type { Language } from '../../../core/language';
import { RESOLVED_KEEP_MAX_MINUTES } from '../../../core/feed/since';
import { payload } from '../../background/input';
import type { Deps } from '../../background/deps';
import { setSetting } from '../../db/settings';
import { getSite, updateSite } from '../../db/sites';
import type { Handlers, Sender } from '../../messaging/channel';
import { originPattern } from '../../origins/match-patterns';
import type { OverlayCommands } from '../protocol';

/** Tickets whose reply language a site remembers; the oldest choice goes first. */
export const TICKET_LANGUAGES = 200;

const LANGUAGES: readonly Language[] = ['en', 'de'];

function language(v: unknown): Language {
  if (!LANGUAGES.includes(v as Language)) throw new Error('The reply language must be en or de.');
  return v as Language;
}

/** The opaque ticket key (a SHA-256 in hex), never ticket text; absent is fine. */
function ticketKey(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^[0-9a-f]{64}$/.test(v))
    throw new Error('The ticket must be an opaque hash (hex), not text.');
  return v;
}

/** The site a content script asks about: only its own page's (extension pages may name any). */
function ownSite(sender: Sender, originIn: unknown): string {
  if (typeof originIn !== 'string') throw new Error('The site is missing.');
  const origin = new URL(originIn).origin;
  const from = sender.url ? new URL(sender.url) : undefined;
  if (from?.protocol.endsWith('-extension:')) return origin;
  if (!from || from.origin !== origin)
    throw new Error('Refused: a page may only change its own site.');
  return origin;
}

/** Handlers for the overlay's reply language and the resolved-card keep time. */
export function overlayHandlers(deps: Deps): Pick<Handlers, keyof OverlayCommands> {
  return {
    async 'overlay/getReplyLanguage'(p, sender) {
      payload(p);
      const origin = ownSite(sender, p.origin);
      const ticket = ticketKey(p.ticket);
      const site = await getSite(await deps.db(), originPattern(origin));
      if (!site?.enabled) return null;
      return (ticket && site.ticketLanguages?.[ticket]) || site.replyLanguage || null;
    },
    async 'overlay/setReplyLanguage'(p, sender) {
      payload(p);
      const origin = ownSite(sender, p.origin);
      const ticket = ticketKey(p.ticket);
      const lang = language(p.language);
      const changed = await updateSite(await deps.db(), originPattern(origin), (s) => {
        const kept = Object.entries(s.ticketLanguages ?? {}).filter(([k]) => k !== ticket);
        const list = ticket ? [...kept, [ticket, lang] as const] : kept;
        return {
          ...s,
          replyLanguage: lang,
          ticketLanguages: Object.fromEntries(list.slice(-TICKET_LANGUAGES)),
        };
      });
      if (!changed) throw new Error('The overlay is not enabled on this site.');
      return null;
    },
    async 'overlay/setResolvedKeep'(p) {
      payload(p);
      const m = p.minutes;
      if (typeof m !== 'number' || !Number.isInteger(m) || m < 0 || m > RESOLVED_KEEP_MAX_MINUTES)
        throw new Error(
          `The keep time must be a whole number of minutes from 0 to ${RESOLVED_KEEP_MAX_MINUTES}.`,
        );
      await setSetting(await deps.db(), 'resolvedKeepMinutes', m);
      return m;
    },
  };
}
