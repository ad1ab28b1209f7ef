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
 * list), then the rest in id order, DERIVED_BATCH per transaction, each taking its turn with the
 * write paths' own recomputations (`serial`). An incident a write path recomputed meanwhile is
 * left out (its summary is newer). Stops when `mark` is no longer the recorded one (a policy
 * saved since: that recomputation covers everything). Resolves once done, the dashboard's mark
 * confirmed.
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
  const byId = (a: IncidentRecord, b: IncidentRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const open = src.incidents.filter((i) => i.status === 'open').sort(byId);
  const rest = src.incidents.filter((i) => i.status !== 'open').sort(byId);
  // The phases and `after` as recomputeBatch reads them: open ids, then every id (open ones are
  // skipped there), so a worker resuming from the record redoes nothing written here.
  const batches: { incidents: IncidentRecord[]; next: SummariesRecompute | null }[] = [];
  for (let i = 0; i < open.length; i += batch) {
    const part = open.slice(i, i + batch);
    const last = i + batch >= open.length;
    batches.push({
      incidents: part,
      next: last
        ? { ...mark, phase: 'rest', after: null }
        : { ...mark, phase: 'open', after: part.at(-1)!.id },
    });
  }
  for (let i = 0; i < rest.length; i += batch) {
    const part = rest.slice(i, i + batch);
    const last = i + batch >= rest.length;
    batches.push({
      incidents: part,
      next: last ? null : { ...mark, phase: 'rest', after: part.at(-1)!.id },
    });
  }
  // The last batch removes the record (there may be no resolved incident, or none at all).
  if (batches.length === 0) batches.push({ incidents: [], next: null });
  batches.at(-1)!.next = null;
  const changed = watchChanged(db);
  try {
    for (const { incidents, next } of batches) {
      const goOn = await serial(db, async () => {
        const keep = incidents.filter((i) => !changed.seen.has(i.id));
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
