/**
 * The side panel's open list without counting (issue 22): `readOpenWindow` (sidepanel/data.ts)
 * trusts the summaries' `by-order` index only while every open incident has an ordered summary,
 * and it used to check that by counting both (two counts over 10,000 entries: most of the first
 * screen's 76 ms). The record `openOrdered` of `dashboardState` keeps that check:
 *
 * - present only while the counts of open incidents and of ordered summaries agreed when it was
 *   put (`n`: the open count, the list's total) and no incident has opened, closed, appeared or
 *   gone since;
 * - removed in the same transaction by every write that can change the open count: an incident
 *   put that changes whether it is open (dashboard-state.ts `putIncident`; for a projected batch
 *   dashboard-state.ts `putIncidents`), any bulk incident write (`incidentsMayChange`, which
 *   removes the others too), a merge import, an import's clear. Summaries follow their incidents (a summary is put for an open incident, removed when
 *   it is no longer open): written after its incident, so the mark is already gone by then;
 * - put back only by `checkOpenOrdered`, counting both in the transaction that puts it (after the
 *   write paths' recomputations: `confirmTallies`).
 *
 * Without the mark the list counts as before: slower, never wrong. A raw `put` into `incidents`
 * (tests, tools) bypasses this: remove the mark with it. Derived and machine-local.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { LensDB } from './schema';

/** The mark's key in `dashboardState`. */
export const OPEN_ORDERED = 'openOrdered';

type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<
  LensDB,
  ('dashboardState' | StoreNames<LensDB>)[],
  Mode
>;

/** Forgets the mark within `tx` (nothing when it lacks the store: a step older than v10). */
export function openMayChange(tx: Tx<'readwrite' | 'versionchange'>): Promise<unknown> {
  if (!tx.objectStoreNames.contains('dashboardState')) return Promise.resolve();
  return tx.objectStore('dashboardState').delete(OPEN_ORDERED);
}

/**
 * Counts the open incidents and the ordered summaries within `tx` and puts the mark when they
 * agree; true when they do. One `get` when the mark is there.
 */
export async function checkOpenOrdered(tx: Tx<'readwrite' | 'versionchange'>): Promise<boolean> {
  const state = tx.objectStore('dashboardState');
  if ((await state.get(OPEN_ORDERED)) !== undefined) return true;
  const [open, ordered] = await Promise.all([
    tx.objectStore('incidents').index('by-status').count('open'),
    tx.objectStore('summaries').index('by-order').count(),
  ]);
  if (open !== ordered) return false;
  await state.put({ key: OPEN_ORDERED, n: open });
  return true;
}
