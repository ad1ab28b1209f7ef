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
 * - `openOrdered`: the side panel's open list (list-state.ts), confirmed with this one;
 *   `openCommsCurrent`: every open incident's copy in `openComms` is current (open-comms.ts),
 *   only asked for with this one and built after it.
 *
 * Derived and machine-local: never in a backup, never shared.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { checkOpenOrdered, OPEN_ORDERED, openMayChange } from './list-state';
import {
  buildOpenCommsLater,
  OPEN_COMMS_CURRENT,
  openCommsMayChange,
  requestOpenComms,
} from './open-comms';
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
  return tx.objectStore(STATE_STORE).delete(TALLIES_COMPLETE);
}

/**
 * Forgets the marks an incident write can break, the tallies', the open list's (list-state.ts) and
 * the open incidents' dashboard copies' (open-comms.ts): a write of incidents in bulk whose old
 * records are not read (saveIncidents, a merge import).
 */
export function incidentsMayChange(tx: StateTx): Promise<unknown> {
  return Promise.all([talliesMayLack(tx), openMayChange(tx), openCommsMayChange(tx)]);
}

/**
 * Puts and deletes incident records within `tx`, forgetting a mark only when the batch breaks it:
 * the tallies' when it changes which incidents the `by-resolved` index holds (a new or first
 * resolved one, a resolution time removed, a resolved one deleted), the open list's when it
 * changes which are open, the dashboard copies' (open-comms.ts) when it writes or deletes an
 * incident that is or was open (its stamp may change). An edit or an appended event, local or a
 * teammate's, keeps the first two, so the next confirm or read is one `get` instead of counting;
 * a resolved incident's edit keeps all three. The old records are read in this transaction, and
 * only while a mark is there to keep.
 */
export async function putIncidents(
  tx: StateTx,
  records: readonly IncidentRecord[],
  deleted: readonly string[] = [],
): Promise<void> {
  if (records.length === 0 && deleted.length === 0) return;
  const store = tx.objectStore('incidents');
  const state = tx.objectStore(STATE_STORE);
  const marks = await Promise.all([
    state.getKey(TALLIES_COMPLETE),
    state.getKey(OPEN_ORDERED),
    state.getKey(OPEN_COMMS_CURRENT),
  ]);
  const marked = marks.some((k) => k !== undefined);
  const ids = [...records.map((r) => r.id), ...deleted];
  const old = marked ? await Promise.all(ids.map((id) => store.get(id))) : [];
  const changed = (of: (r: IncidentRecord | undefined) => boolean) =>
    marked && ids.some((_id, i) => of(old[i]) !== of(records[i])); // records[i]: undefined if gone
  const open = (r: IncidentRecord | undefined) => r?.status === 'open';
  const touchesOpen =
    marks[2] !== undefined && ids.some((_id, i) => open(old[i]) || open(records[i]));
  await Promise.all([
    ...records.map((r) => store.put(r)),
    ...deleted.map((id) => store.delete(id)),
    changed((r) => r?.resolvedAt !== undefined) ? talliesMayLack(tx) : undefined,
    changed(open) ? openMayChange(tx) : undefined,
    touchesOpen ? openCommsMayChange(tx) : undefined,
  ]);
}

/** One incident put (a local save, a review's publication): `putIncidents` of one. */
export function putIncident(tx: StateTx, incident: IncidentRecord): Promise<void> {
  return putIncidents(tx, [incident]);
}

/**
 * Records that the tallies are complete when they are: the two counts taken and the mark put in
 * one transaction, so no write falls between. Cheap when already recorded (one `get`). Called
 * after the write paths' recomputations, at the worker's start and after an import. (`db` typed
 * as idb's, not open.ts's LensDatabase: the migrations import this module.)
 *
 * The open list's mark is confirmed here too (list-state.ts: two counts), but the dashboard copies'
 * (open-comms.ts) only asked for: building it reads every open incident and copy, and this runs
 * after every write (with 10,000 open, 50–100 ms in a read-write transaction that the side panel's
 * reads queued behind). It is built after this commits, in a read-only transaction, not awaited
 * (`openCommsBuilt` awaits it).
 */
export async function confirmTallies(db: IDBPDatabase<LensDB>): Promise<boolean> {
  const tx = db.transaction(
    ['incidents', 'commsTallies', 'summaries', 'settings', STATE_STORE],
    'readwrite',
  );
  const state = tx.objectStore(STATE_STORE);
  const ordered = checkOpenOrdered(tx);
  const comms = requestOpenComms(tx);
  let complete = (await state.get(TALLIES_COMPLETE)) !== undefined;
  if (!complete) complete = await checkTallies(tx);
  const [, build] = await Promise.all([ordered, comms]);
  await tx.done;
  if (build) buildOpenCommsLater(db);
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
  const n = rec && 'n' in rec ? rec.n + delta : await tx.objectStore('actionItems').count();
  await state.put({ key: ITEM_COUNT, n });
}
