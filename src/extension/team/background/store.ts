import { LOCAL_AUTHOR, type Author } from '../../../core/team';
import type { LensDatabase } from '../../db/open';
import type { Pouch, SharedStore } from '../../db/pouch';
import type { TeamConfig } from '../../db/schema';
import { getSetting } from '../../db/settings';
import type { SharedDoc } from '../../db/shared-docs';
import { attachShared, migrateToShared } from '../../db/shared';

/** The local PouchDB (IndexedDB adapter) that holds the shared documents, replicated when in a team. */
export const LOCAL_POUCH = 'incident-lens-team';

/** What the worker knows of the team now; reloaded from settings on every wake. */
export interface TeamRuntime {
  store: SharedStore;
  config: TeamConfig | null;
}

const runtimes = new WeakMap<LensDatabase, TeamRuntime>();

export function authorOf(config: TeamConfig | null): Author {
  return config ? { name: config.user, display: config.display || config.user } : LOCAL_AUTHOR;
}

/**
 * Puts the shared store behind a freshly opened database connection and moves existing local
 * records into it (once). Local-only stays the default: with no team configured nothing replicates.
 */
export async function attachTeam(
  db: LensDatabase,
  now: () => number,
  afterWrite: () => void,
  pouch: Pouch<SharedDoc>,
): Promise<TeamRuntime> {
  const rt: TeamRuntime = {
    config: await getSetting(db, 'team'),
    store: { pouch, author: () => authorOf(rt.config), now, afterWrite },
  };
  runtimes.set(db, rt);
  await migrateToShared(db, rt.store);
  attachShared(db, rt.store);
  return rt;
}

export function teamRuntime(db: LensDatabase): TeamRuntime | undefined {
  return runtimes.get(db);
}
