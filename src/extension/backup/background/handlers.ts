import { exportAll, importAll } from '../../db/backup';
import { refreshAllSummaries } from '../../db/summaries';
import { publishLocal } from '../../db/shared';
import type { Handlers } from '../../messaging/channel';
import { IMPORT_PROGRESS, type ImportProgressMessage } from '../../messaging/commands';
import type { Deps } from '../../background/deps';
import { isObj } from '../../../core/validate';
import { payload } from '../../background/input';
import { refresh } from '../../background/refresh';
import { syncSites } from '../../sites/background/registration';
import { feedKeyOf } from '../../feeds/refusals';
import type { BackupCommands } from '../protocol';

/**
 * Backup export and import (types in backup/protocol.ts). An import re-registers the imported
 * sites and recomputes everything itself (the router leaves `data/import` out of its refresh):
 * once the data is replaced, a failure in either step is a note beside the result, never
 * "nothing was changed" (issue 16 #4).
 */
/** How often an import reports its progress to the options page. */
const PROGRESS_EVERY_MS = 100;

export function backupHandlers(deps: Deps): Pick<Handlers, keyof BackupCommands> {
  return {
    async 'data/export'(p) {
      const includeHeaders = isObj(p) && p.includeHeaders === true;
      return { json: await exportAll(await deps.db(), deps.now(), includeHeaders) };
    },
    async 'data/import'(p) {
      if (typeof payload(p).json !== 'string') throw new Error('The backup must be text.');
      // Progress for the options page's bar, at most every PROGRESS_EVERY_MS (and the last one).
      let last = -Infinity;
      const mode = p.mode === 'merge' ? 'merge' : 'replace';
      const result = await importAll(await deps.db(), p.json, {
        mode,
        feedKey: feedKeyOf,
        onProgress: ({ written, total }) => {
          const now = deps.now();
          if (written < total && now - last < PROGRESS_EVERY_MS) return;
          last = now;
          const msg: ImportProgressMessage = { type: IMPORT_PROGRESS, written, total };
          void deps.platform.toPages(msg);
        },
      });
      if (!result.ok) return result;
      const { derived, ...imported } = result;
      // The list's stored next deadlines and the tallies: a replace writes them after its commit
      // from the backup's records (db/import-derived.ts; its last batch confirms the dashboard's
      // mark), not awaited: the views compute what is missing from the timelines meanwhile. A
      // merge recomputes them from the stores.
      if (!derived) await refreshAllSummaries(await deps.db());
      else
        derived.catch((e: unknown) =>
          console.error('[incident-lens] writing the imported summaries:', e),
        );
      // Team mode: the imported shared records become the shared store's current versions.
      await publishLocal(await deps.db());
      const warnings: string[] = [];
      await syncSites(deps, (pattern, e) =>
        warnings.push(`The overlay could not be registered for ${pattern}: ${errorText(e)}`),
      );
      await refresh(deps).catch((e: unknown) =>
        warnings.push(`Recomputing after the import failed: ${errorText(e)}`),
      );
      return { ...imported, notes: [...imported.notes, ...warnings] };
    },
  };
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
