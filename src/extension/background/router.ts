import { exportAll, importAll } from '../db/backup';
import type { Handlers } from '../messaging/channel';
import { IMPORT_PROGRESS, type ImportProgressMessage } from '../messaging/commands';
import type { Deps } from './deps';
import { incidentHandlers } from '../responder/background/incidents';
import { siteHandlers } from '../sites/background/handlers';
import { sourceHandlers } from '../feeds/background/sources';
import { payload } from './input';
import { refresh } from './refresh';
import { responderHandlers, type ResponderHandlers } from '../responder/background/handlers';
import { reviewHandlers } from '../reviews/background/handlers';
import { policyHandlers } from '../policy/background/handlers';
import { releaseOrigin, syncSites } from '../sites/background/registration';

type DataCommands = 'data/export' | 'data/import';

/** How often an import reports its progress to the options page. */
const PROGRESS_EVERY_MS = 100;

/** Backup export and import. An import re-registers the imported sites and recomputes everything. */
export function dataHandlers(deps: Deps): Pick<Handlers, DataCommands> {
  return {
    async 'data/export'(p) {
      const includeHeaders = !!p && typeof p == 'object' && p.includeHeaders === true;
      return { json: await exportAll(await deps.db(), deps.now(), includeHeaders) };
    },
    async 'data/import'(p) {
      if (typeof payload(p).json !== 'string') throw new Error('The backup must be text.');
      // Progress for the options page's bar, at most every PROGRESS_EVERY_MS (and the last one).
      let last = -Infinity;
      const result = await importAll(await deps.db(), p.json, ({ written, total }) => {
        const now = deps.now();
        if (written < total && now - last < PROGRESS_EVERY_MS) return;
        last = now;
        const msg: ImportProgressMessage = { type: IMPORT_PROGRESS, written, total };
        void deps.platform.toPages(msg);
      });
      if (!result.ok) return result;
      // The data is replaced now: whatever fails from here is reported beside the import's result,
      // never as "nothing was changed" (issue 16 #4).
      const warnings: string[] = [];
      await syncSites(deps, (pattern, e) =>
        warnings.push(`The overlay could not be registered for ${pattern}: ${errorText(e)}`),
      );
      await refresh(deps).catch((e: unknown) =>
        warnings.push(`Recomputing after the import failed: ${errorText(e)}`),
      );
      return { ...result, notes: [...result.notes, ...warnings] };
    },
  };
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Responder commands that only read: nothing derived can have changed after them. */
const READ_ONLY: ReadonlySet<string> = new Set<keyof ResponderHandlers>([
  'statuspage/status',
  'statuspage/components',
]);

/** Responder handlers (background/responder.ts), each write followed by a refresh of derived state. */
function withRefresh(deps: Deps, h: ResponderHandlers): ResponderHandlers {
  const out = {} as Record<string, (req: unknown) => Promise<unknown>>;
  for (const [cmd, fn] of Object.entries(h) as [string, (req: unknown) => Promise<unknown>][]) {
    out[cmd] = READ_ONLY.has(cmd)
      ? fn
      : async (req) => {
          const value = await fn(req);
          await refresh(deps);
          return value;
        };
  }
  return out as ResponderHandlers;
}

/** The one handler object the background registers (docs/style.md #3). */
export function createHandlers(deps: Deps): Handlers {
  return {
    ...sourceHandlers(deps),
    ...siteHandlers(deps),
    ...incidentHandlers(deps),
    ...dataHandlers(deps),
    ...withRefresh(
      deps,
      responderHandlers({ ...deps, releaseOrigin: (pattern) => releaseOrigin(deps, pattern) }),
    ),
    ...reviewHandlers(deps),
    ...policyHandlers(deps),
  };
}
