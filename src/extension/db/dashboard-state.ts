/**
 * v10 (issue 22): what the reviews dashboard's first screen used to count on every read, kept as
 * two small records of `dashboardState`, so its trust check and its item total are one `get` each
 * instead of counting 10,000 index entries:
 *
 * - `talliesComplete`: present only while every resolved incident has its tally record and no
 *   tally is left of an incident gone (the counts of `commsTallies` and of `incidents` by
 *   `by-resolved` agree: the check the page made itself before v10). Removed, in the same
 *   transaction, by every write that can break that (an incident record put or deleted, a tally
 *   record added or removed, a store cleared by an import); put back only by `confirmTallies`,
 *   which counts both in the transaction that puts it. Absent, the page counts as before: slower,
 *   never wrong.
 * - `items`: how many action items `actionItems` holds, moved with them (action-items.ts).
 *
 * Derived and machine-local: never in a backup, never shared.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { checkOpenOrdered, openMayChange } from './list-state';
import type { IncidentRecord, LensDB } from './schema';

/** The store. */
export const STATE_STORE = 'dashboardState';
export const TALLIES_COMPLETE = 'talliesComplete';
export const ITEM_COUNT = 'items';

/** Any read-write transaction holding the state store. */
type StateTx = IDBPTransaction<
  LensDB,
  ('dashboardState' | StoreNames<LensDB>)[],
  'readwrite' | 'versionchange'
>;

/**
 * Forgets that the tallies are complete, within `tx` (a write that may break it). Nothing when the
 * transaction lacks the store: a migration step older than v10, before the store exists.
 */
export function talliesMayLack(tx: StateTx): Promise<unknown> {
  if (!tx.objectStoreNames.contains(STATE_STORE)) return Promise.resolve();
  // The callers write incidents in bulk: the open list's mark goes too (list-state.ts).
  return Promise.all([tx.objectStore(STATE_STORE).delete(TALLIES_COMPLETE), openMayChange(tx)]);
}

/**
 * Puts an incident record within `tx`, forgetting the mark only when the put changes whether the
 * `by-resolved` index holds it (a new resolved incident, a first resolution, a resolution time
 * removed): the only put that can make the two counts differ. An edit or an appended event keeps
 * the mark, so the confirm after the write is one `get` instead of counting every resolved incident.
 */
export async function putIncident(tx: StateTx, incident: IncidentRecord): Promise<void> {
  const store = tx.objectStore('incidents');
  const old = await store.get(incident.id);
  const moved = (old?.resolvedAt === undefined) !== (incident.resolvedAt === undefined);
  // The open list's mark (list-state.ts) likewise goes only when the open count may change.
  const opened = (old?.status === 'open') !== (incident.status === 'open');
  await Promise.all([
    store.put(incident),
    moved ? talliesMayLack(tx) : undefined,
    opened ? openMayChange(tx) : undefined,
  ]);
}

/**
 * Records that the tallies are complete when they are: the two counts taken and the mark put in
 * one transaction, so no write falls between. Cheap when already recorded (one `get`). Called
 * after the write paths' recomputations, at the worker's start and after an import. (`db` typed
 * as idb's, not open.ts's LensDatabase: the migrations import this module.)
 */
export async function confirmTallies(db: IDBPDatabase<LensDB>): Promise<boolean> {
  const tx = db.transaction(['incidents', 'commsTallies', 'summaries', STATE_STORE], 'readwrite');
  const state = tx.objectStore(STATE_STORE);
  // The open list's mark too (list-state.ts), after the same recomputations.
  const ordered = checkOpenOrdered(tx);
  let complete = (await state.get(TALLIES_COMPLETE)) !== undefined;
  if (!complete) complete = await checkTallies(tx);
  await ordered;
  await tx.done;
  return complete;
}

/** Counts both within `tx` and puts the mark when they agree. */
export async function checkTallies(
  tx: IDBPTransaction<
    LensDB,
    ('incidents' | 'commsTallies' | 'dashboardState' | StoreNames<LensDB>)[],
    'readwrite' | 'versionchange'
  >,
): Promise<boolean> {
  const [tallies, resolved] = await Promise.all([
    tx.objectStore('commsTallies').count(),
    tx.objectStore('incidents').index('by-resolved').count(),
  ]);
  if (tallies !== resolved) return false;
  await tx.objectStore(STATE_STORE).put({ key: TALLIES_COMPLETE, n: resolved });
  return true;
}

/**
 * Moves the stored item count by `delta` within `tx`, or, when it is missing (a store cleared),
 * counts the items once: the caller issues this after its own puts and deletes, which the count
 * then sees. Nothing when the transaction lacks the store (a step older than v10).
 */
export async function moveItemCount(tx: StateTx, delta: number): Promise<void> {
  if (!tx.objectStoreNames.contains(STATE_STORE)) return;
  const state = tx.objectStore(STATE_STORE);
  const rec = await state.get(ITEM_COUNT);
  if (rec && delta === 0) return;
  const n = rec ? rec.n + delta : await tx.objectStore('actionItems').count();
  await state.put({ key: ITEM_COUNT, n });
}
