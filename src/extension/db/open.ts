import { openDB, type IDBPDatabase } from 'idb';
import { runMigrations } from './migrations';
import { DB_NAME, DB_VERSION, type LensDB } from './schema';

/** An open connection to the extension database. */
export type LensDatabase = IDBPDatabase<LensDB>;

/**
 * Opens (creating or upgrading) the database with ONE `upgrade` callback that runs the ordered
 * migrations. `version` exists for the upgrade tests, which write a database at an older schema.
 */
export function openLensDB(
  name: string = DB_NAME,
  version: number = DB_VERSION,
): Promise<LensDatabase> {
  return openDB<LensDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      // A failed step aborts the versionchange transaction, so openDB rejects and nothing is half-done.
      void runMigrations(db, tx, oldVersion, newVersion ?? version).catch(() => {
        tx.done.catch(() => undefined);
        tx.abort();
      });
    },
    blocking(_current, _next, event) {
      // A newer version (another extension context after an update) wants to upgrade: step aside.
      (event.target as IDBDatabase | null)?.close();
    },
  });
}
