/**
 * A replace import's derived data (summaries, tallies and their monthly totals: machine-local,
 * never in a backup) written after the import's all-or-nothing transaction has committed, in
 * batches, from the records the import holds (issue 22: about 10,000 of the import's 38,000
 * requests, and their computation, were inside the transaction). The transaction emptied those
 * stores and recorded a background recomputation (`summariesRecompute`, as a policy change does):
 * each batch moves that record on in its own transaction, and the last removes it, so a worker
 * stopped in the middle continues from the stores at its next start (`ensureSummaries`).
 * Meanwhile the stamps keep every view right: a missing summary or tally is computed from its
 * timeline, as after a policy change (slower, never wrong).
 */
import { DEFAULT_POLICY } from '../../core/policy';
import type { Policy } from '../../core/types';
import { confirmTallies } from './dashboard-state';
import { feedKey } from './feed-key';
import { planBatches } from './recompute-order';
import type { LensDatabase } from './open';
import type {
  EventRecord,
  FeedIncidentRecord,
  IncidentRecord,
  SettingRecord,
  SummariesRecompute,
} from './schema';
import {
  DERIVED_STORES,
  derive,
  newRun,
  PENDING,
  putDerived,
  serial,
  watchChanged,
} from './summaries';

/** Incidents per transaction of the derived writes (about one tally or summary each). */
export const DERIVED_BATCH = 1_000;

/** What the derived writes need from the backup: its records, grouped as the import did. */
export interface DerivedSource {
  incidents: readonly IncidentRecord[];
  /** Each incident's events, oldest first (the import sorted them). */
  timelines: ReadonlyMap<string, readonly EventRecord[]>;
  settings: readonly SettingRecord[];
  feedIncidents: readonly FeedIncidentRecord[];
}

/** The recomputation record the import's transaction puts: every summary and tally to make. */
export const importMark = (): SummariesRecompute => ({
  run: `import-${newRun()}`,
  phase: 'open',
  after: null,
});

/**
 * Writes the derived data of a committed replace import, open incidents first (the side panel's
 * list), then the rest, in id order (recompute-order.ts), DERIVED_BATCH per transaction, each
 * taking its turn with the write paths' own recomputations (`serial`). An incident a write path
 * recomputed meanwhile is left out (its summary is newer). Stops when `mark` is no longer the
 * recorded one (a policy saved since: that recomputation covers everything). Resolves once done,
 * the dashboard's mark confirmed.
 */
export async function writeImportDerived(
  db: LensDatabase,
  src: DerivedSource,
  mark: SummariesRecompute,
  batch = DERIVED_BATCH,
): Promise<void> {
  const policy =
    (src.settings.find((r) => r.key === 'policy')?.value as Policy | undefined) ?? DEFAULT_POLICY;
  const feeds = new Map(src.feedIncidents.map((f) => [f.key, f] as const));
  const byId = new Map(src.incidents.map((i) => [i.id, i] as const));
  // In the order a recomputation resumed from the record reads (recompute-order.ts), so a worker
  // stopped in the middle redoes nothing written here; the last batch removes the record.
  const batches = planBatches(src.incidents, mark, batch);
  const changed = watchChanged(db);
  try {
    for (const { ids, next } of batches) {
      const goOn = await serial(db, async () => {
        const keep = ids.map((id) => byId.get(id)!).filter((i) => !changed.seen.has(i.id));
        const linked = new Map(
          keep.flatMap((i) => {
            const f = i.linked && feeds.get(feedKey(i.linked.sourceId, i.linked.incidentId));
            return f ? [[i.id, f] as const] : [];
          }),
        );
        const derived = derive(keep, src.timelines, policy, linked, Date.now());
        const tx = db.transaction([...DERIVED_STORES, 'settings'], 'readwrite', {
          durability: 'relaxed',
        });
        const settings = tx.objectStore('settings');
        const now = (await settings.get(PENDING))?.value as SummariesRecompute | null | undefined;
        if (now?.run !== mark.run) {
          tx.abort();
          await tx.done.catch(() => undefined);
          return false;
        }
        await Promise.all([
          ...putDerived(tx, derived),
          next ? settings.put({ key: PENDING, value: next }) : settings.delete(PENDING),
          tx.done,
        ]);
        return true;
      });
      if (!goOn) return;
    }
  } finally {
    changed.stop();
  }
  await serial(db, () => confirmTallies(db));
}
