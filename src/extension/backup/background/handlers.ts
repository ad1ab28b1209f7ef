import { exportAll, importAll } from '../../db/backup';
import type { Handlers } from '../../messaging/channel';
import type { Deps } from '../../background/deps';
import { payload } from '../../background/input';
import { syncSites } from '../../sites/background/registration';
import type { BackupCommands } from '../protocol';

/**
 * Backup export and import (types in backup/protocol.ts). An import re-registers the imported
 * sites; the router then recomputes everything, as after every write.
 */
export function backupHandlers(deps: Deps): Pick<Handlers, keyof BackupCommands> {
  return {
    async 'data/export'() {
      return { json: await exportAll(await deps.db(), deps.now()) };
    },
    async 'data/import'(p) {
      if (typeof payload(p).json !== 'string') throw new Error('The backup must be text.');
      const result = await importAll(await deps.db(), p.json);
      if (result.ok) await syncSites(deps);
      return result;
    },
  };
}
