/**
 * v11 (issue 22): each open incident's stamp and communication tally, copied from its summary
 * (summaries.ts) into `openComms` in the transaction that writes or removes the summary, so the
 * reviews dashboard's first screen (reviews/first-screen.ts) reads one small record per open
 * incident instead of every summary with its running deadlines (the largest read of the page).
 *
 * The record is what the summary holds, nothing more: the page checks its stamp against the
 * incident record as it checked the summary's, and computes from the timeline where it is
 * missing or stale. Slower, never wrong. Derived and machine-local: never in a backup, never
 * shared; an import clears it with the summaries (DERIVED_STORES).
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { packTally } from '../../core/review/comms-edge';
import { putAll } from './bulk';
import type { LensDB, OpenCommsRecord, SummaryRecord } from './schema';

/** The store. */
export const OPEN_COMMS = 'openComms';

/** Any read-write transaction that may hold the store. */
type OpenCommsTx = IDBPTransaction<
  LensDB,
  ('openComms' | StoreNames<LensDB>)[],
  'readwrite' | 'versionchange'
>;

/** The dashboard's part of a summary. */
export function openCommsOf(s: SummaryRecord): OpenCommsRecord {
  if (!s.comms) return { incidentId: s.incidentId, stamp: s.stamp };
  const { tally, policyStamp } = s.comms;
  return {
    incidentId: s.incidentId,
    stamp: s.stamp,
    policyStamp,
    tally: tally ? packTally(tally) : null,
  };
}

/**
 * Puts the dashboard's part of these summaries within `tx`. Nothing when the transaction lacks the
 * store (a migration step older than v11, before it exists).
 */
export function putOpenComms(
  tx: OpenCommsTx,
  summaries: readonly SummaryRecord[],
): Promise<unknown> {
  if (summaries.length === 0 || !tx.objectStoreNames.contains(OPEN_COMMS)) return Promise.resolve();
  // One request each, without idb's promise per put (bulk.ts): an import writes thousands.
  return putAll(tx.objectStore(OPEN_COMMS), summaries.map(openCommsOf));
}

/** Removes the records of these incidents within `tx` (their summaries removed). */
export function dropOpenComms(tx: OpenCommsTx, ids: readonly string[]): Promise<unknown> {
  if (ids.length === 0 || !tx.objectStoreNames.contains(OPEN_COMMS)) return Promise.resolve();
  const store = tx.objectStore(OPEN_COMMS);
  return Promise.all(ids.map((id) => store.delete(id)));
}
