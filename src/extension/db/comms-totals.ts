/**
 * The stored tallies summed per UTC month (`commsTotals`, core/review/comms-totals.ts), kept in
 * the transaction that writes the tallies (summaries.ts), so the totals are always the sum of the
 * tallies stored: the reviews dashboard's first screen reads a dozen months instead of every
 * tally of the year (issue 22). A month holding a tally of another policy is not used (the reader
 * falls back to the tallies), as a tally of another policy is not.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import {
  applyTally,
  emptyTotals,
  fromStored,
  isEmptyTotals,
  toStored,
  totalsMonth,
  type CommsTotals,
} from '../../core/review/comms-totals';
import type { ObligationIncident } from '../../core/obligations';
import { commsTally } from '../../core/review/comms-monthly';
import { communicationCompliance } from '../../core/review/compliance';
import type { Policy } from '../../core/types';
import { talliesMayLack } from './dashboard-state';
import type { LensDB, SummaryRecord, TallyRecord } from './schema';
import { presentKeys, putAll } from './bulk';

export type TalliesTx = IDBPTransaction<
  LensDB,
  ('commsTallies' | 'commsTotals' | 'dashboardState' | StoreNames<LensDB>)[],
  'readwrite' | 'versionchange'
>;

/**
 * Puts these tallies and deletes those of `deleted` (incident ids) in `tx`, moving the monthly
 * totals by the difference: each incident's stored tally out, its new one in. `fresh`: the store
 * holds none of them (emptied in this transaction): none is read. Otherwise one key read tells
 * which are stored, and only those are read (issue 22: a read per tally of a bulk write of new
 * incidents cost as much as its put).
 */
export async function writeTallies(
  tx: TalliesTx,
  puts: readonly TallyRecord[],
  deleted: readonly string[],
  { fresh = false }: { fresh?: boolean } = {},
): Promise<void> {
  const tallies = tx.objectStore('commsTallies');
  const next = new Map(puts.map((r) => [r.incidentId, r]));
  for (const id of deleted) if (!next.has(id)) next.set(id, undefined as never);
  const ids = [...next.keys()];
  const present = fresh ? new Set<string>() : await presentKeys(tallies, ids);
  const old = await Promise.all(
    ids.map((id) => (present && !present.has(id) ? undefined : tallies.get(id))),
  );
  const deltas: { id: string; rec: TallyRecord; sign: 1 | -1 }[] = [];
  ids.forEach((id, k) => {
    const before = old[k];
    if (before?.tally) deltas.push({ id, rec: before, sign: -1 });
    const after = next.get(id);
    if (after?.tally) deltas.push({ id, rec: after, sign: 1 });
  });
  // v10: a tally record added or removed may make or break "every resolved incident has its
  // tally" (dashboard-state.ts): the mark goes, and confirmTallies counts again.
  const moved = ids.some((id, k) => (old[k] === undefined) !== (next.get(id) === undefined));
  await Promise.all([moveTotals(tx, deltas), moved ? talliesMayLack(tx) : undefined]);
  await Promise.all([
    putAll(tallies, puts),
    ...deleted
      .filter((id) => !next.get(id) && (!present || present.has(id)))
      .map((id) => tallies.delete(id)),
  ]);
}

/**
 * Applies tally additions and removals to the month records (each read and written once), stored
 * in their compact form (core comms-totals.ts StoredTotals).
 */
export async function moveTotals(
  tx: TalliesTx,
  deltas: readonly { id: string; rec: TallyRecord; sign: 1 | -1 }[],
): Promise<void> {
  const store = tx.objectStore('commsTotals');
  const months = [...new Set(deltas.map((d) => totalsMonth(d.rec.tally!)))];
  const stored = await Promise.all(months.map((m) => store.get(m)));
  const byMonth = new Map<string, CommsTotals>(
    months.map((m, k) => [m, stored[k] ? fromStored(stored[k]) : emptyTotals(m)]),
  );
  for (const { id, rec, sign } of deltas) {
    const m = totalsMonth(rec.tally!);
    byMonth.set(m, applyTally(byMonth.get(m)!, id, rec.tally!, rec.policyStamp, sign));
  }
  await Promise.all(
    [...byMonth.values()].map((t) =>
      isEmptyTotals(t) ? store.delete(t.month) : store.put(toStored(t)),
    ),
  );
}

/**
 * An open incident's tally for its summary (schema.ts SummaryRecord `comms`): judged at `now` by
 * the current `policy` (fingerprint `stamp`); none when an event is dated after `now` (it would
 * count once its time came, which a stored tally cannot know).
 */
export function openTally(
  incident: ObligationIncident,
  policy: Policy,
  stamp: string,
  now: number,
): SummaryRecord['comms'] {
  if (incident.events.some((e) => e.at > now)) return undefined;
  return { tally: commsTally(communicationCompliance(incident, policy, now)), policyStamp: stamp };
}

/**
 * Every month's totals made again from the stored tallies: the v10 step, so totals kept by v8's
 * rule (edge tallies a day either side, as objects) are in the narrower, compact form the
 * dashboard reads fastest. Only derived records change.
 */
export async function rebuildTotals(tx: TalliesTx): Promise<void> {
  const [tallies] = await Promise.all([
    tx.objectStore('commsTallies').getAll(),
    tx.objectStore('commsTotals').clear(),
  ]);
  await moveTotals(
    tx,
    tallies.flatMap((rec) => (rec.tally ? [{ id: rec.incidentId, rec, sign: 1 as const }] : [])),
  );
}
