import type { Handlers, Sender } from '../messaging/channel';
import type { Command } from '../messaging/commands';
import type { Deps } from './deps';
import { incidentHandlers } from '../responder/background/incidents';
import { siteHandlers } from '../sites/background/handlers';
import { overlayHandlers } from '../content/background/handlers';
import { sourceHandlers } from '../feeds/background/sources';
import { refresh } from './refresh';
import { responderHandlers } from '../responder/background/handlers';
import { reviewHandlers } from '../reviews/background/handlers';
import { releaseOrigin } from '../sites/background/registration';
import { backupHandlers } from '../backup/background/handlers';
import { policyHandlers } from '../policy/background/handlers';
import { teamHandlers } from '../team/background/handlers';

/**
 * Commands after which nothing derived can have changed: they read (a content script asks for
 * its corner and the overlay projection as it mounts), or (notification preferences)
 * write only what the next poll's notices consult, or (a matched ticket) only a support signal
 * the review reads later, or (a template) only the composer's wording. A refresh after `support/ticketMatched` would also rewrite the overlay's
 * state, which the overlay that sent it observes. `data/import` recomputes itself, because once
 * the data is replaced a failed refresh must be a note beside its result, not an error.
 * Every other command gets a refresh.
 */
const NO_REFRESH: ReadonlySet<Command> = new Set<Command>([
  'statuspage/status',
  'statuspage/components',
  'sites/getCorner',
  'overlay/get',
  // the reply language is read by the overlay when it wants it; nothing derived changes
  'overlay/getReplyLanguage',
  'overlay/setReplyLanguage',
  'sources/test',
  'data/export',
  'data/import',
  'settings/setNotifications',
  'settings/setTemplate',
  'support/ticketMatched',
]);

/**
 * The one way state is refreshed after a write: each command outside NO_REFRESH is followed by
 * `refresh` (badge, overlay projection, notifications), so no handler has to remember it. A
 * command that throws is not followed by one: it wrote nothing the views should see.
 */
export function withRefresh(deps: Deps, handlers: Handlers): Handlers {
  type Any = (req: unknown, sender: Sender) => Promise<unknown>;
  const out: Record<string, Any> = {};
  for (const [cmd, fn] of Object.entries(handlers) as [Command, Any][]) {
    out[cmd] = NO_REFRESH.has(cmd)
      ? fn
      : async (req, sender) => {
          const value = await fn(req, sender);
          await refresh(deps);
          return value;
        };
  }
  return out as Handlers;
}

/** The one handler object the background registers (docs/style.md #3). */
export function createHandlers(deps: Deps): Handlers {
  return withRefresh(deps, {
    ...sourceHandlers(deps),
    ...siteHandlers(deps),
    ...overlayHandlers(deps),
    ...incidentHandlers(deps),
    ...backupHandlers(deps),
    ...responderHandlers({ ...deps, releaseOrigin: (pattern) => releaseOrigin(deps, pattern) }),
    ...reviewHandlers(deps),
    ...policyHandlers(deps),
    ...teamHandlers(deps),
  });
}
